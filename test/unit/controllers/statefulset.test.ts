import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { statefulSetController as ssc } from "../../../src/controllers/statefulset";
import { Cluster, controlLoop } from "./workload-harness";

const KEY = "ns/web";

function setup(spec: Record<string, unknown> = {}): Cluster {
  const c = new Cluster();
  c.add("statefulsets.apps", {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "web", namespace: "ns" },
    spec: {
      replicas: 3,
      serviceName: "web",
      selector: { matchLabels: { app: "web" } },
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
      revisionHistoryLimit: 10,
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1" }] } },
      volumeClaimTemplates: [
        { metadata: { name: "data", labels: { tier: "db" } }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } }, status: { phase: "Pending" } },
      ],
      ...spec,
    },
  });
  return c;
}

const pods = (c: Cluster) => c.list("pods", "ns");
const names = (c: Cluster) => pods(c).map((p) => p.metadata.name);
const sts = (c: Cluster) => c.get("statefulsets.apps", "ns", "web")!;
const image = (p: KubeObject) => p.spec.containers[0].image;

/** Kubelets: pending members start and become ready. */
function runPending(c: Cluster): number {
  const pending = pods(c).filter((p) => p.status.phase === "Pending" && !p.metadata.deletionTimestamp);
  for (const p of pending) c.setPhase(p, "Running");
  return pending.length;
}

/** Reconcile and let members come up until nothing changes; returns pod deletions seen, in order. */
function settleAll(c: Cluster): string[] {
  const deleted: string[] = [];
  for (let i = 0; i < 30; i++) {
    c.settle();
    const r = c.reconcile(ssc, KEY);
    for (const a of r.actions) if (a.verb === "delete" && a.resource === "pods") deleted.push(a.name);
    if (runPending(c) === 0 && r.actions.length === 0) return deleted;
  }
  throw new Error("did not settle");
}

function setImage(c: Cluster, img: string, partition?: number): void {
  c.edit("statefulsets.apps", "ns", "web", (o) => {
    o.spec.template.spec.containers[0].image = img;
    if (partition !== undefined) o.spec.updateStrategy.rollingUpdate.partition = partition;
    o.metadata.generation = (o.metadata.generation ?? 0) + 1;
  });
}

