import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import { createNodeLifecycleController, reconcileTaints } from "../../../src/controllers/node-lifecycle";
import type { Action } from "../../../src/controllers/types";

const T0 = Date.parse("2025-01-01T00:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000);
const iso = (s: number) => at(s).toISOString().replace(/\.\d{3}Z$/, "Z");
let rv = 100;

function node(name: string, ready: "True" | "False" | "Unknown" | undefined, extra: Record<string, any> = {}): KubeObject {
  const conditions = ready
    ? [
        { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", lastHeartbeatTime: iso(0), lastTransitionTime: iso(0) },
        { type: "Ready", status: ready, reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: iso(0), lastTransitionTime: iso(0) },
      ]
    : [];
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid: `uid-${name}`, resourceVersion: String(rv++), creationTimestamp: iso(-3600) },
    spec: { ...extra },
    status: { conditions },
  };
}

function lease(name: string, renew: number): KubeObject {
  const renewTime = at(renew).toISOString().replace("Z", "000Z");
  return { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name, namespace: "kube-node-lease", resourceVersion: String(rv++) }, spec: { holderIdentity: name, renewTime } };
}

function pod(name: string, nodeName: string, ready = true): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: String(rv++) },
    spec: { nodeName, containers: [{ name: "c", image: "nginx" }] },
    status: { phase: "Running", conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  };
}

/** What the runtime does with a write: store the answer (a newer resourceVersion) in the cache. */
function apply(cache: MemoryCache, actions: Action[]): void {
  for (const a of actions) if (a.verb === "update") cache.put(a.resource, { ...a.object, metadata: { ...a.object.metadata, resourceVersion: String(rv++) } });
}

const writes = (actions: Action[]) => actions.filter((a) => !(a.verb === "create" && a.resource === "events"));

