import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { daemonSetController as dsc } from "../../../src/controllers/daemonset";
import { Cluster } from "./workload-harness";

const KEY = "kube-system/agent";

function node(name: string, taints: object[] = [], labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name, ...labels } }, spec: { taints } };
}

function setup(strategy: object = { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, extra: object = {}): Cluster {
  const c = new Cluster();
  c.add("nodes", node("node-a"));
  c.add("nodes", node("node-b", [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }]));
  c.add("nodes", node("node-c", [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }]));
  c.add("daemonsets.apps", {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "agent", namespace: "kube-system" },
    spec: {
      selector: { matchLabels: { app: "agent" } },
      template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "c", image: "agent:1" }] } },
      updateStrategy: strategy,
      revisionHistoryLimit: 10,
      ...extra,
    },
  });
  return c;
}

const pods = (c: Cluster) => c.list("pods", "kube-system");
const live = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp);
const target = (p: KubeObject) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];
const ds = (c: Cluster) => c.get("daemonsets.apps", "kube-system", "agent")!;

/** The scheduler and kubelets: bind pending pods to their node and make them ready. */
function runAll(c: Cluster): void {
  for (const p of live(c)) {
    if (p.status.phase !== "Pending") continue;
    c.edit("pods", "kube-system", p.metadata.name!, (o) => (o.spec.nodeName = target(o)));
    c.setPhase(c.get("pods", "kube-system", p.metadata.name!)!, "Running");
  }
}

function newImage(c: Cluster, image: string): void {
  c.edit("daemonsets.apps", "kube-system", "agent", (o) => {
    o.spec.template.spec.containers[0].image = image;
    o.metadata.generation = (o.metadata.generation ?? 0) + 1;
  });
}

describe("daemonset controller", () => {
  it("runs one pinned pod per eligible node, skipping the tainted one", () => {
    const c = setup();
    c.converge(dsc, KEY);
    expect(pods(c).map(target).sort()).toEqual(["node-a", "node-b"]);
    const pod = pods(c)[0]!;
    const revisions = c.list("controllerrevisions.apps", "kube-system");
    expect(revisions).toHaveLength(1);
    const hash = revisions[0]!.metadata.labels!["controller-revision-hash"];
    expect(revisions[0]).toMatchObject({ revision: 1, metadata: { name: `agent-${hash}` }, data: { spec: { template: { $patch: "replace" } } } });
    expect(pod.metadata).toMatchObject({ generateName: "agent-", labels: { app: "agent", "controller-revision-hash": hash } });
    expect(pod.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/not-ready:NoExecute",
      "node.kubernetes.io/unreachable:NoExecute",
      "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule",
      "node.kubernetes.io/pid-pressure:NoSchedule",
      "node.kubernetes.io/unschedulable:NoSchedule",
    ]);
    expect(pod.spec.nodeName).toBeUndefined();
    expect(ds(c).status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 0, numberUnavailable: 2, observedGeneration: 1 });

    runAll(c);
    c.converge(dsc, KEY);
    expect(ds(c).status).toEqual({
      desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, observedGeneration: 1,
    });
    expect(dsc.reconcile(KEY, c.cache, c.date).actions).toEqual([]);
  });

  it("follows node changes: a NoExecute taint evicts, a matching label adds", () => {
    const c = setup(undefined, { template: { metadata: { labels: { app: "agent" } }, spec: { nodeSelector: { role: "edge" }, containers: [{ name: "c", image: "agent:1" }] } } });
    c.converge(dsc, KEY);
    expect(pods(c)).toEqual([]);
    c.edit("nodes", undefined, "node-a", (n) => (n.metadata.labels!.role = "edge"));
    c.converge(dsc, KEY);
    expect(pods(c).map(target)).toEqual(["node-a"]);
    runAll(c);
    c.edit("nodes", undefined, "node-a", (n) => n.spec.taints.push({ key: "maintenance", effect: "NoExecute" }));
    c.converge(dsc, KEY);
    expect(pods(c)).toEqual([]);
    expect(ds(c).status).toMatchObject({ desiredNumberScheduled: 0, numberMisscheduled: 0 });
  });

  it("rolls a new template one node at a time under maxUnavailable=1", () => {
    const c = setup();
    c.add("nodes", node("node-d"));
    c.converge(dsc, KEY);
    runAll(c);
    c.converge(dsc, KEY);
    newImage(c, "agent:2");
    let rounds = 0;
    while (live(c).some((p) => p.spec.containers[0].image !== "agent:2") || live(c).some((p) => p.status.phase === "Pending")) {
      c.converge(dsc, KEY);
      const down = ["node-a", "node-b", "node-d"].filter((n) => !live(c).some((p) => target(p) === n && p.status.phase === "Running"));
      expect(down.length).toBeLessThanOrEqual(1);
      runAll(c);
      if (++rounds > 10) throw new Error("rollout stuck");
    }
    c.converge(dsc, KEY);
    expect(rounds).toBe(3);
    expect(c.list("controllerrevisions.apps", "kube-system").map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(ds(c).status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });

  it("surges a new pod beside each old one with maxSurge", () => {
    const c = setup({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    c.converge(dsc, KEY);
    runAll(c);
    c.converge(dsc, KEY);
    newImage(c, "agent:2");
    c.converge(dsc, KEY);
    expect(live(c)).toHaveLength(3);
    expect(live(c).filter((p) => p.spec.containers[0].image === "agent:2")).toHaveLength(1);
    for (let i = 0; i < 4; i++) {
      runAll(c);
      c.converge(dsc, KEY);
    }
    expect(live(c).map((p) => p.spec.containers[0].image)).toEqual(["agent:2", "agent:2"]);
  });

  it("OnDelete leaves old pods until they are deleted", () => {
    const c = setup({ type: "OnDelete" });
    c.converge(dsc, KEY);
    runAll(c);
    newImage(c, "agent:2");
    c.converge(dsc, KEY);
    expect(live(c).map((p) => p.spec.containers[0].image)).toEqual(["agent:1", "agent:1"]);
    expect(ds(c).status.updatedNumberScheduled).toBeUndefined();
    const victim = live(c)[0]!;
    c.apply([{ verb: "delete", resource: "pods", namespace: "kube-system", name: victim.metadata.name! }]);
    c.settle();
    c.converge(dsc, KEY);
    expect(live(c).map((p) => p.spec.containers[0].image).sort()).toEqual(["agent:1", "agent:2"]);
  });
});
