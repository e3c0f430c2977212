import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { deploymentController } from "../../../src/controllers/deployment";
import { replicaSetController } from "../../../src/controllers/replicaset";
import { deployment, rolloutStatus, settle, Sim } from "./deployment-sim";

const D = "deployments.apps";
const RS = "replicasets.apps";
const controllers = { deployment: deploymentController, replicaset: replicaSetController };

function activePods(sim: Sim): KubeObject[] {
  return sim.list("pods").filter((p) => !p.metadata.deletionTimestamp);
}
const isReady = (p: KubeObject) => p.status?.conditions?.some((c: any) => c.type === "Ready" && c.status === "True");
const cond = (d: KubeObject, type: string) => d.status?.conditions?.find((c: any) => c.type === type);

function start(spec: Record<string, any> = {}): Sim {
  const sim = new Sim();
  sim.put(D, deployment("web", spec));
  return sim;
}

describe("deployment controller", () => {
  it("creates a replica set named by the template hash and converges 3 replicas", () => {
    const sim = start();
    settle(sim, controllers);
    const [rs] = sim.list(RS);
    const hash = rs.metadata.labels!["pod-template-hash"];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.spec.template.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.metadata.ownerReferences).toEqual([
      { apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: sim.get(D, "default/web").metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(rs.metadata.annotations).toMatchObject({
      "deployment.kubernetes.io/revision": "1",
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
    });
    expect(activePods(sim).filter(isReady)).toHaveLength(3);

    const d = sim.get(D, "default/web");
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(cond(d, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." });
    expect(cond(d, "Progressing")).toMatchObject({
      status: "True",
      reason: "NewReplicaSetAvailable",
      message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.`,
    });
    expect(rolloutStatus(d)).toEqual({ done: true, message: 'deployment "web" successfully rolled out' });
    expect(sim.eventMessages("ScalingReplicaSet")).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
    expect(sim.conflicts).toBe(0);
  });

  it("reports progress on the way: NewReplicaSetCreated, then unavailable until pods are ready", () => {
    const sim = start();
    const d0 = sim.get(D, "default/web");
    sim.reconcile(deploymentController, d0);
    const d = sim.get(D, "default/web");
    expect(cond(d, "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetCreated" });
    expect(cond(d, "Progressing").message).toMatch(/^Created new replica set "web-[a-z0-9]+"$/);
    expect(cond(d, "Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable" });
    expect(rolloutStatus(d).message).toBe('Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...');
  });

  it("scales 3 to 5 by resizing the one replica set", () => {
    const sim = start();
    settle(sim, controllers);
    sim.edit(D, "default/web", (d) => (d.spec.replicas = 5));
    settle(sim, controllers);
    const sets = sim.list(RS);
    expect(sets).toHaveLength(1);
    expect(sets[0].spec.replicas).toBe(5);
    expect(sets[0].metadata.annotations).toMatchObject({ "deployment.kubernetes.io/desired-replicas": "5", "deployment.kubernetes.io/max-replicas": "7" });
    expect(activePods(sim)).toHaveLength(5);
    expect(sim.eventMessages("ScalingReplicaSet").at(-1)).toBe(`Scaled up replica set ${sets[0].metadata.name} from 3 to 5`);
    expect(rolloutStatus(sim.get(D, "default/web")).done).toBe(true);
  });

  it("rolls out a new image within maxSurge=25% and maxUnavailable=25% at every step", () => {
    const sim = start({ replicas: 4 });
    settle(sim, controllers);
    const first = sim.list(RS)[0];
    sim.edit(D, "default/web", (d) => (d.spec.template.spec.containers[0].image = "nginx:1.26"));
    let maxActive = 0;
    let minAvailable = Infinity;
    const check = () => {
      const specSum = sim.list(RS).reduce((n, rs) => n + rs.spec.replicas, 0);
      expect(specSum).toBeLessThanOrEqual(5);
      minAvailable = Math.min(minAvailable, activePods(sim).filter(isReady).length);
    };
    const rounds = settle(sim, {
      ...controllers,
      check: () => {
        check();
        maxActive = Math.max(maxActive, activePods(sim).length);
      },
    });
    expect(rounds).toBeGreaterThan(2);
    // Surge 1 (25% of 4, rounded up), unavailable 1 (rounded down).
    expect(minAvailable).toBeGreaterThanOrEqual(3);
    const sets = sim.list(RS);
    const fresh = sets.find((rs) => rs.metadata.uid !== first.metadata.uid)!;
    expect(fresh.spec.replicas).toBe(4);
    expect(sim.get(RS, `default/${first.metadata.name}`).spec.replicas).toBe(0);
    expect(fresh.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(activePods(sim).every((p) => p.spec.containers[0].image === "nginx:1.26")).toBe(true);
    const d = sim.get(D, "default/web");
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(rolloutStatus(d).done).toBe(true);
    expect(cond(d, "Progressing").message).toBe(`ReplicaSet "${fresh.metadata.name}" has successfully progressed.`);
    const scaling = sim.eventMessages("ScalingReplicaSet");
    expect(scaling).toContain(`Scaled up replica set ${fresh.metadata.name} from 0 to 1`);
    expect(scaling).toContain(`Scaled down replica set ${first.metadata.name} from 1 to 0`);
    expect(maxActive).toBeLessThanOrEqual(5);
  });

  it("steps a 10-replica rollout in upstream's increments with integer fenceposts", () => {
    const sim = start({ replicas: 10, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } });
    settle(sim, controllers);
    sim.edit(D, "default/web", (d) => (d.spec.template.spec.containers[0].image = "v2"));
    const d = sim.get(D, "default/web");
    sim.reconcile(deploymentController, d);
    // New set starts at the surge (3); the old one may give up 2 at once (12+... bounded by availability).
    const sets = sim.list(RS);
    const sizes = Object.fromEntries(sets.map((rs) => [rs.metadata.annotations!["deployment.kubernetes.io/revision"], rs.spec.replicas]));
    expect(sizes).toEqual({ "1": 8, "2": 5 });
    settle(sim, {
      ...controllers,
      check: () => {
        expect(sim.list(RS).reduce((n, rs) => n + rs.spec.replicas, 0)).toBeLessThanOrEqual(13);
        expect(activePods(sim).filter(isReady).length).toBeGreaterThanOrEqual(8);
      },
    });
    expect(rolloutStatus(sim.get(D, "default/web")).done).toBe(true);
  });

  it("starts a new rollout on kubectl rollout restart (a template annotation)", () => {
    const sim = start();
    settle(sim, controllers);
    sim.edit(D, "default/web", (d) => (d.spec.template.metadata.annotations = { "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:10Z" }));
    settle(sim, controllers);
    expect(sim.list(RS)).toHaveLength(2);
    expect(activePods(sim).every((p) => p.metadata.annotations?.["kubectl.kubernetes.io/restartedAt"])).toBe(true);
    expect(rolloutStatus(sim.get(D, "default/web")).done).toBe(true);
  });

  it("copies deployment annotations (change-cause) to the new replica set, not apply/revision ones", () => {
    const sim = new Sim();
    const d = deployment("web");
    d.metadata.annotations = { "kubernetes.io/change-cause": "first", "kubectl.kubernetes.io/last-applied-configuration": "{}" };
    sim.put(D, d);
    settle(sim, controllers);
    const rs = sim.list(RS)[0];
    expect(rs.metadata.annotations?.["kubernetes.io/change-cause"]).toBe("first");
    expect(rs.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBeUndefined();
  });

  it("reports minReadySeconds: pods count as available only after that long Ready", () => {
    const sim = start({ minReadySeconds: 30 });
    settle(sim, { ...controllers, tick: 1 }, 8);
    const rs = sim.list(RS)[0];
    expect(rs.spec.minReadySeconds).toBe(30);
    let d = sim.get(D, "default/web");
    expect(d.status.readyReplicas).toBe(3);
    expect(d.status.availableReplicas).toBeUndefined();
    expect(rolloutStatus(d).message).toContain("0 of 3 updated replicas are available");
    const wait = replicaSetController.reconcile(`default/${rs.metadata.name}`, sim.cache, sim.now).requeueAfter!;
    expect(wait).toBeGreaterThan(20_000);
    expect(wait).toBeLessThanOrEqual(31_000);
    sim.advance(wait / 1000);
    settle(sim, controllers);
    d = sim.get(D, "default/web");
    expect(d.status.availableReplicas).toBe(3);
    expect(rolloutStatus(d).done).toBe(true);
  });

  it("treats a missing deployment as done", () => {
    const sim = new Sim();
    expect(deploymentController.reconcile("default/nope", sim.cache, sim.now)).toEqual({ actions: [] });
  });
});