describe("node lifecycle", () => {
  const c = createNodeLifecycleController();

  it("leaves a node with a fresh lease alone and wakes at the grace deadline", () => {
    const cache = new MemoryCache();
    cache.put("nodes", node("n1", "True"));
    cache.put("leases.coordination.k8s.io", lease("n1", 10));
    const r = c.reconcile("n1", cache, at(20));
    expect(r.actions).toEqual([]);
    expect(r.requeueAfter).toBe(30_001); // renewed at 10 s + 40 s grace, woken just past it
  });

  it("marks a silent node Unknown, then taints it unreachable, marks its pods not ready, then settles", () => {
    const cache = new MemoryCache();
    cache.put("nodes", node("n1", "True"));
    cache.put("nodes", node("n2", "True"));
    cache.put("leases.coordination.k8s.io", lease("n1", 0));
    cache.put("pods", pod("web", "n1"));
    cache.put("pods", pod("other", "n2"));

    const first = c.reconcile("n1", cache, at(41));
    expect(first.actions).toHaveLength(2);
    const update = first.actions[0] as Extract<Action, { verb: "update" }>;
    expect(update).toMatchObject({ verb: "update", resource: "nodes", subresource: "status" });
    const ready = update.object.status.conditions.find((x: any) => x.type === "Ready");
    expect(ready).toMatchObject({
      status: "Unknown",
      reason: "NodeStatusUnknown",
      message: "Kubelet stopped posting node status.",
      lastHeartbeatTime: iso(0),
      lastTransitionTime: iso(41),
    });
    expect(update.object.status.conditions.find((x: any) => x.type === "MemoryPressure").status).toBe("Unknown");
    // Never-posted kubelet conditions are filled in as upstream does.
    expect(update.object.status.conditions.find((x: any) => x.type === "DiskPressure")).toMatchObject({
      status: "Unknown",
      reason: "NodeStatusNeverUpdated",
      message: "Kubelet never posted node status.",
    });
    expect(first.actions[1]).toMatchObject({ verb: "create", resource: "events", object: { reason: "NodeNotReady", message: "Node n1 status is now: NodeNotReady", type: "Normal" } });
    apply(cache, first.actions);

    const second = c.reconcile("n1", cache, at(42));
    const taintUpdate = second.actions[0] as Extract<Action, { verb: "update" }>;
    expect(taintUpdate).toMatchObject({ verb: "update", resource: "nodes" });
    expect(taintUpdate.subresource).toBeUndefined();
    expect(taintUpdate.object.spec.taints).toEqual([
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: iso(42) },
      { key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: iso(42) },
    ]);
    const podUpdate = second.actions[1] as Extract<Action, { verb: "update" }>;
    expect(podUpdate).toMatchObject({ verb: "update", resource: "pods", subresource: "status", object: { metadata: { name: "web" } } });
    expect(podUpdate.object.status.conditions[0]).toMatchObject({ type: "Ready", status: "False", lastTransitionTime: iso(42) });
    expect(second.actions[2]).toMatchObject({ resource: "events", object: { reason: "NodeNotReady", message: "Node is not ready", type: "Warning" } });
    expect(second.actions).toHaveLength(3);
    apply(cache, second.actions);

    expect(c.reconcile("n1", cache, at(43)).actions).toEqual([]);
    expect(c.reconcile("n1", cache, at(500)).actions).toEqual([]);
  });

  it("taints a node whose kubelet says Ready=False as not-ready, and untaints it when it recovers", () => {
    const cache = new MemoryCache();
    cache.put("nodes", node("n1", "False"));
    cache.put("nodes", node("n2", "True"));
    cache.put("leases.coordination.k8s.io", lease("n1", 5));
    const r = c.reconcile("n1", cache, at(10));
    expect(writes(r.actions)).toHaveLength(1);
    const taints = (r.actions[0] as Extract<Action, { verb: "update" }>).object.spec.taints;
    expect(taints).toEqual([
      { key: "node.kubernetes.io/not-ready", effect: "NoSchedule", timeAdded: iso(10) },
      { key: "node.kubernetes.io/not-ready", effect: "NoExecute", timeAdded: iso(10) },
    ]);
    apply(cache, r.actions);
    expect(c.reconcile("n1", cache, at(11)).actions).toEqual([]);

    // The kubelet reports Ready again; a user's taint survives, ours go.
    const recovered = structuredClone(cache.get("nodes", undefined, "n1")!);
    recovered.status.conditions[1].status = "True";
    recovered.spec.taints.push({ key: "dedicated", value: "gpu", effect: "NoSchedule" });
    recovered.metadata.resourceVersion = String(rv++);
    cache.put("nodes", recovered);
    const back = c.reconcile("n1", cache, at(12));
    expect((back.actions[0] as Extract<Action, { verb: "update" }>).object.spec.taints).toEqual([{ key: "dedicated", value: "gpu", effect: "NoSchedule" }]);
    apply(cache, back.actions);
    expect(c.reconcile("n1", cache, at(13)).actions).toEqual([]);
  });

  it("maps spec.unschedulable to the unschedulable NoSchedule taint and back", () => {
    const cordoned = node("n1", "True", { unschedulable: true });
    expect(reconcileTaints(cordoned, at(5))).toEqual([{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: iso(5) }]);
    const done = { ...cordoned, spec: { unschedulable: true, taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: iso(5) }] } };
    expect(reconcileTaints(done, at(6))).toBeUndefined();
    const uncordoned = { ...done, spec: { taints: done.spec.taints } };
    expect(reconcileTaints(uncordoned, at(7))).toEqual([]);
  });

  it("maps pressure conditions to NoSchedule taints", () => {
    const n = node("n1", "True");
    n.status.conditions[0].status = "True";
    expect(reconcileTaints(n, at(1))).toEqual([{ key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule", timeAdded: iso(1) }]);
  });

  it("gives a node that never posted status the startup grace period", () => {
    const cache = new MemoryCache();
    const fresh = node("n1", undefined);
    fresh.metadata.creationTimestamp = iso(0);
    cache.put("nodes", fresh);
    expect(c.reconcile("n1", cache, at(50))).toEqual({ actions: [], requeueAfter: 10_001 });
    const r = c.reconcile("n1", cache, at(61));
    const ready = (r.actions[0] as Extract<Action, { verb: "update" }>).object.status.conditions.find((x: any) => x.type === "Ready");
    expect(ready).toMatchObject({ status: "Unknown", reason: "NodeStatusNeverUpdated", message: "Kubelet never posted node status.", lastHeartbeatTime: iso(0) });
    expect(r.actions).toHaveLength(1); // no NodeNotReady event: it was never Ready
  });

  it("withholds NoExecute taints when every node is down (our outage, not theirs)", () => {
    const cache = new MemoryCache();
    cache.put("nodes", node("n1", "Unknown"));
    apply(cache, c.reconcile("n1", cache, at(1000)).actions); // the remaining conditions go Unknown first
    const r = c.reconcile("n1", cache, at(1000));
    expect((r.actions[0] as Extract<Action, { verb: "update" }>).object.spec.taints).toEqual([
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: iso(1000) },
    ]);
  });

  it("honours a configured grace period", () => {
    const quick = createNodeLifecycleController({ gracePeriodMs: 5_000 });
    const cache = new MemoryCache();
    cache.put("nodes", node("n1", "True"));
    cache.put("leases.coordination.k8s.io", lease("n1", 0));
    expect(quick.reconcile("n1", cache, at(6)).actions[0]).toMatchObject({ verb: "update", subresource: "status" });
  });

  it("is done for a node that no longer exists", () => {
    expect(c.reconcile("gone", new MemoryCache(), at(0))).toEqual({ actions: [] });
  });
});
