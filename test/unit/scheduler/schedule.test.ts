import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { numFeasibleNodesToFind, scheduleOne, schedulePod, selectHost, type ScheduleResult } from "../../../src/scheduler/schedule";
import { makeNode, makePod, snapshotOf } from "./fixtures";

const byNode = (pods: KubeObject[]) => {
  const m = new Map<string, KubeObject[]>();
  for (const p of pods) m.set(p.spec.nodeName, [...(m.get(p.spec.nodeName) ?? []), p]);
  return m;
};
const message = (r: ScheduleResult) => ("unschedulable" in r ? r.unschedulable.message : `bound to ${r.node}`);
const kv = { key: "k", value: "v", effect: "NoSchedule" };

describe("FitError message", () => {
  it("counts reasons per node, sorted as strings, then the preemption verdict", () => {
    const nodes = [makeNode("n1", { cpu: "1" }), makeNode("n2", { taints: [kv] }), makeNode("n3", { taints: [kv] })];
    const r = scheduleOne(makePod("p", { cpu: "2" }), nodes, new Map());
    expect(message(r)).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {k: v}. " +
        "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    );
    expect("unschedulable" in r && r.unschedulable).toMatchObject({
      reasons: { "Insufficient cpu": 1, "node(s) had untolerated taint {k: v}": 2 },
      plugins: ["NodeResourcesFit", "TaintToleration"],
      reason: "Unschedulable",
    });
  });

  it("reports only the first rejecting plugin of a node, with all its reasons", () => {
    const unreachable = { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" };
    const nodes = [makeNode("n1", { cpu: "1", memory: "1Gi" }), makeNode("n2", { cpu: "1", taints: [unreachable] }), makeNode("n3", { unschedulable: true, cpu: "1" })];
    expect(message(scheduleOne(makePod("p", { cpu: "2", memory: "2Gi" }), nodes, new Map()))).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 node(s) were unschedulable. " +
        "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    );
  });

  it("sorts by the whole string, so 10 comes before 2", () => {
    const nodes = [...Array.from({ length: 10 }, (_, i) => makeNode(`full-${i}`, { cpu: "1" })), makeNode("c1", { unschedulable: true }), makeNode("c2", { unschedulable: true })];
    expect(message(scheduleOne(makePod("p", { cpu: "2" }), nodes, new Map()))).toBe(
      "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were unschedulable. " +
        "preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    );
  });

  it("says when preemption is not allowed, and when there are no nodes", () => {
    const never = makePod("p", { cpu: "2", spec: { preemptionPolicy: "Never" } });
    expect(message(scheduleOne(never, [makeNode("n1", { cpu: "1" })], new Map()))).toBe(
      "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..",
    );
    const none = scheduleOne(makePod("p"), [], new Map());
    expect("unschedulable" in none && none.unschedulable).toMatchObject({ message: "no nodes available to schedule pods", reason: "SchedulerError" });
  });

  it("reports nodes a pinned (DaemonSet-style) pod never considered", () => {
    const pinned = (name: string) => ({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [name] }] }] } },
    });
    const nodes = [makeNode("n1", { cpu: "1" }), makeNode("n2"), makeNode("n3")];
    expect(message(scheduleOne(makePod("p", { cpu: "2", affinity: pinned("n1") }), nodes, new Map()))).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    );
    const r = scheduleOne(makePod("p", { affinity: pinned("n3") }), nodes, new Map());
    expect(r).toMatchObject({ node: "n3", evaluated: 1 });
    const conflict = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }, { key: "metadata.name", operator: "In", values: ["n2"] }] }],
        },
      },
    };
    expect(message(scheduleOne(makePod("p", { affinity: conflict }), nodes, new Map()))).toBe(
      "0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    );
  });
});

describe("placement", () => {
  it("spreads three replicas across three equal nodes", () => {
    const nodes = ["a", "b", "c"].map((n) => makeNode(n));
    const snap = snapshotOf(nodes);
    const owner = { kind: "ReplicaSet", uid: "rs" };
    const placed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pod = makePod(`web-${i}`, { owner, labels: { app: "web" }, cpu: "100m", memory: "128Mi" });
      const r = schedulePod(pod, snap);
      if (!("node" in r)) throw new Error(r.unschedulable.message);
      placed.push(r.node);
      snap.setPod({ ...pod, spec: { ...pod.spec, nodeName: r.node } });
    }
    expect(placed.sort()).toEqual(["a", "b", "c"]);
  });

  it("spreads siblings by the default constraints even when resources favour one node", () => {
    // Node "big" stays the least allocated throughout; default hostname/zone spreading pulls replicas apart.
    const nodes = [makeNode("big", { cpu: "64", memory: "256Gi", zone: "z1" }), makeNode("small-1", { cpu: "8", memory: "32Gi", zone: "z2" }), makeNode("small-2", { cpu: "8", memory: "32Gi", zone: "z3" })];
    const owner = { kind: "ReplicaSet", uid: "rs" };
    const pods = [0, 1, 2].map((i) => makePod(`s-${i}`, { owner, node: "big" }));
    const r = scheduleOne(makePod("next", { owner }), nodes, byNode(pods));
    expect("node" in r && r.node).not.toBe("big");
    const stranger = scheduleOne(makePod("other"), nodes, byNode(pods));
    expect("node" in stranger && stranger.node).toBe("big");
  });

  it("breaks ties deterministically, or with the random source given", () => {
    const nodes = ["a", "b", "c"].map((n) => makeNode(n));
    expect(scheduleOne(makePod("p"), nodes, new Map())).toMatchObject({ node: "a" });
    expect(scheduleOne(makePod("p"), nodes, new Map(), { random: () => 0 })).toMatchObject({ node: "c" });
    expect(scheduleOne(makePod("p"), nodes, new Map(), { startIndex: 1 })).toMatchObject({ node: "b" });
    expect(selectHost([5, 9, 9, 1])).toBe(1);
  });

  it("examines only enough nodes in a large cluster, as upstream's adaptive percentage", () => {
    expect([50, 100, 1000, 5000, 6000].map((n) => numFeasibleNodesToFind(0, n))).toEqual([50, 100, 420, 500, 300]);
    expect(numFeasibleNodesToFind(100, 1000)).toBe(1000);
    const nodes = Array.from({ length: 1000 }, (_, i) => makeNode(`n${String(i).padStart(4, "0")}`));
    expect(scheduleOne(makePod("p"), nodes, new Map())).toMatchObject({ evaluated: 420 });
    expect(scheduleOne(makePod("p"), nodes, new Map(), { percentageOfNodesToScore: 100 })).toMatchObject({ evaluated: 1000 });
  });

  it("takes the only feasible node without scoring", () => {
    const nodes = [makeNode("a", { taints: [kv] }), makeNode("b")];
    expect(scheduleOne(makePod("p"), nodes, new Map())).toEqual({ node: "b", evaluated: 2 });
  });
});
