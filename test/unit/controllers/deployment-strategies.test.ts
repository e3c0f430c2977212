import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { deploymentController } from "../../../src/controllers/deployment";
import { replicaSetController } from "../../../src/controllers/replicaset";
import { deployment, rolloutStatus, settle, Sim } from "./deployment-sim";

const D = "deployments.apps";
const RS = "replicasets.apps";
const controllers = { deployment: deploymentController, replicaset: replicaSetController };
const REVISION = "deployment.kubernetes.io/revision";

const active = (sim: Sim) => sim.list("pods").filter((p) => !p.metadata.deletionTimestamp);
const cond = (d: KubeObject, type: string) => d.status?.conditions?.find((c: any) => c.type === type);
const image = (sim: Sim, img: string) => sim.edit(D, "default/web", (d) => (d.spec.template.spec.containers[0].image = img));
const byRevision = (sim: Sim) => Object.fromEntries(sim.list(RS).map((rs) => [rs.metadata.annotations![REVISION], rs]));

describe("deployment strategies and lifecycle", () => {
  it("Recreate: scales old to zero, waits for its pods to be gone, then creates the new set at full size", () => {
    const sim = new Sim();
    sim.put(D, deployment("web", { strategy: { type: "Recreate" } }));
    settle(sim, controllers);
    image(sim, "v2");
    const check = () => {
      const images = new Set(sim.list("pods").map((p) => p.spec.containers[0].image));
      expect(images.size, "old and new pods never overlap, terminating ones included").toBeLessThanOrEqual(1);
    };
    settle(sim, { ...controllers, check });
    const revs = byRevision(sim);
    expect(revs["1"].spec.replicas).toBe(0);
    expect(revs["2"].spec.replicas).toBe(3);
    expect(active(sim).map((p) => p.spec.containers[0].image)).toEqual(["v2", "v2", "v2"]);
    expect(sim.eventMessages("ScalingReplicaSet").slice(-2)).toEqual([
      `Scaled down replica set ${revs["1"].metadata.name} from 3 to 0`,
      `Scaled up replica set ${revs["2"].metadata.name} from 0 to 3`,
    ]);
    expect(rolloutStatus(sim.get(D, "default/web")).done).toBe(true);
  });

  it("Recreate: a pod deletion of the deployment's own pods wakes it", () => {
    const sim = new Sim();
    sim.put(D, deployment("web", { strategy: { type: "Recreate" } }));
    settle(sim, controllers);
    const pod = active(sim)[0];
    const pods = deploymentController.watches.find((w) => w.resource === "pods")!;
    expect(pods.keys(pod, sim.cache)).toEqual(["default/web"]);
  });

  it("paused: a template change makes no new replica set; scaling still applies; resume rolls out", () => {
    const sim = new Sim();
    sim.put(D, deployment("web"));
    settle(sim, controllers);
    sim.edit(D, "default/web", (d) => {
      d.spec.paused = true;
      d.spec.template.spec.containers[0].image = "v2";
    });
    settle(sim, controllers);
    let d = sim.get(D, "default/web");
    expect(sim.list(RS)).toHaveLength(1);
    expect(cond(d, "Progressing")).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" });
    expect(d.status.updatedReplicas).toBeUndefined();
    expect(d.status.observedGeneration).toBe(d.metadata.generation);

    sim.edit(D, "default/web", (d) => (d.spec.replicas = 4));
    settle(sim, controllers);
    expect(sim.list(RS)[0].spec.replicas).toBe(4);

    sim.edit(D, "default/web", (d) => (d.spec.paused = false));
    sim.reconcile(deploymentController, sim.get(D, "default/web"));
    d = sim.get(D, "default/web");
    expect(cond(d, "Progressing")?.reason).toMatch(/DeploymentResumed|NewReplicaSetCreated|ReplicaSetUpdated/);
    settle(sim, controllers);
    d = sim.get(D, "default/web");
    expect(sim.list(RS)).toHaveLength(2);
    expect(active(sim).every((p) => p.spec.containers[0].image === "v2")).toBe(true);
    expect(rolloutStatus(d).done).toBe(true);
    expect(cond(d, "Progressing").reason).toBe("NewReplicaSetAvailable");
  });

  it("reports ProgressDeadlineExceeded when new pods never become ready, and requeues for the deadline", () => {
    const sim = new Sim();
    sim.put(D, deployment("web", { progressDeadlineSeconds: 60 }));
    settle(sim, controllers);
    image(sim, "broken");
    settle(sim, { ...controllers, ready: (p) => p.spec.containers[0].image !== "broken" });
    let d = sim.get(D, "default/web");
    expect(cond(d, "Progressing")?.status).toBe("True");
    const wait = deploymentController.reconcile("default/web", sim.cache, sim.now).requeueAfter!;
    expect(wait).toBeGreaterThan(40_000);
    expect(wait).toBeLessThanOrEqual(61_000);
    sim.advance(wait / 1000);
    sim.reconcile(deploymentController, sim.get(D, "default/web"));
    d = sim.get(D, "default/web");
    const fresh = sim.list(RS).find((rs) => rs.metadata.annotations![REVISION] === "2")!;
    expect(cond(d, "Progressing")).toMatchObject({
      status: "False",
      reason: "ProgressDeadlineExceeded",
      message: `ReplicaSet "${fresh.metadata.name}" has timed out progressing.`,
    });
    expect(rolloutStatus(d)).toEqual({ done: false, message: 'deployment "web" exceeded its progress deadline' });
    // Old pods stay: availability was never given up for pods that do not come up.
    expect(active(sim).filter((p) => p.spec.containers[0].image === "nginx:1.25").length).toBeGreaterThanOrEqual(2);
    expect(deploymentController.reconcile("default/web", sim.cache, sim.now).requeueAfter).toBeUndefined();
  });

  it("keeps revisionHistoryLimit old replica sets, deleting the oldest revisions", () => {
    const sim = new Sim();
    sim.put(D, deployment("web", { revisionHistoryLimit: 2 }));
    for (const img of ["v1", "v2", "v3", "v4", "v5"]) {
      image(sim, img);
      settle(sim, controllers);
    }
    const revisions = sim.list(RS).map((rs) => rs.metadata.annotations![REVISION]).sort();
    // Five templates, five revisions: the current one plus the two newest old ones remain.
    expect(revisions).toEqual(["3", "4", "5"]);
    expect(sim.get(D, "default/web").metadata.annotations![REVISION]).toBe("5");
  });

  it("rollout undo (a client-side template copy) re-uses the old set with the next revision and revision-history", () => {
    const sim = new Sim();
    sim.put(D, deployment("web"));
    settle(sim, controllers);
    image(sim, "v2");
    settle(sim, controllers);
    const rev1 = byRevision(sim)["1"];
    // What kubectl rollout undo sends: revision 1's template without the hash label.
    sim.edit(D, "default/web", (d) => {
      d.spec.template = structuredClone(rev1.spec.template);
      delete d.spec.template.metadata.labels["pod-template-hash"];
    });
    settle(sim, controllers);
    const reused = sim.get(RS, `default/${rev1.metadata.name}`);
    expect(reused.metadata.annotations).toMatchObject({ [REVISION]: "3", "deployment.kubernetes.io/revision-history": "1" });
    expect(reused.spec.replicas).toBe(3);
    expect(sim.list(RS)).toHaveLength(2);
    expect(sim.get(D, "default/web").metadata.annotations![REVISION]).toBe("3");
    expect(rolloutStatus(sim.get(D, "default/web")).done).toBe(true);
  });

  it("scales proportionally during a rollout (a scaling event is not a rollout step)", () => {
    const sim = new Sim();
    sim.put(D, deployment("web", { replicas: 10, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    settle(sim, controllers);
    image(sim, "broken");
    settle(sim, { ...controllers, ready: (p) => p.spec.containers[0].image !== "broken" });
    const before = byRevision(sim);
    expect([before["1"].spec.replicas, before["2"].spec.replicas]).toEqual([8, 5]);
    sim.edit(D, "default/web", (d) => (d.spec.replicas = 20));
    sim.reconcile(deploymentController, sim.get(D, "default/web"));
    const after = byRevision(sim);
    // 13 → 23 (20 + surge 3, surge now 3 of 20): +10 split 8:5 → 8*23/13≈14, 5*23/13≈9.
    expect(after["1"].spec.replicas + after["2"].spec.replicas).toBe(23);
    expect(after["1"].spec.replicas).toBe(14);
    expect(after["2"].spec.replicas).toBe(9);
    expect(after["1"].metadata.annotations).toMatchObject({ "deployment.kubernetes.io/desired-replicas": "20", "deployment.kubernetes.io/max-replicas": "23" });
  });

  it("adopts a matching orphan replica set and releases one it owns that no longer matches", () => {
    const sim = new Sim();
    const d = sim.put(D, deployment("web"));
    const template = structuredClone(d.spec.template);
    sim.put(RS, {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "orphan", namespace: "default", labels: { app: "web" } },
      spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template },
    });
    sim.put(RS, {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: "stray",
        namespace: "default",
        labels: { app: "other" },
        ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid!, controller: true }],
      },
      spec: { replicas: 0, selector: { matchLabels: { app: "other" } }, template: { metadata: { labels: { app: "other" } } } },
    });
    // An orphan wakes every deployment that selects it; an owned set wakes its owner.
    const rsWatch = deploymentController.watches.find((w) => w.resource === RS)!;
    expect(rsWatch.keys(sim.get(RS, "default/orphan"), sim.cache)).toEqual(["default/web"]);
    expect(rsWatch.keys(sim.get(RS, "default/stray"), sim.cache)).toEqual(["default/web"]);
    const result = deploymentController.reconcile("default/web", sim.cache, sim.now);
    const patches = result.actions.filter((a) => a.verb === "patch" && a.resource === RS);
    expect(patches).toHaveLength(2);
    sim.apply(result);
    expect(sim.get(RS, "default/orphan").metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", uid: d.metadata.uid, controller: true });
    expect(sim.get(RS, "default/stray").metadata.ownerReferences).toBeUndefined();
    settle(sim, controllers);
    // The adopted set runs the current template, so it is the new one: no second set is created.
    expect(sim.list(RS).filter((rs) => rs.metadata.labels?.app === "web")).toHaveLength(1);
    expect(sim.get(RS, "default/orphan").metadata.annotations![REVISION]).toBe("1");
  });
});
