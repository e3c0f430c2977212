import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { adopt, syncPod, wantsIp } from "../../../src/node-agent/fake/sync";
import { normalizeImage } from "../../../src/node-agent/fake/status";
import type { PodRecord } from "../../../src/node-agent/fake/stages";

const T = Date.parse("2026-01-02T15:04:05Z");
const cfg = { jobDurationMs: 1000, maxGraceMs: 1000 };
const HOST = "10.0.0.1";

function pod(spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "ns", uid: "uid-1", resourceVersion: "1", ...meta },
    spec: { nodeName: "n1", restartPolicy: "Always", containers: [{ name: "web", image: "nginx:1.25" }, { name: "a-side", image: "busybox" }], ...spec },
    status: { phase: "Pending", qosClass: "BestEffort" },
  };
}

/** What the server would hold after a merge patch of `status` into the pod's status. */
const applied = (p: KubeObject, status: Record<string, unknown> | undefined): KubeObject => ({ ...p, status: { ...p.status, ...status } });

const fresh = (ip?: string): PodRecord => ({ uid: "uid-1", seenAt: T, ...(ip ? { ip } : {}) });

describe("the fake runtime's stages", () => {
  it("starts a pod with an address: Running, Ready, containers running, sorted by name", () => {
    const r = syncPod(pod(), fresh("10.244.1.2"), T, cfg, HOST);
    expect(r.events).toEqual(["started"]);
    expect(r.wakeAt).toBeUndefined();
    expect(r.status).toMatchObject({
      phase: "Running",
      hostIP: HOST,
      hostIPs: [{ ip: HOST }],
      podIP: "10.244.1.2",
      podIPs: [{ ip: "10.244.1.2" }],
      startTime: "2026-01-02T15:04:05Z",
    });
    const conds = (r.status!.conditions as any[]).map((c) => [c.type, c.status]);
    expect(conds).toEqual([["PodReadyToStartContainers", "True"], ["Initialized", "True"], ["Ready", "True"], ["ContainersReady", "True"], ["PodScheduled", "True"]]);
    const cs = r.status!.containerStatuses as any[];
    expect(cs.map((c) => c.name)).toEqual(["a-side", "web"]);
    expect(cs[1]).toMatchObject({
      name: "web",
      image: "docker.io/library/nginx:1.25",
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: "2026-01-02T15:04:05Z" } },
    });
    expect(cs[1].imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs[1].containerID).toMatch(/^fake:\/\/[0-9a-f]{64}$/);
  });

  it("writes nothing on a second run over the same state", () => {
    const first = syncPod(pod(), fresh("10.244.1.2"), T, cfg, HOST);
    const again = syncPod(applied(pod(), first.status), first.record, T + 5000, cfg, HOST);
    expect(again).toEqual({ record: first.record, status: undefined, delete: false, wakeAt: undefined, events: [] });
  });

  it("waits for an address: Pending, ContainerCreating, no pod IP", () => {
    const p = pod();
    expect(wantsIp(p, fresh())).toBe(true);
    const r = syncPod(p, fresh(), T, cfg, HOST);
    expect(r.events).toEqual([]);
    expect(r.status).toMatchObject({ phase: "Pending", hostIP: HOST });
    expect(r.status).not.toHaveProperty("podIP");
    expect((r.status!.containerStatuses as any[])[0].state).toEqual({ waiting: { reason: "ContainerCreating" } });
  });

  it("runs host-network pods on the node's address without a pool", () => {
    const p = pod({ hostNetwork: true });
    expect(wantsIp(p, fresh())).toBe(false);
    expect(syncPod(p, fresh(), T, cfg, HOST).status).toMatchObject({ phase: "Running", podIP: HOST });
  });

  it("completes Never/OnFailure pods after the job duration", () => {
    const p = pod({ restartPolicy: "Never" });
    const started = syncPod(p, fresh("10.244.1.2"), T, cfg, HOST);
    expect(started.wakeAt).toBe(T + 1000);
    const early = syncPod(applied(p, started.status), started.record, T + 999, cfg, HOST);
    expect(early).toMatchObject({ status: undefined, wakeAt: T + 1000, events: [] });
    const done = syncPod(applied(p, started.status), started.record, T + 1000, cfg, HOST);
    expect(done.events).toEqual(["completed"]);
    expect(done.status).toMatchObject({ phase: "Succeeded", podIP: "10.244.1.2" });
    const web = (done.status!.containerStatuses as any[])[1];
    expect(web).toMatchObject({ ready: false, started: false, state: { terminated: { exitCode: 0, reason: "Completed", finishedAt: "2026-01-02T15:04:06Z" } } });
    const ready = (done.status!.conditions as any[]).find((c) => c.type === "Ready");
    expect(ready).toMatchObject({ status: "False", reason: "PodCompleted", lastTransitionTime: "2026-01-02T15:04:06Z" });
    const scheduled = (done.status!.conditions as any[]).find((c) => c.type === "PodScheduled");
    expect(scheduled.lastTransitionTime).toBe("2026-01-02T15:04:05Z");
  });

  it("stops a deleted pod after its grace period (capped), then deletes it", () => {
    const running = syncPod(pod(), fresh("10.244.1.2"), T, cfg, HOST);
    const deleted = applied(pod({}, { deletionTimestamp: "2026-01-02T15:04:40Z", deletionGracePeriodSeconds: 30 }), running.status);
    const seen = syncPod(deleted, running.record, T + 5000, cfg, HOST);
    expect(seen).toMatchObject({ delete: false, wakeAt: T + 6000, status: undefined });
    const gone = syncPod(deleted, seen.record, T + 6000, cfg, HOST);
    expect(gone).toMatchObject({ delete: true, events: ["stopped"] });
    // Sent once: a later sync (the pod lingers, e.g. on finalizers) does not delete again.
    expect(syncPod(deleted, gone.record, T + 7000, cfg, HOST).delete).toBe(false);
  });

  it("honours a grace period shorter than the cap", () => {
    const running = syncPod(pod(), fresh("10.244.1.2"), T, cfg, HOST);
    const deleted = applied(pod({}, { deletionTimestamp: "x", deletionGracePeriodSeconds: 0 }), running.status);
    expect(syncPod(deleted, running.record, T + 10, cfg, HOST).delete).toBe(true);
  });

  it("deletes a pod that never started at once", () => {
    const r = syncPod(pod({}, { deletionTimestamp: "x", deletionGracePeriodSeconds: 30 }), fresh(), T, cfg, HOST);
    expect(r.delete).toBe(true);
    expect(r.record.startedAt).toBeUndefined();
  });
});

