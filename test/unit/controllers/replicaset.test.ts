import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { BURST_REPLICAS, replicaSetController, replicationControllerController } from "../../../src/controllers/replicaset";
import type { Action } from "../../../src/controllers/types";
import { Sim } from "./deployment-sim";

const RS = "replicasets.apps";
const labels = { app: "db" };

function replicaSet(replicas: number, extra: Record<string, any> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "db", namespace: "default" },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "c", image: "pg" }] } }, ...extra },
  };
}

interface PodOpts {
  node?: string;
  phase?: string;
  ready?: string;
  created?: string;
  owner?: KubeObject;
  labels?: Record<string, string>;
  restarts?: number;
  deleting?: string;
}

function pod(name: string, opts: PodOpts = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      labels: opts.labels ?? { ...labels },
      creationTimestamp: opts.created ?? "2024-12-31T00:00:00Z",
      deletionTimestamp: opts.deleting,
      ownerReferences: opts.owner
        ? [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: opts.owner.metadata.name!, uid: opts.owner.metadata.uid!, controller: true }]
        : undefined,
    },
    spec: { nodeName: opts.node, containers: [{ name: "c", image: "pg" }] },
    status: {
      phase: opts.phase ?? "Running",
      conditions: opts.ready ? [{ type: "Ready", status: "True", lastTransitionTime: opts.ready }] : [{ type: "Ready", status: "False" }],
      containerStatuses: [{ name: "c", restartCount: opts.restarts ?? 0 }],
    },
  };
}

const deleted = (actions: Action[]) => actions.flatMap((a) => (a.verb === "delete" ? [a.name] : []));