describe("statefulset controller", () => {
  it("creates members in order, each with its claim, waiting for the previous to be ready", () => {
    const c = setup();
    c.converge(ssc, KEY);
    expect(names(c)).toEqual(["web-0"]);
    const pod = pods(c)[0]!;
    const rev = c.list("controllerrevisions.apps", "ns")[0]!;
    expect(rev.metadata.name).toBe(`web-${rev.metadata.labels!["controller.kubernetes.io/hash"]}`);
    expect(pod.metadata.labels).toEqual({
      app: "web", "statefulset.kubernetes.io/pod-name": "web-0", "apps.kubernetes.io/pod-index": "0", "controller-revision-hash": rev.metadata.name,
    });
    expect(pod.spec).toMatchObject({ hostname: "web-0", subdomain: "web", volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data-web-0" } }] });
    const pvc = c.get("persistentvolumeclaims", "ns", "data-web-0")!;
    expect(pvc.metadata.labels).toEqual({ tier: "db", app: "web" });
    expect(pvc.metadata.ownerReferences).toBeUndefined();
    expect(pvc.spec.resources.requests.storage).toBe("1Gi");
    expect(c.events.map((e) => e.message)).toEqual([
      "create Claim data-web-0 Pod web-0 in StatefulSet web success",
      "create Pod web-0 in StatefulSet web successful",
    ]);

    c.setPhase(pod, "Running", false); // running but not ready: web-1 must wait
    c.converge(ssc, KEY);
    expect(names(c)).toEqual(["web-0"]);
    c.setPhase(pod, "Running");
    settleAll(c);
    expect(names(c)).toEqual(["web-0", "web-1", "web-2"]);
    expect(c.list("persistentvolumeclaims", "ns").map((p) => p.metadata.name)).toEqual(["data-web-0", "data-web-1", "data-web-2"]);
    expect(sts(c).status).toEqual({
      observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3,
      currentRevision: rev.metadata.name, updateRevision: rev.metadata.name, collisionCount: 0, availableReplicas: 3,
    });
    expect(ssc.reconcile(KEY, c.cache, c.date).actions).toEqual([]);
  });

  it("rolls a new image highest ordinal first, one ready member at a time", () => {
    const c = setup();
    settleAll(c);
    const oldRev = sts(c).status.currentRevision;
    setImage(c, "nginx:2");
    c.converge(ssc, KEY); // web-2 deleted, then recreated at the new revision
    expect(pods(c).map(image)).toEqual(["nginx:1", "nginx:1", "nginx:2"]);
    expect(c.reconcile(ssc, KEY).actions).toEqual([]); // web-1 waits for web-2 to be ready
    expect(settleAll(c)).toEqual(["web-1", "web-0"]);
    expect(pods(c).map(image)).toEqual(["nginx:2", "nginx:2", "nginx:2"]);
    const status = sts(c).status;
    expect(status.updateRevision).not.toBe(oldRev);
    expect(status).toMatchObject({ currentRevision: status.updateRevision, updatedReplicas: 3, currentReplicas: 3, readyReplicas: 3, observedGeneration: 2 });
    expect(c.list("controllerrevisions.apps", "ns").map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(c.list("persistentvolumeclaims", "ns")).toHaveLength(3);
  });

  it("respects the partition: only members at or above it are updated", () => {
    const c = setup();
    settleAll(c);
    const oldRev = sts(c).status.currentRevision;
    setImage(c, "nginx:2", 2);
    expect(settleAll(c)).toEqual(["web-2"]);
    expect(pods(c).map(image)).toEqual(["nginx:1", "nginx:1", "nginx:2"]);
    expect(sts(c).status).toMatchObject({ currentRevision: oldRev, currentReplicas: 2, updatedReplicas: 1 });
    // A member below the partition that is deleted comes back at the current revision.
    c.apply([{ verb: "delete", resource: "pods", namespace: "ns", name: "web-0" }]);
    settleAll(c);
    expect(image(c.get("pods", "ns", "web-0")!)).toBe("nginx:1");
  });

  it("scales down highest first, one at a time; whenScaled=Delete removes the claims", () => {
    const c = setup({ persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Delete" } });
    settleAll(c);
    c.edit("statefulsets.apps", "ns", "web", (o) => (o.spec.replicas = 1));
    const first = c.reconcile(ssc, KEY);
    expect(first.actions.filter((a) => a.verb === "delete").map((a) => (a as { name: string }).name)).toEqual(["web-2"]);
    const owners = c.get("persistentvolumeclaims", "ns", "data-web-1")!.metadata.ownerReferences;
    expect(owners).toEqual([expect.objectContaining({ kind: "Pod", name: "web-1", controller: true })]);
    expect(c.reconcile(ssc, KEY).actions.filter((a) => a.verb === "delete")).toEqual([]); // web-2 still terminating
    expect(settleAll(c)).toEqual(["web-1"]);
    expect(names(c)).toEqual(["web-0"]);
    expect(c.list("persistentvolumeclaims", "ns").map((p) => p.metadata.name)).toEqual(["data-web-0"]);
    expect(sts(c).status).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it("Parallel creates every member at once and replaces a failed one", () => {
    const c = setup({ podManagementPolicy: "Parallel", volumeClaimTemplates: [] });
    c.converge(ssc, KEY);
    expect(names(c)).toEqual(["web-0", "web-1", "web-2"]);
    expect(pods(c)[0]!.spec.volumes).toBeUndefined();
    runPending(c);
    c.setPhase(c.get("pods", "ns", "web-1")!, "Failed");
    settleAll(c);
    expect(pods(c).map((p) => p.status.phase)).toEqual(["Running", "Running", "Running"]);
    expect(c.eventReasons().filter((r) => r === "SuccessfulDelete")).toHaveLength(1);
  });
});

describe("statefulset controller under the ControlLoop runtime", () => {
  it("brings members up in order and rolls them, woken by pod and revision changes", async () => {
    const c = setup();
    const { sync } = controlLoop(c, [ssc]);
    for (let i = 0; i < 4; i++) {
      await sync();
      runPending(c);
    }
    expect(names(c)).toEqual(["web-0", "web-1", "web-2"]);
    expect(c.events.filter((e) => /^create Claim/.test(e.message))).toHaveLength(3);
    setImage(c, "nginx:2");
    for (let i = 0; i < 8; i++) {
      await sync();
      runPending(c);
    }
    expect(pods(c).map(image)).toEqual(["nginx:2", "nginx:2", "nginx:2"]);
    expect(sts(c).status.currentRevision).toBe(sts(c).status.updateRevision);
    const writes = c.writes;
    await sync();
    expect(c.writes).toBe(writes);
  });
});
