import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { createDisruptionController } from "../../../src/controllers/disruption";
import { scaledValue } from "../../../src/controllers/disruption-scale";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import type { Action } from "../../../src/controllers/types";

const T0 = Date.parse("2025-01-01T00:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000);
const iso = (s: number) => at(s).toISOString().replace(/\.\d{3}Z$/, "Z");
let rv = 1;
const PDBS = "poddisruptionbudgets.policy";

function workload(replicas: number): MemoryCache {
  const cache = new MemoryCache();
  cache.put("deployments.apps", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "ns", uid: "d1", resourceVersion: "1" }, spec: { replicas } });
  cache.put("replicasets.apps", {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-abc", namespace: "ns", uid: "rs1", resourceVersion: "2", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "d1", controller: true }] },
    spec: { replicas },
  });
  return cache;
}

function pod(name: string, ready = true, owned = true): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "ns",
      uid: `uid-${name}`,
      resourceVersion: String(rv++),
      labels: { app: "web" },
      ...(owned ? { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-abc", uid: "rs1", controller: true }] } : {}),
    },
    spec: { containers: [{ name: "c", image: "x" }] },
    status: { phase: "Running", conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  };
}

function pdb(spec: Record<string, unknown>, status?: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: "web-pdb", namespace: "ns", uid: "p1", generation: 1, resourceVersion: String(rv++) },
    spec: { selector: { matchLabels: { app: "web" } }, ...spec },
    ...(status ? { status } : {}),
  };
}

function apply(cache: MemoryCache, actions: Action[]): void {
  for (const a of actions) if (a.verb === "update") cache.put(a.resource, { ...a.object, metadata: { ...a.object.metadata, resourceVersion: String(rv++) } });
}

const statusOf = (actions: Action[]) => (actions.find((a) => a.verb === "update") as Extract<Action, { verb: "update" }>).object.status;