describe("adopt (agent restart)", () => {
  it("rebuilds the record from a running pod's status, so nothing is rewritten", () => {
    const first = syncPod(pod(), fresh("10.244.1.2"), T, cfg, HOST);
    const stored = applied(pod(), first.status);
    const rec = adopt(stored, T + 60_000);
    expect(rec).toEqual({ uid: "uid-1", seenAt: T, ip: "10.244.1.2", startedAt: T });
    expect(syncPod(stored, undefined, T + 60_000, cfg, HOST)).toMatchObject({ status: undefined, delete: false, events: [] });
  });

  it("completes an adopted job whose time ran out while the agent was down", () => {
    const p = pod({ restartPolicy: "OnFailure" });
    const first = syncPod(p, fresh("10.244.1.2"), T, cfg, HOST);
    const r = syncPod(applied(p, first.status), undefined, T + 60_000, cfg, HOST);
    expect(r.events).toEqual(["completed"]);
    expect(r.status).toMatchObject({ phase: "Succeeded" });
  });

  it("treats a pod without a status as new", () => {
    expect(adopt(pod(), T)).toEqual({ uid: "uid-1", seenAt: T });
  });
});

describe("normalizeImage", () => {
  it("names images as a runtime reports them", () => {
    expect(normalizeImage("nginx").image).toBe("docker.io/library/nginx:latest");
    expect(normalizeImage("bitnami/redis:7").image).toBe("docker.io/bitnami/redis:7");
    expect(normalizeImage("registry.k8s.io/pause:3.9").image).toBe("registry.k8s.io/pause:3.9");
    expect(normalizeImage("localhost:5000/app").image).toBe("localhost:5000/app:latest");
    const pinned = normalizeImage("nginx@sha256:" + "a".repeat(64));
    expect(pinned.imageID).toBe("docker.io/library/nginx@sha256:" + "a".repeat(64));
  });
});
