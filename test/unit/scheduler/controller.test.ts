import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { ControlLoop } from "../../../src/controllers/runtime/loop";
import { schedulerController } from "../../../src/scheduler/controller";
import { FakeApi } from "./fake-api";
import { makeNode, makePod } from "./fixtures";

async function setup(nodes: KubeObject[], pods: KubeObject[]) {
  const api = new FakeApi();
  for (const n of nodes) api.put("nodes", n);
  for (const p of pods) api.put("pods", p);
  const clock = { now: 1_000_000 };
  const loop = new ControlLoop([schedulerController()], api, () => clock.now);
  await loop.resync();
  await loop.drain(1000);
  const events = () => api.actions.filter((a) => a.verb === "create" && a.resource === "events").map((a) => (a as { object: KubeObject }).object);
  const nodeOf = (name: string) => api.store.get("pods", "default", name)?.spec.nodeName;
  /** Simulates a store notification. */
  const change = (resource: string, type: "ADDED" | "MODIFIED" | "DELETED", obj: KubeObject) => {
    if (type === "DELETED") api.store.remove(resource, obj.metadata.namespace, obj.metadata.name!);
    else obj = api.put(resource, obj);
    loop.observe(resource, type, obj);
  };
  return { api, loop, clock, events, nodeOf, change };
}

const pending = (n: number) => Array.from({ length: n }, (_, i) => makePod(`p-${i}`, { cpu: "600m" }));

describe("scheduler controller", () => {
  it("binds pending pods, counting earlier bindings of the same pass against capacity", async () => {
    const { api, events, nodeOf } = await setup([makeNode("n1", { cpu: "1" }), makeNode("n2", { cpu: "1" })], pending(3));
    const bound = ["p-0", "p-1", "p-2"].map(nodeOf);
    expect(bound.filter(Boolean).sort()).toEqual(["n1", "n2"]);
    const binding = api.actions.find((a) => a.verb === "create" && a.subresource === "binding");
    expect(binding).toEqual({
      verb: "create",
      resource: "pods",
      namespace: "default",
      name: "p-0",
      subresource: "binding",
      object: { apiVersion: "v1", kind: "Binding", metadata: { name: "p-0", namespace: "default" }, target: { apiVersion: "v1", kind: "Node", name: bound[0] } },
    });
    expect(events().filter((e) => e.reason === "Scheduled").map((e) => e.message)).toContain(`Successfully assigned default/p-0 to ${bound[0]}`);
    expect(events()[0]!.source).toEqual({ component: "default-scheduler" });
  });

  it("records the fit error once as an event and as PodScheduled=False", async () => {
    const { api, loop, clock, events, nodeOf } = await setup([makeNode("n1", { cpu: "1" }), makeNode("n2", { cpu: "1" })], pending(3));
    const loser = ["p-0", "p-1", "p-2"].find((n) => !nodeOf(n))!;
    const message =
      "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod..";
    const failed = events().filter((e) => e.reason === "FailedScheduling");
    expect(failed.map((e) => [e.type, e.involvedObject.name, e.message])).toEqual([["Warning", loser, message]]);
    const condition = api.store.get("pods", "default", loser)!.status.conditions[0];
    expect(condition).toMatchObject({ type: "PodScheduled", status: "False", reason: "Unschedulable", message, lastProbeTime: null });
    // Retries (backoff, resync) with the same verdict write nothing: no event storm.
    const writes = api.actions.length;
    for (let i = 0; i < 5; i++) {
      clock.now += 400_000;
      await loop.resync();
      await loop.drain(1000);
    }
    expect(api.actions.length).toBe(writes);
    expect(loop.nextWake()).toBeDefined();
  });

  it("retries an unschedulable pod as soon as a node is added or a pod goes", async () => {
    const { loop, nodeOf, change, api } = await setup([makeNode("n1", { cpu: "1" })], pending(3));
    expect(["p-0", "p-1", "p-2"].map(nodeOf)).toEqual(["n1", undefined, undefined]);
    // The clock does not move: only the events bring the pods back.
    change("nodes", "ADDED", makeNode("n2", { cpu: "1" }));
    await loop.drain(1000);
    expect(["p-0", "p-1", "p-2"].map(nodeOf).filter(Boolean).sort()).toEqual(["n1", "n2"]);
    const loser = ["p-1", "p-2"].find((n) => !nodeOf(n))!;
    change("pods", "DELETED", api.store.get("pods", "default", "p-0")!);
    await loop.drain(1000);
    expect(nodeOf(loser)).toBe("n1");
  });

  it("does not retry on node heartbeats or on its own status write", async () => {
    const { loop, change, api } = await setup([makeNode("n1", { cpu: "1" })], pending(2));
    const node = api.store.get("nodes", undefined, "n1")!;
    change("nodes", "MODIFIED", { ...node, status: { ...node.status, conditions: [{ type: "Ready", status: "True" }] } });
    expect(await loop.drain(1000)).toBe(0);
    // Labels can matter (affinity, spreading) only to plugins that registered for them: not to NodeResourcesFit.
    change("nodes", "MODIFIED", { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, extra: "1" } } });
    expect(await loop.drain(1000)).toBe(0);
    change("nodes", "MODIFIED", { ...node, status: { ...node.status, allocatable: { ...node.status.allocatable, cpu: "2" } } });
    expect(await loop.drain(1000)).toBe(1);
    expect(api.store.get("pods", "default", "p-1")!.spec.nodeName).toBe("n1");
  });

  it("leaves alone pods for other schedulers, bound, gated or being deleted", async () => {
    const deleting = makePod("deleting");
    deleting.metadata.deletionTimestamp = "2024-01-01T00:00:00Z";
    const pods = [
      makePod("other", { spec: { schedulerName: "my-scheduler" } }),
      makePod("bound", { node: "n1" }),
      makePod("gated", { spec: { schedulingGates: [{ name: "wait" }] } }),
      deleting,
      makePod("mine", { spec: { schedulerName: "default-scheduler" } }),
    ];
    const { api, loop, change, nodeOf } = await setup([makeNode("n1")], pods);
    expect(api.actions.filter((a) => a.verb === "create" && a.subresource === "binding").map((a) => (a as { name: string }).name)).toEqual(["mine"]);
    const gated = api.store.get("pods", "default", "gated")!;
    change("pods", "MODIFIED", { ...gated, spec: { ...gated.spec, schedulingGates: [] } });
    await loop.drain(1000);
    expect(nodeOf("gated")).toBe("n1");
  });
});

describe("scheduler controller and namespaces", () => {
  it("places a pod whose affinity selects by namespace labels once the namespace carries them", async () => {
    const anchor = makePod("anchor", { ns: "team-a", labels: { app: "anchor" }, node: "n2" });
    const follower = makePod("follower", {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: "anchor" } }, namespaceSelector: { matchLabels: { team: "a" } }, topologyKey: "kubernetes.io/hostname" },
          ],
        },
      },
    });
    const { api, loop, clock, nodeOf, change } = await setup([makeNode("n1", { cpu: "4" }), makeNode("n2", { cpu: "4" })], [anchor, follower]);
    // The namespace is not labelled yet: no node has a matching pod.
    expect(nodeOf("follower")).toBeUndefined();
    change("namespaces", "ADDED", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a", labels: { team: "a" }, resourceVersion: "1" } });
    clock.now += 10;
    await loop.drain(1000);
    expect(nodeOf("follower")).toBe("n2");
    expect(api.actions.filter((a) => a.verb === "create" && a.subresource === "binding")).toHaveLength(1);
  });
});
