// The CronJob controller (upstream pkg/controller/cronjob, the v2 controller): creates a Job per
// schedule time, applies the concurrency policy and starting deadline, keeps status.active and the
// last schedule/success times, trims finished Jobs to the history limits, and requeues itself for
// the next schedule time.
import type { KubeObject } from "../api/object";
import { isKnownTimeZone } from "../api/validation/timezone";
import { parseSchedule, rfc3339In, type Schedule } from "./cronjob-schedule";
import { canonicalJSON, controlled, newControllerRef, ownerKeys, parseTime, rfc3339, type Obj } from "./job/shared";
import { eventAction, keyOf, splitKey, type Action, type Cache, type Controller, type Result } from "./types";

const CRONJOBS = "cronjobs.batch";
const JOBS = "jobs.batch";
const COMPONENT = "cronjob-controller";
export const SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";
/** Upstream wakes 100 ms after a schedule time, against clock skew. */
const NEXT_SCHEDULE_DELTA = 100;

function finishedAs(job: KubeObject): "Complete" | "Failed" | undefined {
  const c = (job.status?.conditions ?? []).find((c: Obj) => (c?.type === "Complete" || c?.type === "Failed") && c.status === "True");
  return c?.type;
}

/** Deterministic per schedule time (minutes since the epoch): the name is the lock against doubles. */
export function jobName(cj: KubeObject, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
}

interface Recent {
  earliest: number;
  recent?: number;
  missed: number;
  invalid?: boolean;
}

/** mostRecentScheduleTime: the latest schedule time in (earliest, now], and how many were missed. */
function mostRecent(cj: KubeObject, status: Obj, now: number, sched: Schedule, withDeadline: boolean): Recent {
  let earliest = parseTime(status.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
  const sds = cj.spec?.startingDeadlineSeconds;
  if (withDeadline && typeof sds === "number") earliest = Math.max(earliest, now - sds * 1000);
  const t1 = sched.next(earliest);
  const t2 = sched.next(t1);
  if (now < t1) return { earliest, missed: 0 };
  if (now < t2) return { earliest, recent: t1, missed: 0 };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 0, invalid: true };
  const missed = Math.floor(Math.floor((now - t1) / 1000) / between) + 1;
  // Jump near the end instead of walking every missed time (a controller down for days).
  let recent: number | undefined;
  for (let t = sched.next(t1 + (missed - 2) * between * 1000); t <= now; t = sched.next(t)) recent = t;
  return { earliest, recent, missed };
}

/** nextScheduleTimeDuration: milliseconds until the next schedule time worth waking for. */
function untilNext(cj: KubeObject, status: Obj, now: number, sched: Schedule): number {
  const r = mostRecent(cj, status, now, sched, false);
  const base = r.invalid ? now : (r.recent ?? (r.missed === 0 ? r.earliest : now));
  return Math.max(0, sched.next(base) + NEXT_SCHEDULE_DELTA - now);
}

function reference(job: KubeObject): Obj {
  const m = job.metadata;
  return { kind: "Job", namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: "batch/v1", resourceVersion: m.resourceVersion };
}

function newJob(cj: KubeObject, scheduled: number): KubeObject {
  const template: Obj = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: jobName(cj, scheduled),
      namespace: cj.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339In(scheduled, cj.spec?.timeZone) },
      ownerReferences: [newControllerRef(cj, "batch/v1", "CronJob")],
    },
    spec: structuredClone(template.spec ?? {}),
  };
}

