import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { cronJobController, jobName } from "../../../src/controllers/cronjob";
import { parseSchedule, rfc3339In } from "../../../src/controllers/cronjob-schedule";
import { jobController } from "../../../src/controllers/job";
import { Cluster } from "./workload-harness";

const KEY = "ns/cj";
const at = (s: string) => Date.parse(s);

function setup(spec: Record<string, unknown> = {}, created = "2024-05-01T10:00:30Z"): Cluster {
  const c = new Cluster(at(created));
  c.add("cronjobs.batch", {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "cj", namespace: "ns" },
    spec: {
      schedule: "* * * * *",
      concurrencyPolicy: "Allow",
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels: { team: "a" } },
        spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox" }] } } },
      },
      ...spec,
    },
  });
  return c;
}

const cronJob = (c: Cluster) => c.get("cronjobs.batch", "ns", "cj")!;
const jobs = (c: Cluster) => c.list("jobs.batch", "ns");
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
function finishJob(c: Cluster, job: KubeObject, type: "Complete" | "Failed", startedAt = c.now - 10_000): void {
  c.edit("jobs.batch", "ns", job.metadata.name!, (j) => {
    j.status = { startTime: iso(startedAt), conditions: [{ type, status: "True" }] };
    if (type === "Complete") j.status.completionTime = iso(c.now);
  });
}

