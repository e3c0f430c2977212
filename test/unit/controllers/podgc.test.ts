import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { TERMINATED_KEY, podGCController } from "../../../src/controllers/podgc";
import { FakeCluster, pod } from "./fake-cluster";

const node = (name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name },
  status: { conditions: [{ type: "Ready", status: "True" }] },
  ...extra,
});

describe("pod GC", () => {
  it("force-deletes pods of a vanished node after the quarantine, marking them Failed first", async () => {
    const c = new FakeCluster();
    c.add("nodes", node("n1"));
    c.add("pods", pod("a", { node: "n1" }));
    c.add("pods", pod("b", { node: "n2" }));
    await c.start([podGCController()]);
    c.remove("nodes", undefined, "n1");
    await c.settle();
    expect(c.log).toEqual([]);
    await c.advance(39_000);
    expect(c.log).toEqual([]);
    await c.advance(1_000);
    expect(c.obj("pods", "default", "a")).toBeUndefined();
    expect(c.obj("pods", "default", "b")).toBeUndefined();
    const [patch, del] = c.log;
    expect(patch).toEqual({
      verb: "patch",
      resource: "pods",
      namespace: "default",
      name: expect.any(String),
      subresource: "status",
      patchType: "strategic",
      patch: { status: { phase: "Failed", conditions: [{ type: "DisruptionTarget", status: "True", reason: "DeletionByPodGC", message: "PodGC: node no longer exists" }] } },
    });
    expect(del).toMatchObject({ verb: "delete", resource: "pods", gracePeriodSeconds: 0, preconditions: { uid: expect.any(String) } });
  });

  it("spares pods whose node comes back within the quarantine, and starts afresh next time", () => {
    const c = new FakeCluster();
    const ctl = podGCController();
    c.add("pods", pod("a", { node: "n1" }));
    const t = (ms: number) => new Date(c.now.getTime() + ms);
    expect(ctl.reconcile("default/a", c.store, t(0))).toEqual({ actions: [], requeueAfter: 40_000 });
    const n1 = c.add("nodes", node("n1"));
    ctl.watches.find((w) => w.resource === "nodes")!.keys(n1, c.store);
    expect(ctl.reconcile("default/a", c.store, t(20_000)).actions).toEqual([]);
    c.remove("nodes", undefined, "n1");
    expect(ctl.reconcile("default/a", c.store, t(60_000))).toEqual({ actions: [], requeueAfter: 40_000 });
  });

  it("force-deletes unscheduled terminating pods and terminating pods on out-of-service nodes", () => {
    const c = new FakeCluster();
    const ctl = podGCController();
    const deleting = { metadata: { deletionTimestamp: "2024-05-01T12:00:00Z" } };
    c.add("pods", pod("pending", { extra: deleting }));
    expect(ctl.reconcile("default/pending", c.store, c.now).actions.map((a) => a.verb)).toEqual(["patch", "delete"]);
    c.add("nodes", node("down", { spec: { taints: [{ key: "node.kubernetes.io/out-of-service", effect: "NoExecute" }] }, status: { conditions: [{ type: "Ready", status: "False" }] } }));
    c.add("pods", pod("stuck", { node: "down", extra: deleting }));
    c.add("pods", pod("running", { node: "down" }));
    expect(ctl.reconcile("default/stuck", c.store, c.now).actions.map((a) => a.verb)).toEqual(["patch", "delete"]);
    expect(ctl.reconcile("default/running", c.store, c.now).actions).toEqual([]);
    const podWatch = ctl.watches.find((w) => w.resource === "pods")!;
    expect(podWatch.keys(c.obj("pods", "default", "running")!, c.store)).toEqual([]);
  });

  it("deletes the oldest terminated pods beyond the threshold, evicted ones first", async () => {
    const c = new FakeCluster();
    const at = (s: number) => new Date(Date.UTC(2024, 4, 1, 11, 0, s)).toISOString().replace(/\.\d{3}Z$/, "Z");
    const done = (name: string, s: number, status: Record<string, unknown> = { phase: "Succeeded" }) =>
      c.add("pods", pod(name, { node: "n1", extra: { metadata: { creationTimestamp: at(s) }, status } }));
    c.add("nodes", node("n1"));
    done("old", 1);
    done("older", 0);
    done("evicted", 9, { phase: "Failed", reason: "Evicted" });
    done("new", 5);
    c.add("pods", pod("live", { node: "n1" }));
    await c.start([podGCController({ terminatedPodThreshold: 2 })]);
    const deleted = c.log.filter((a) => a.verb === "delete").map((a) => (a.verb === "delete" ? a.name : ""));
    expect(deleted).toEqual(["evicted", "older"]);
    expect(c.log.every((a) => a.verb === "delete" && a.gracePeriodSeconds === 0)).toBe(true);
    expect(podGCController({ terminatedPodThreshold: 2 }).reconcile(TERMINATED_KEY, c.store, c.now).actions).toEqual([]);
  });
});
