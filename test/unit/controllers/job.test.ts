import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { jobController } from "../../../src/controllers/job";
import { Cluster, controlLoop } from "./workload-harness";

const KEY = "ns/pi";

function job(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", namespace: "ns" },
    spec: {
      template: { metadata: { labels: { app: "pi" } }, spec: { restartPolicy: "Never", containers: [{ name: "c", image: "perl" }] } },
      ...spec,
    },
  };
}

function setup(spec?: Record<string, unknown>): Cluster {
  const c = new Cluster();
  c.add("jobs.batch", job(spec));
  return c;
}

const pods = (c: Cluster) => c.list("pods", "ns");
const active = (c: Cluster) => pods(c).filter((p) => !["Succeeded", "Failed"].includes(p.status.phase) && !p.metadata.deletionTimestamp);
const status = (c: Cluster) => c.get("jobs.batch", "ns", "pi")!.status;
const types = (c: Cluster) => (status(c).conditions ?? []).map((x: { type: string }) => x.type);

describe("job controller", () => {
  it("runs completions=3 with parallelism=2 to Complete, counting through the tracking finalizer", () => {
    const c = setup({ completions: 3, parallelism: 2 });
    c.converge(jobController, KEY);
    expect(active(c)).toHaveLength(2);
    const [p] = pods(c);
    expect(p!.metadata.generateName).toBe("pi-");
    expect(p!.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p!.metadata.finalizers).toEqual(["batch.kubernetes.io/job-tracking"]);
    expect(p!.metadata.labels).toMatchObject({ app: "pi", "batch.kubernetes.io/job-name": "pi", "job-name": "pi" });
    expect(p!.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "Job", name: "pi", controller: true, blockOwnerDeletion: true })]);
    expect(status(c)).toMatchObject({ active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {}, startTime: "2024-05-01T10:00:00Z" });

    for (const pod of active(c)) c.setPhase(pod, "Running");
    c.converge(jobController, KEY);
    expect(status(c).ready).toBe(2);

    c.advance(5000);
    for (const pod of active(c)) c.setPhase(pod, "Succeeded");
    c.converge(jobController, KEY);
    expect(status(c)).toMatchObject({ succeeded: 2, active: 1, uncountedTerminatedPods: {} });
    expect(pods(c).filter((p) => p.status.phase === "Succeeded").every((p) => p.metadata.finalizers!.length === 0)).toBe(true);

    c.advance(5000);
    c.setPhase(active(c)[0]!, "Succeeded");
    c.converge(jobController, KEY);
    expect(status(c)).toEqual({
      startTime: "2024-05-01T10:00:00Z", completionTime: "2024-05-01T10:00:10Z", succeeded: 3, ready: 0, terminating: 0,
      uncountedTerminatedPods: {}, conditions: expect.any(Array),
    });
    expect(types(c)).toEqual(["SuccessCriteriaMet", "Complete"]);
    expect(status(c).conditions[1]).toMatchObject({ status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods" });
    expect(c.eventReasons()).toEqual(["SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "Completed"]);
    expect(jobController.reconcile(KEY, c.cache, c.date).actions).toEqual([]);
  });

  it("waits out the failure backoff, then fails with BackoffLimitExceeded", () => {
    const c = setup({ backoffLimit: 1 });
    c.converge(jobController, KEY);
    c.setPhase(active(c)[0]!, "Failed");
    const r = c.converge(jobController, KEY);
    expect(status(c)).toMatchObject({ failed: 1, ready: 0 });
    expect(status(c).active).toBeUndefined();
    expect(r.requeueAfter).toBe(10_000);
    c.advance(10_000);
    c.converge(jobController, KEY);
    expect(active(c)).toHaveLength(1);

    c.setPhase(active(c)[0]!, "Failed");
    c.converge(jobController, KEY);
    expect(status(c).failed).toBe(2);
    expect(types(c)).toEqual(["FailureTarget", "Failed"]);
    expect(status(c).conditions[1]).toMatchObject({ reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" });
    expect(status(c).completionTime).toBeUndefined();
    expect(c.eventReasons()).toContain("BackoffLimitExceeded");
    expect(pods(c)).toHaveLength(2);
    expect(jobController.reconcile(KEY, c.cache, c.date).actions).toEqual([]);
  });

  it("gives Indexed pods their index, hostname and env, and records completedIndexes", () => {
    const c = setup({ completions: 3, parallelism: 3, completionMode: "Indexed" });
    c.converge(jobController, KEY);
    const byIndex = (i: number) => active(c).find((p) => p.metadata.annotations!["batch.kubernetes.io/job-completion-index"] === String(i))!;
    expect(active(c).map((p) => p.spec.hostname).sort()).toEqual(["pi-0", "pi-1", "pi-2"]);
    expect(byIndex(1).metadata.generateName).toBe("pi-1-");
    expect(byIndex(1).metadata.labels!["batch.kubernetes.io/job-completion-index"]).toBe("1");
    expect(byIndex(1).spec.containers[0].env).toEqual([
      { name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]);

    c.setPhase(byIndex(1), "Succeeded");
    c.setPhase(byIndex(2), "Succeeded");
    c.setPhase(byIndex(0), "Failed");
    c.converge(jobController, KEY);
    expect(status(c)).toMatchObject({ completedIndexes: "1,2", succeeded: 2, failed: 1 });
    c.advance(10_000);
    c.converge(jobController, KEY);
    expect(active(c).map((p) => p.spec.hostname)).toEqual(["pi-0"]);

    c.setPhase(byIndex(0), "Succeeded");
    c.converge(jobController, KEY);
    expect(status(c)).toMatchObject({ completedIndexes: "0-2", succeeded: 3 });
    expect(types(c)).toContain("Complete");
  });

  it("deletes a finished Job once ttlSecondsAfterFinished has passed", () => {
    const c = setup({ ttlSecondsAfterFinished: 30 });
    c.converge(jobController, KEY);
    c.setPhase(active(c)[0]!, "Succeeded");
    const r = c.converge(jobController, KEY);
    expect(types(c)).toContain("Complete");
    expect(r.requeueAfter).toBe(30_000);
    c.advance(30_000);
    const uid = c.get("jobs.batch", "ns", "pi")!.metadata.uid;
    expect(jobController.reconcile(KEY, c.cache, c.date).actions).toEqual([
      { verb: "delete", resource: "jobs.batch", namespace: "ns", name: "pi", preconditions: { uid }, propagationPolicy: "Background" },
    ]);
    c.converge(jobController, KEY);
    expect(c.get("jobs.batch", "ns", "pi")).toBeUndefined();
    expect(pods(c)).toEqual([]);
  });

  it("fails with DeadlineExceeded after activeDeadlineSeconds, stopping running pods", () => {
    const c = setup({ activeDeadlineSeconds: 60, parallelism: 2, completions: 4 });
    expect(c.converge(jobController, KEY).requeueAfter).toBe(60_000);
    for (const pod of active(c)) c.setPhase(pod, "Running");
    c.advance(60_000);
    c.converge(jobController, KEY);
    expect(types(c)).toEqual(["FailureTarget", "Failed"]);
    expect(status(c)).toMatchObject({ failed: 2, ready: 0, terminating: 0 });
    expect(status(c).conditions[1].reason).toBe("DeadlineExceeded");
  });

  it("suspends and resumes", () => {
    const c = setup({ suspend: true });
    c.converge(jobController, KEY);
    expect(pods(c)).toEqual([]);
    expect(status(c).startTime).toBeUndefined();
    expect(status(c).conditions).toMatchObject([{ type: "Suspended", status: "True", reason: "JobSuspended" }]);
    c.edit("jobs.batch", "ns", "pi", (j) => (j.spec.suspend = false));
    c.converge(jobController, KEY);
    expect(active(c)).toHaveLength(1);
    expect(status(c).conditions).toMatchObject([{ type: "Suspended", status: "False", reason: "JobResumed" }]);
    expect(c.eventReasons()).toEqual(["Suspended", "SuccessfulCreate", "Resumed"]);
  });

  it("releases the finalizer of pods whose Job is gone", () => {
    const c = setup();
    c.converge(jobController, KEY);
    c.cache.remove("jobs.batch", "ns", "pi");
    c.reconcile(jobController, KEY);
    expect(pods(c)[0]!.metadata.finalizers).toEqual([]);
    expect(jobController.watches.find((w) => w.resource === "pods")!.keys(pods(c)[0]!, c.cache)).toEqual(["ns/pi"]);
  });
});

describe("job controller under the ControlLoop runtime", () => {
  it("is woken by its watches and converges through the runtime's cache", async () => {
    const c = setup({ completions: 2, parallelism: 2 });
    const { sync } = controlLoop(c, [jobController]);
    await sync();
    expect(active(c)).toHaveLength(2);
    for (const pod of active(c)) c.setPhase(pod, "Succeeded");
    await sync();
    await sync();
    expect(types(c)).toEqual(["SuccessCriteriaMet", "Complete"]);
    expect(status(c)).toMatchObject({ succeeded: 2, uncountedTerminatedPods: {} });
    const writes = c.writes;
    await sync();
    expect(c.writes).toBe(writes);
  });
});