describe("cron schedules", () => {
  const next = (spec: string, from: string, tz?: string) => new Date((parseSchedule(spec, tz) as { next(t: number): number }).next(at(from))).toISOString();
  it("follows robfig/cron", () => {
    expect(next("* * * * *", "2024-05-01T10:00:00Z")).toBe("2024-05-01T10:01:00.000Z");
    expect(next("@hourly", "2024-05-01T10:00:30Z")).toBe("2024-05-01T11:00:00.000Z");
    expect(next("*/15 9-17 * * mon-fri", "2024-05-03T17:50:00Z")).toBe("2024-05-06T09:00:00.000Z");
    // Both day fields restricted: either matches. 2024-05-05 is a Sunday.
    expect(next("0 0 13 * 0", "2024-05-01T00:00:00Z")).toBe("2024-05-05T00:00:00.000Z");
    expect(next("0 0 29 feb *", "2024-03-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    expect(next("@every 90s", "2024-05-01T10:00:00.500Z")).toBe("2024-05-01T10:01:30.000Z");
    expect(parseSchedule("61 * * * *")).toBe("end of range (61) above maximum (59): 61");
  });
  it("evaluates in spec.timeZone, across DST", () => {
    expect(next("0 2 * * *", "2024-05-01T10:00:00Z", "Europe/Berlin")).toBe("2024-05-02T00:00:00.000Z");
    // 02:30 does not exist on 2024-03-31 in Berlin; the next day's does.
    expect(next("30 2 * * *", "2024-03-30T12:00:00Z", "Europe/Berlin")).toBe("2024-04-01T00:30:00.000Z");
    expect(rfc3339In(at("2024-05-01T10:00:00Z"), "Europe/Berlin")).toBe("2024-05-01T12:00:00+02:00");
    expect(rfc3339In(at("2024-05-01T10:00:00Z"), "America/New_York")).toBe("2024-05-01T06:00:00-04:00");
    expect(rfc3339In(at("2024-05-01T10:00:00Z"))).toBe("2024-05-01T10:00:00Z");
  });
});

describe("cronjob controller", () => {
  it("creates a Job at the minute boundary, then records it as active", () => {
    const c = setup();
    expect(c.converge(cronJobController, KEY).requeueAfter).toBe(30_100);
    expect(jobs(c)).toEqual([]);
    c.advance(30_100);
    const r = c.converge(cronJobController, KEY);
    const minute = at("2024-05-01T10:01:00Z") / 60_000;
    expect(jobs(c).map((j) => j.metadata.name)).toEqual([`cj-${minute}`]);
    const job = jobs(c)[0]!;
    expect(job.metadata.labels).toMatchObject({ team: "a" });
    expect(job.metadata.annotations).toEqual({ "batch.kubernetes.io/cronjob-scheduled-timestamp": "2024-05-01T10:01:00Z" });
    expect(job.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "CronJob", name: "cj", controller: true })]);
    expect(cronJob(c).status).toEqual({
      lastScheduleTime: "2024-05-01T10:01:00Z",
      active: [{ kind: "Job", namespace: "ns", name: job.metadata.name, uid: job.metadata.uid, apiVersion: "batch/v1", resourceVersion: job.metadata.resourceVersion }],
    });
    expect(r.requeueAfter).toBe(60_000);
    expect(c.eventReasons()).toEqual(["SuccessfulCreate"]);
    expect(cronJobController.reconcile(KEY, c.cache, c.date).actions).toEqual([]);
  });

  it("Forbid skips a run while one is active; startingDeadlineSeconds drops the late run", () => {
    const c = setup({ concurrencyPolicy: "Forbid", startingDeadlineSeconds: 10 });
    c.advance(30_100);
    c.converge(cronJobController, KEY);
    c.advance(60_000);
    c.converge(cronJobController, KEY);
    expect(jobs(c)).toHaveLength(1);
    expect(cronJob(c).status.lastScheduleTime).toBe("2024-05-01T10:01:00Z");

    c.advance(30_000); // 10:02:30: the 10:02 run is now past its deadline
    finishJob(c, jobs(c)[0]!, "Complete");
    c.converge(cronJobController, KEY);
    expect(jobs(c)).toHaveLength(1);
    expect(cronJob(c).status).toEqual({ lastScheduleTime: "2024-05-01T10:01:00Z", lastSuccessfulTime: "2024-05-01T10:02:30Z" });
    expect(c.eventReasons()).toEqual(["SuccessfulCreate", "SawCompletedJob"]);

    c.advance(30_000); // 10:03:00.1
    c.converge(cronJobController, KEY);
    expect(jobs(c).map((j) => j.metadata.name)).toEqual([jobName(cronJob(c), at("2024-05-01T10:01:00Z")), jobName(cronJob(c), at("2024-05-01T10:03:00Z"))]);
  });

  it("Replace deletes the running Job before starting the next", () => {
    const c = setup({ concurrencyPolicy: "Replace" });
    c.advance(30_100);
    c.converge(cronJobController, KEY);
    const first = jobs(c)[0]!.metadata.name;
    c.advance(60_000);
    c.converge(cronJobController, KEY);
    expect(jobs(c).map((j) => j.metadata.name)).not.toContain(first);
    expect(jobs(c)).toHaveLength(1);
    expect(cronJob(c).status.active).toHaveLength(1);
    expect(c.eventReasons()).toEqual(["SuccessfulCreate", "SuccessfulDelete", "SuccessfulCreate"]);
  });

  it("keeps only the newest finished Jobs within the history limits", () => {
    const c = setup({ successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 0 });
    c.advance(30_100);
    for (let i = 0; i < 4; i++) {
      c.converge(cronJobController, KEY);
      const newest = jobs(c).at(-1)!;
      finishJob(c, newest, i === 3 ? "Failed" : "Complete", c.now - 1000);
      c.advance(60_000);
    }
    c.converge(cronJobController, KEY);
    const left = jobs(c).filter((j) => j.status?.conditions);
    expect(left).toHaveLength(1);
    expect(left[0]!.metadata.name).toBe(jobName(cronJob(c), at("2024-05-01T10:03:00Z")));
    expect(c.eventReasons().filter((r) => r === "SuccessfulDelete")).toHaveLength(3);
  });

  it("stamps the scheduled time in spec.timeZone and honours suspend", () => {
    const c = setup({ schedule: "0 12 * * *", timeZone: "Europe/Berlin" }, "2024-05-01T09:00:00Z");
    expect(c.converge(cronJobController, KEY).requeueAfter).toBe(3_600_100);
    c.advance(3_600_100);
    c.converge(cronJobController, KEY);
    expect(jobs(c)[0]!.metadata.annotations!["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe("2024-05-01T12:00:00+02:00");
    c.edit("cronjobs.batch", "ns", "cj", (o) => (o.spec.suspend = true));
    c.advance(86_400_000);
    expect(c.converge(cronJobController, KEY).requeueAfter).toBeUndefined();
    expect(jobs(c)).toHaveLength(1);
  });

  it("runs with the Job controller: the Job completes and the CronJob sees it", () => {
    const c = setup();
    c.advance(30_100);
    c.converge(cronJobController, KEY);
    const key = `ns/${jobs(c)[0]!.metadata.name}`;
    c.converge(jobController, key);
    c.setPhase(c.list("pods", "ns")[0]!, "Succeeded");
    c.converge(jobController, key);
    c.converge(cronJobController, KEY);
    expect(cronJob(c).status.active).toBeUndefined();
    expect(cronJob(c).status.lastSuccessfulTime).toBe("2024-05-01T10:01:00Z");
  });
});
