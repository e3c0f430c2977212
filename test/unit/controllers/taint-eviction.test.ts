import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import { createTaintEvictionController, evictionDeadline, tolerates } from "../../../src/controllers/taint-eviction";
import type { Action } from "../../../src/controllers/types";

const T0 = Date.parse("2025-01-01T00:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000);
const iso = (s: number) => at(s).toISOString().replace(/\.\d{3}Z$/, "Z");
let rv = 1;

const unreachable = (added?: number) => ({ key: "node.kubernetes.io/unreachable", effect: "NoExecute", ...(added === undefined ? {} : { timeAdded: iso(added) }) });

function node(taints: Record<string, unknown>[]): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name: "n1", resourceVersion: String(rv++) }, spec: { taints } };
}

function pod(name: string, tolerations: Record<string, unknown>[] = []): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "ns", uid: `uid-${name}`, resourceVersion: String(rv++) },
    spec: { nodeName: "n1", tolerations, containers: [{ name: "c", image: "x" }] },
    status: { phase: "Running" },
  };
}

function setup(taints: Record<string, unknown>[], p: KubeObject): MemoryCache {
  const cache = new MemoryCache();
  cache.put("nodes", node(taints));
  cache.put("pods", p);
  return cache;
}

/** The runtime's view of a graceful delete: the pod lingers with a deletionTimestamp. */
function apply(cache: MemoryCache, actions: Action[], now: Date): void {
  for (const a of actions) {
    if (a.verb !== "delete") continue;
    const p = structuredClone(cache.get("pods", a.namespace, a.name)!);
    p.metadata.deletionTimestamp = now.toISOString();
    p.metadata.resourceVersion = String(rv++);
    cache.put("pods", p);
  }
}

describe("taint eviction", () => {
  const c = createTaintEvictionController();

  it("deletes a pod that does not tolerate a NoExecute taint at once, with event and condition", () => {
    const cache = setup([unreachable(0)], pod("web"));
    const r = c.reconcile("ns/web", cache, at(1));
    expect(r.requeueAfter).toBeUndefined();
    expect(r.actions).toHaveLength(3);
    expect(r.actions[0]).toMatchObject({
      verb: "create",
      resource: "events",
      object: { reason: "TaintManagerEviction", message: "Marking for deletion Pod ns/web", type: "Normal", involvedObject: { kind: "Pod", name: "web", namespace: "ns" } },
    });
    expect(r.actions[1]).toMatchObject({
      verb: "patch",
      resource: "pods",
      subresource: "status",
      patchType: "strategic",
      patch: { status: { conditions: [{ type: "DisruptionTarget", status: "True", reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint" }] } },
    });
    expect(r.actions[2]).toEqual({ verb: "delete", resource: "pods", namespace: "ns", name: "web", preconditions: { uid: "uid-web" } });
    apply(cache, r.actions, at(1));
    expect(c.reconcile("ns/web", cache, at(2)).actions).toEqual([]);
  });

  it("waits out tolerationSeconds counted from the taint's timeAdded, then deletes", () => {
    const cache = setup([unreachable(0)], pod("web", [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }]));
    expect(c.reconcile("ns/web", cache, at(100))).toEqual({ actions: [], requeueAfter: 200_000 });
    expect(c.reconcile("ns/web", cache, at(100))).toEqual({ actions: [], requeueAfter: 200_000 }); // idempotent
    const r = c.reconcile("ns/web", cache, at(300));
    expect(r.actions.map((a) => a.verb)).toEqual(["create", "patch", "delete"]);
  });

  it("never evicts a pod tolerating the taint forever", () => {
    const cache = setup([unreachable(0)], pod("ds", [{ operator: "Exists" }]));
    expect(c.reconcile("ns/ds", cache, at(1e6))).toEqual({ actions: [] });
  });

  it("times a taint without timeAdded from when it was first seen", () => {
    const ctl = createTaintEvictionController();
    const cache = setup([{ key: "maintenance", effect: "NoExecute" }], pod("web", [{ key: "maintenance", operator: "Exists", tolerationSeconds: 60 }]));
    expect(ctl.reconcile("ns/web", cache, at(10)).requeueAfter).toBe(60_000);
    expect(ctl.reconcile("ns/web", cache, at(40)).requeueAfter).toBe(30_000);
    expect(ctl.reconcile("ns/web", cache, at(70)).actions.map((a) => a.verb)).toEqual(["create", "patch", "delete"]);
  });

  it("ignores NoSchedule taints, unbound pods and missing pods", () => {
    expect(c.reconcile("ns/web", setup([{ key: "k", effect: "NoSchedule" }], pod("web")), at(0))).toEqual({ actions: [] });
    const unbound = pod("web");
    delete unbound.spec.nodeName;
    expect(c.reconcile("ns/web", setup([unreachable(0)], unbound), at(0))).toEqual({ actions: [] });
    expect(c.reconcile("ns/gone", new MemoryCache(), at(0))).toEqual({ actions: [] });
  });

  it("wakes every pod on a node that gains a NoExecute taint", () => {
    const cache = setup([], pod("a"));
    cache.put("pods", pod("b"));
    const watch = c.watches.find((w) => w.resource === "nodes")!;
    expect(watch.keys(node([]), cache)).toEqual([]);
    expect(watch.keys(node([unreachable(0)]), cache).sort()).toEqual(["ns/a", "ns/b"]);
  });
});

describe("tolerations", () => {
  const taint = { key: "k", value: "v", effect: "NoExecute" };
  it("matches as upstream's ToleratesTaint", () => {
    expect(tolerates({ key: "k", value: "v" }, taint)).toBe(true);
    expect(tolerates({ key: "k", operator: "Equal", value: "w" }, taint)).toBe(false);
    expect(tolerates({ key: "k", operator: "Exists", effect: "NoSchedule" }, taint)).toBe(false);
    expect(tolerates({ operator: "Exists" }, taint)).toBe(true);
    expect(tolerates({ key: "k", operator: "Bogus" }, taint)).toBe(false);
  });

  it("picks the earliest deadline; zero or negative seconds mean now", () => {
    const start = () => 0;
    const t1 = { key: "a", effect: "NoExecute" };
    const t2 = { key: "b", effect: "NoExecute" };
    expect(evictionDeadline([t1, t2], [{ key: "a", operator: "Exists", tolerationSeconds: 30 }, { key: "b", operator: "Exists", tolerationSeconds: 10 }], start)).toBe(10_000);
    expect(evictionDeadline([t1], [{ key: "a", operator: "Exists", tolerationSeconds: 0 }], start)).toBe(-Infinity);
    expect(evictionDeadline([t1], [{ key: "a", operator: "Exists" }], start)).toBeUndefined();
  });
});