describe("replica set controller", () => {
  it("creates pods from the template with generateName, a controller reference and events", () => {
    const sim = new Sim();
    const rs = sim.put(RS, replicaSet(3));
    const result = sim.reconcile(replicaSetController, rs);
    const creates = result.actions.filter((a) => a.verb === "create" && a.resource === "pods");
    expect(creates).toHaveLength(3);
    const pods = sim.list("pods");
    for (const p of pods) {
      expect(p.metadata.generateName).toBe("db-");
      expect(p.metadata.name).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual(labels);
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "db", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(p.spec.containers[0].image).toBe("pg");
    }
    expect(sim.eventMessages("SuccessfulCreate").sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(sim.get(RS, "default/db").status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it("counts ready and available pods and requeues for minReadySeconds", () => {
    const sim = new Sim();
    const rs = sim.put(RS, replicaSet(2, { minReadySeconds: 10 }));
    sim.put("pods", pod("a", { owner: rs, node: "n", ready: "2024-12-31T23:59:55Z" }));
    sim.put("pods", pod("b", { owner: rs, node: "n", ready: "2024-12-31T00:00:00Z" }));
    const result = sim.reconcile(replicaSetController, rs);
    expect(sim.get(RS, "default/db").status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 });
    // a turns available 10s after 23:59:55, i.e. at 00:00:05 (+1s slack).
    expect(result.requeueAfter).toBe(6000);
  });

  it("deletes surplus in upstream's order: unscheduled, pending, not ready, then newest ready", () => {
    const sim = new Sim();
    const rs = sim.put(RS, replicaSet(2));
    sim.put("pods", pod("old-ready", { owner: rs, node: "n1", ready: "2024-12-01T00:00:00Z", created: "2024-12-01T00:00:00Z" }));
    sim.put("pods", pod("new-ready", { owner: rs, node: "n2", ready: "2024-12-31T23:59:00Z", created: "2024-12-31T23:58:00Z" }));
    sim.put("pods", pod("not-ready", { owner: rs, node: "n3" }));
    sim.put("pods", pod("pending", { owner: rs, node: "n4", phase: "Pending" }));
    sim.put("pods", pod("unscheduled", { owner: rs, phase: "Pending" }));
    const order = [];
    for (let replicas = 4; replicas >= 1; replicas--) {
      sim.edit(RS, "default/db", (o) => (o.spec.replicas = replicas));
      const result = sim.reconcile(replicaSetController, sim.get(RS, "default/db"));
      const names = deleted(result.actions);
      expect(names).toHaveLength(1);
      order.push(names[0]);
      const del = result.actions.find((a) => a.verb === "delete")!;
      expect(del).toMatchObject({ preconditions: { uid: sim.get("pods", `default/${names[0]}`).metadata.uid } });
    }
    expect(order).toEqual(["unscheduled", "pending", "not-ready", "new-ready"]);
    expect(sim.eventMessages("SuccessfulDelete")).toEqual(order.map((n) => `Deleted pod: ${n}`));
    expect(sim.get(RS, "default/db").status.replicas).toBe(1);
  });

  it("prefers deleting pods doubled up on a node, with more restarts, or a lower deletion cost", () => {
    const sim = new Sim();
    const rs = sim.put(RS, replicaSet(2));
    const t = "2024-06-01T00:00:00Z";
    sim.put("pods", pod("alone", { owner: rs, node: "n1", ready: t, created: t }));
    sim.put("pods", pod("shared-1", { owner: rs, node: "n2", ready: t, created: t }));
    sim.put("pods", pod("shared-2", { owner: rs, node: "n2", ready: t, created: t, restarts: 4 }));
    expect(deleted(replicaSetController.reconcile("default/db", sim.cache, sim.now).actions)).toEqual(["shared-2"]);
    sim.edit("pods", "default/alone", (p) => (p.metadata.annotations = { "controller.kubernetes.io/pod-deletion-cost": "-10" }));
    expect(deleted(replicaSetController.reconcile("default/db", sim.cache, sim.now).actions)).toEqual(["alone"]);
  });

  it("does not count pods being deleted or finished, and caps a burst at 500", () => {
    const sim = new Sim();
    const rs = sim.put(RS, replicaSet(600));
    sim.put("pods", pod("gone", { owner: rs, node: "n", ready: "2024-12-31T00:00:00Z", deleting: "2025-01-01T00:00:00Z" }));
    sim.put("pods", pod("done", { owner: rs, node: "n", phase: "Succeeded" }));
    // Capped, so not converged in one pass: apply by hand rather than through the idempotence check.
    const result = replicaSetController.reconcile("default/db", sim.cache, sim.now);
    sim.apply(result);
    expect(result.actions.filter((a) => a.verb === "create" && a.resource === "pods")).toHaveLength(BURST_REPLICAS);
    expect(sim.get(RS, "default/db").status.replicas).toBe(500);
    const next = sim.reconcile(replicaSetController, sim.get(RS, "default/db"));
    expect(next.actions.filter((a) => a.verb === "create" && a.resource === "pods")).toHaveLength(100);
    expect(new Set(sim.list("pods").map((p) => p.metadata.name)).size).toBe(602);
  });

  it("adopts matching orphans, releases owned pods that stopped matching, ignores others' pods", () => {
    const sim = new Sim();
    const rs = sim.put(RS, replicaSet(2));
    sim.put("pods", pod("orphan", { node: "n", ready: "2024-12-31T00:00:00Z" }));
    sim.put("pods", pod("relabelled", { owner: rs, node: "n", labels: { app: "other" } }));
    const other = { metadata: { name: "x", uid: "someone-else" } } as KubeObject;
    sim.put("pods", pod("theirs", { owner: other, node: "n" }));
    const result = sim.reconcile(replicaSetController, rs);
    const patches = result.actions.filter((a) => a.verb === "patch");
    expect(patches.map((a) => a.verb === "patch" && a.name).sort()).toEqual(["orphan", "relabelled"]);
    expect(patches.every((a) => a.verb === "patch" && a.patchType === "strategic")).toBe(true);
    expect(sim.get("pods", "default/orphan").metadata.ownerReferences).toEqual([
      { apiVersion: "apps/v1", kind: "ReplicaSet", name: "db", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(sim.get("pods", "default/relabelled").metadata.ownerReferences).toBeUndefined();
    expect(sim.get("pods", "default/theirs").metadata.ownerReferences?.[0].uid).toBe("someone-else");
    // orphan + one new pod.
    expect(result.actions.filter((a) => a.verb === "create" && a.resource === "pods")).toHaveLength(1);
    const podWatch = replicaSetController.watches.find((w) => w.resource === "pods")!;
    expect(podWatch.keys(pod("stray"), sim.cache)).toEqual(["default/db"]);
  });

  it("leaves pods alone while the replica set is being deleted", () => {
    const sim = new Sim();
    const rs = sim.put(RS, { ...replicaSet(3), metadata: { name: "db", namespace: "default", deletionTimestamp: "2025-01-01T00:00:00Z" } });
    sim.put("pods", pod("orphan", { node: "n" }));
    const result = sim.reconcile(replicaSetController, rs);
    expect(result.actions.filter((a) => a.verb !== "update")).toEqual([]);
  });

  it("reports fullyLabeledReplicas against the template's labels", () => {
    const sim = new Sim();
    const rs = sim.put(RS, {
      ...replicaSet(2),
      spec: { ...replicaSet(2).spec, template: { metadata: { labels: { ...labels, tier: "x" } }, spec: { containers: [] } } },
    });
    sim.put("pods", pod("partial", { owner: rs, node: "n" }));
    sim.put("pods", pod("full", { owner: rs, node: "n", labels: { ...labels, tier: "x" } }));
    sim.reconcile(replicaSetController, rs);
    expect(sim.get(RS, "default/db").status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 1 });
  });
});

describe("replication controller", () => {
  it("serves a map selector with the same logic", () => {
    const sim = new Sim();
    const rc = sim.put("replicationcontrollers", {
      apiVersion: "v1",
      kind: "ReplicationController",
      metadata: { name: "web", namespace: "default" },
      spec: { replicas: 2, selector: { app: "web" }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
    });
    sim.put("pods", pod("orphan", { labels: { app: "web" }, node: "n", ready: "2024-12-31T00:00:00Z" }));
    sim.reconcile(replicationControllerController, rc);
    const pods = sim.list("pods");
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: "v1", kind: "ReplicationController", name: "web", controller: true });
    expect(sim.get("replicationcontrollers", "default/web").status).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
    });
    sim.edit("replicationcontrollers", "default/web", (o) => (o.spec.replicas = 1));
    const result = sim.reconcile(replicationControllerController, sim.get("replicationcontrollers", "default/web"));
    // The new, not-ready pod goes; the adopted ready one stays.
    expect(deleted(result.actions)).toEqual([pods.find((p) => p.metadata.name !== "orphan")!.metadata.name]);
    expect(sim.events.at(-1)?.source).toEqual({ component: "replication-controller" });
  });
});