describe("disruption controller", () => {
  const c = createDisruptionController();

  it("computes status for an integer minAvailable and then stays quiet", () => {
    const cache = workload(3);
    for (const n of ["a", "b", "c"]) cache.put("pods", pod(n));
    cache.put(PDBS, pdb({ minAvailable: 2 }));
    const r = c.reconcile("ns/web-pdb", cache, at(0));
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0]).toMatchObject({ verb: "update", resource: PDBS, subresource: "status" });
    expect(statusOf(r.actions)).toEqual({
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
      disruptionsAllowed: 1,
      observedGeneration: 1,
      conditions: [{ type: "DisruptionAllowed", status: "True", reason: "SufficientPods", message: "", observedGeneration: 1, lastTransitionTime: iso(0) }],
    });
    apply(cache, r.actions);
    expect(c.reconcile("ns/web-pdb", cache, at(5))).toEqual({ actions: [] });
  });

  it("scales maxUnavailable percentages against the Deployment's replicas, rounding up", () => {
    const cache = workload(4);
    for (const n of ["a", "b", "c"]) cache.put("pods", pod(n));
    cache.put("pods", pod("d", false));
    cache.put(PDBS, pdb({ maxUnavailable: "25%" }));
    const s = statusOf(c.reconcile("ns/web-pdb", cache, at(0)).actions);
    expect(s).toMatchObject({ expectedPods: 4, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0 });
    expect(s.conditions[0]).toMatchObject({ status: "False", reason: "InsufficientPods" });
  });

  it("scales a minAvailable percentage against the controller's scale", () => {
    const cache = workload(5);
    for (const n of ["a", "b", "c", "d", "e"]) cache.put("pods", pod(n));
    cache.put(PDBS, pdb({ minAvailable: "50%" }));
    expect(statusOf(c.reconcile("ns/web-pdb", cache, at(0)).actions)).toMatchObject({ expectedPods: 5, desiredHealthy: 3, disruptionsAllowed: 2 });
  });

  it("reports a budget with no pods once, with a NoPods event", () => {
    const cache = new MemoryCache();
    cache.put(PDBS, pdb({ minAvailable: 1 }));
    const r = c.reconcile("ns/web-pdb", cache, at(0));
    expect(statusOf(r.actions)).toMatchObject({ currentHealthy: 0, desiredHealthy: 1, expectedPods: 0, disruptionsAllowed: 0 });
    expect(r.actions[1]).toMatchObject({ resource: "events", object: { reason: "NoPods", message: "No matching pods found", type: "Normal" } });
    apply(cache, r.actions);
    expect(c.reconcile("ns/web-pdb", cache, at(1))).toEqual({ actions: [] });
  });

  it("leaves unmanaged pods out of the scale and warns about them", () => {
    const cache = new MemoryCache();
    cache.put("pods", pod("bare", true, false));
    cache.put(PDBS, pdb({ maxUnavailable: 1 }));
    const r = c.reconcile("ns/web-pdb", cache, at(0));
    expect(statusOf(r.actions)).toMatchObject({ expectedPods: 0, desiredHealthy: 0, currentHealthy: 1, disruptionsAllowed: 0 });
    expect(r.actions[1]).toMatchObject({
      object: {
        reason: "UnmanagedPods",
        type: "Warning",
        message:
          "Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set \".spec.minAvailable\" field of the PDB to an integer value.",
      },
    });
  });

  it("counts a pod named in disruptedPods as gone until it is deleted or two minutes pass", () => {
    const cache = workload(3);
    for (const n of ["a", "b", "c"]) cache.put("pods", pod(n));
    cache.put(PDBS, pdb({ minAvailable: 2 }, { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 0, observedGeneration: 1, disruptedPods: { a: iso(0) } }));
    const r = c.reconcile("ns/web-pdb", cache, at(30));
    expect(statusOf(r.actions)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0, disruptedPods: { a: iso(0) } });
    expect(r.requeueAfter).toBe(90_001);
    apply(cache, r.actions);
    expect(c.reconcile("ns/web-pdb", cache, at(31))).toEqual({ actions: [], requeueAfter: 89_001 });
    const later = c.reconcile("ns/web-pdb", cache, at(121));
    const s = statusOf(later.actions);
    expect(s.disruptedPods).toBeUndefined();
    expect(s).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 1 });
    expect(s.conditions[0]).toMatchObject({ status: "True", reason: "SufficientPods", lastTransitionTime: iso(121) });
  });

  it("fails safe on a selector it cannot evaluate", () => {
    const cache = new MemoryCache();
    cache.put(PDBS, pdb({ minAvailable: 1, selector: { matchExpressions: [{ key: "app", operator: "Near" }] } }, { disruptionsAllowed: 3 }));
    const r = c.reconcile("ns/web-pdb", cache, at(0));
    const s = statusOf(r.actions);
    expect(s.disruptionsAllowed).toBe(0);
    expect(s.conditions[0]).toMatchObject({ type: "DisruptionAllowed", status: "False", reason: "SyncFailed", message: '"Near" is not a valid label selector operator' });
    apply(cache, r.actions);
    expect(c.reconcile("ns/web-pdb", cache, at(1))).toEqual({ actions: [] });
  });

  it("wakes the budgets selecting a changed pod", () => {
    const cache = new MemoryCache();
    cache.put(PDBS, pdb({ minAvailable: 1 }));
    const w = c.watches.find((x) => x.resource === "pods")!;
    expect(w.keys(pod("a"), cache)).toEqual(["ns/web-pdb"]);
    expect(w.keys({ ...pod("z"), metadata: { ...pod("z").metadata, labels: { app: "db" } } }, cache)).toEqual([]);
  });

  it("scales int-or-percent values as upstream", () => {
    expect(scaledValue(3, 10)).toBe(3);
    expect(scaledValue("10%", 15)).toBe(2);
    expect(() => scaledValue("3", 10)).toThrow("invalid value for IntOrString");
  });
});