/** Finished Jobs beyond their history limit, oldest start first (no start time sorts last). */
function overLimit(jobs: KubeObject[], type: string, limit: unknown): KubeObject[] {
  if (typeof limit !== "number") return [];
  const start = (j: KubeObject) => parseTime(j.status?.startTime) ?? Infinity;
  const done = jobs.filter((j) => finishedAs(j) === type && !j.metadata.deletionTimestamp);
  done.sort((a, b) => start(a) - start(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
  return done.slice(0, Math.max(0, done.length - limit));
}

function sync(cj: KubeObject, cache: Cache, now: Date): Result {
  const t = now.getTime();
  const spec = cj.spec ?? {};
  const status: Obj = structuredClone(cj.status ?? {});
  let active: Obj[] = [...(status.active ?? [])];
  const actions: Action[] = [];
  const event = (type: "Normal" | "Warning", reason: string, message: string) =>
    actions.push(eventAction(cj, type, reason, message, COMPONENT, now));
  const deleteJob = (job: KubeObject) => {
    const { namespace, name, uid } = job.metadata;
    actions.push({ verb: "delete", resource: JOBS, namespace, name: name!, preconditions: { uid }, propagationPolicy: "Background" });
    active = active.filter((r) => r.uid !== uid);
    event("Normal", "SuccessfulDelete", `Deleted job ${name}`);
  };
  const finish = (requeueAfter?: number): Result => {
    if (active.length) status.active = active;
    else delete status.active;
    if (canonicalJSON(status) !== canonicalJSON(cj.status ?? {})) {
      actions.push({ verb: "update", resource: CRONJOBS, subresource: "status", object: { ...structuredClone(cj), status } });
    }
    return { actions, requeueAfter };
  };

  const all = controlled(cache, JOBS, cj);
  const trimmed = [...overLimit(all, "Complete", spec.successfulJobsHistoryLimit), ...overLimit(all, "Failed", spec.failedJobsHistoryLimit)];
  trimmed.forEach(deleteJob);
  const jobs = all.filter((j) => !trimmed.includes(j));
  for (const job of jobs) {
    const found = active.some((r) => r.uid === job.metadata.uid);
    const finished = finishedAs(job);
    if (!found && !finished && !job.metadata.deletionTimestamp) {
      // The Job created in an earlier pass, now that it has a uid (see below).
      active.push(reference(job));
    } else if (found && finished) {
      active = active.filter((r) => r.uid !== job.metadata.uid);
      event("Normal", "SawCompletedJob", `Saw completed job: ${job.metadata.name}, status: ${finished}`);
    }
    const done = parseTime(job.status?.completionTime);
    if (finished === "Complete" && done !== undefined && done > (parseTime(status.lastSuccessfulTime) ?? -Infinity)) {
      status.lastSuccessfulTime = job.status.completionTime;
    }
  }
  for (const ref of active) {
    if (jobs.some((j) => j.metadata.uid === ref.uid)) continue;
    active = active.filter((r) => r !== ref);
    event("Normal", "MissingJob", `Active job went missing: ${ref.name}`);
  }

  if (cj.metadata.deletionTimestamp) return finish();
  const tz: string | undefined = spec.timeZone ?? undefined;
  if (tz !== undefined && !isKnownTimeZone(tz)) {
    event("Warning", "UnknownTimeZone", `invalid timeZone: "${tz}": unknown time zone ${tz}`);
    return finish();
  }
  if (spec.suspend === true) return finish();
  const sched = parseSchedule(spec.schedule ?? "", tz);
  if (typeof sched === "string") {
    event("Warning", "UnparseableSchedule", `unparseable schedule: "${spec.schedule}" : ${sched}`);
    return finish();
  }
  const r = mostRecent(cj, status, t, sched, true);
  if (r.invalid) {
    event("Warning", "InvalidSchedule", `invalid schedule: ${spec.schedule} : time difference between two schedules is less than 1 second`);
    return finish();
  }
  const scheduled = r.recent;
  if (scheduled === undefined) return finish(untilNext(cj, status, t, sched));
  if (r.missed > 100) {
    event("Warning", "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
  }
  const sds = spec.startingDeadlineSeconds;
  if (typeof sds === "number" && scheduled + sds * 1000 < t) {
    const when = new Date(scheduled).toUTCString().replace("GMT", "+0000");
    event("Warning", "MissSchedule", `Missed scheduled time to start a job: ${when}`);
    return finish(untilNext(cj, status, t, sched));
  }
  const name = jobName(cj, scheduled);
  if (active.some((ref) => ref.name === name) || parseTime(status.lastScheduleTime) === scheduled) {
    return finish(untilNext(cj, status, t, sched));
  }
  // Forbid: the run is skipped, not queued. (Upstream's JobAlreadyActive event is left out: it
  // would repeat on every resync while the Job runs.)
  if (spec.concurrencyPolicy === "Forbid" && active.length > 0) return finish(untilNext(cj, status, t, sched));
  if (spec.concurrencyPolicy === "Replace") {
    for (const ref of [...active]) {
      const job = cache.get(JOBS, ref.namespace, ref.name);
      if (job) deleteJob(job);
      else active = active.filter((r) => r !== ref);
    }
  }
  const existing = cache.get(JOBS, cj.metadata.namespace, name);
  if (!existing) {
    actions.push({ verb: "create", resource: JOBS, namespace: cj.metadata.namespace, object: newJob(cj, scheduled) });
    event("Normal", "SuccessfulCreate", `Created job ${name}`);
  } else if (existing.metadata.ownerReferences?.every((o) => o.uid !== cj.metadata.uid)) {
    // Someone else's Job holds the name: assume they keep the status.
    return finish(untilNext(cj, status, t, sched));
  }
  // The new Job joins status.active on the next pass, once the API has given it a uid.
  status.lastScheduleTime = rfc3339(scheduled);
  return finish(untilNext(cj, status, t, sched));
}

export const cronJobController: Controller = {
  name: "cronjob",
  watches: [
    { resource: CRONJOBS, keys: (o) => [keyOf(o)] },
    { resource: JOBS, keys: ownerKeys("CronJob") },
  ],
  reconcile(key: string, cache: Cache, now: Date): Result {
    const { namespace, name } = splitKey(key);
    const cj = cache.get(CRONJOBS, namespace, name);
    return cj ? sync(cj, cache, now) : { actions: [] };
  },
};
