// Job conditions as upstream 1.32 writes them (an interim SuccessCriteriaMet or FailureTarget
// first, the terminal Complete or Failed once no pod is left to count), and the TTL after finish.
import type { KubeObject } from "../../api/object";
import type { Result } from "../types";
import { parseTime, rfc3339, type Obj } from "./shared";

/** Why the Job is ending; the interim and the terminal condition carry the same reason. */
export interface Finish {
  success: boolean;
  reason: string;
  message: string;
}

export const interimType = (f: Finish) => (f.success ? "SuccessCriteriaMet" : "FailureTarget");
export const terminalType = (f: Finish) => (f.success ? "Complete" : "Failed");

export const completionsReached: Finish = {
  success: true,
  reason: "CompletionsReached",
  message: "Reached expected number of succeeded pods",
};

export function failure(reason: string, message: string): Finish {
  return { success: false, reason, message };
}

function findTrue(status: Obj, type: string): Obj | undefined {
  return (status.conditions ?? []).find((c: Obj) => c?.type === type && c.status === "True");
}

/** A decision taken in an earlier sync and recorded as an interim condition. */
export function recordedFinish(status: Obj): Finish | undefined {
  const success = findTrue(status, "SuccessCriteriaMet");
  if (success) return { success: true, reason: success.reason ?? "", message: success.message ?? "" };
  const target = findTrue(status, "FailureTarget");
  return target ? failure(target.reason ?? "", target.message ?? "") : undefined;
}

export function isFinished(job: KubeObject): boolean {
  const status = job.status ?? {};
  return !!(findTrue(status, "Complete") ?? findTrue(status, "Failed"));
}

export function newCondition(type: string, status: string, reason: string, message: string, now: number): Obj {
  const t = rfc3339(now);
  return { type, status, lastProbeTime: t, lastTransitionTime: t, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/**
 * ensureJobConditionStatus: sets a condition, replacing one of the same type whose status, reason
 * or message differ; never adds a False one. Returns whether anything changed.
 */
export function ensureCondition(status: Obj, type: string, value: string, reason: string, message: string, now: number): boolean {
  const list: Obj[] = (status.conditions ??= []);
  const i = list.findIndex((c) => c?.type === type);
  if (i >= 0) {
    const c = list[i]!;
    if (c.status === value && (c.reason ?? "") === reason && (c.message ?? "") === message) return false;
    list[i] = newCondition(type, value, reason, message, now);
    return true;
  }
  if (value === "False") return false;
  list.push(newCondition(type, value, reason, message, now));
  return true;
}

/** When the Job finished: the terminal condition's transition time. */
function finishedAt(job: KubeObject): number | undefined {
  const status = job.status ?? {};
  const c = findTrue(status, "Complete") ?? findTrue(status, "Failed");
  return parseTime(c?.lastTransitionTime);
}

/**
 * ttlSecondsAfterFinished (upstream's ttlafterfinished controller): delete a finished Job once
 * its TTL has passed, guarded by its uid; until then come back when it expires.
 */
export function ttlAfterFinished(job: KubeObject, now: number): Result {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  const end = finishedAt(job);
  if (typeof ttl !== "number" || end === undefined || job.metadata.deletionTimestamp) return { actions: [] };
  const expires = end + ttl * 1000;
  if (now < expires) return { actions: [], requeueAfter: expires - now };
  return {
    actions: [
      {
        verb: "delete",
        resource: "jobs.batch",
        namespace: job.metadata.namespace,
        name: job.metadata.name!,
        preconditions: { uid: job.metadata.uid },
        propagationPolicy: "Background",
      },
    ],
  };
}

/** Milliseconds of activeDeadlineSeconds left, counted from startTime; undefined when none applies. */
export function deadlineLeft(job: KubeObject, startTime: unknown, now: number): number | undefined {
  const ads = job.spec?.activeDeadlineSeconds;
  const start = parseTime(startTime);
  if (typeof ads !== "number" || start === undefined || job.spec?.suspend === true) return undefined;
  return start + ads * 1000 - now;
}
