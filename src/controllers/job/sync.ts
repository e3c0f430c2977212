// syncJob for an unfinished Job: count, decide whether it is ending (backoff limit, deadline,
// completions), manage its pods, track finished ones, and write status only when it changed.
import type { KubeObject } from "../../api/object";
import { eventAction, type Action, type Cache, type Result } from "../types";
import { completionIndex, parseIndexes } from "./indexes";
import { COMPONENT, deletePod, manageJob } from "./manage";
import { hasTrackingFinalizer, isPodFailed, pastBackoffLimitOnFailure } from "./pods";
import { canonicalJSON, controlled, isActive, isPodReady, isTerminal, phase, rfc3339, type Obj } from "./shared";
import {
  completionsReached, deadlineLeft, ensureCondition, failure, interimType, newCondition, recordedFinish, terminalType,
  type Finish,
} from "./status";
import { storedUncounted, trackFinishedPods, uncountedEmpty } from "./track";

export function syncJob(job: KubeObject, cache: Cache, now: Date): Result {
  const t = now.getTime();
  const spec = job.spec ?? {};
  const status: Obj = structuredClone(job.status ?? {});
  const pods = controlled(cache, "pods", job);
  const stored = storedUncounted(job);
  const completions: number | undefined = typeof spec.completions === "number" ? spec.completions : undefined;
  const indexed = spec.completionMode === "Indexed" && completions !== undefined;
  const valid = (p: KubeObject) => !indexed || completionIndex(p, completions!) !== undefined;

  // Finished pods not yet in the stored status, plus those recorded but not yet counted.
  const fresh = (p: KubeObject, seen: Set<string>) => hasTrackingFinalizer(p) && !seen.has(p.metadata.uid!) && valid(p);
  const newSucceeded = pods.filter((p) => fresh(p, stored.succeeded) && phase(p) === "Succeeded").length;
  const newFailed = pods.filter((p) => fresh(p, stored.failed) && isPodFailed(p, job)).length;
  let succeeded = (status.succeeded ?? 0) + newSucceeded + stored.succeeded.size;
  const failed = (status.failed ?? 0) + newFailed + stored.failed.size;

  if (!status.startTime && spec.suspend !== true) status.startTime = rfc3339(t);
  let requeueAfter: number | undefined;
  let finish: Finish | undefined = recordedFinish(status);
  if (!finish) {
    const left = deadlineLeft(job, status.startTime, t);
    if (failed > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
      finish = failure("BackoffLimitExceeded", "Job has reached the specified backoff limit");
    } else if (left !== undefined && left <= 0) {
      finish = failure("DeadlineExceeded", "Job was active longer than specified deadline");
    } else if (left !== undefined) {
      requeueAfter = left;
    }
  }

  let prevIndexes: Set<number> | undefined;
  let succeededIndexes: Set<number> | undefined;
  if (indexed) {
    prevIndexes = parseIndexes(status.completedIndexes, completions!);
    succeededIndexes = new Set(prevIndexes);
    for (const p of pods) {
      const ix = completionIndex(p, completions!);
      if (phase(p) === "Succeeded" && hasTrackingFinalizer(p) && ix !== undefined) succeededIndexes.add(ix);
    }
    succeeded = succeededIndexes.size;
  }

  const active = pods.filter(isActive);
  let activeCount = active.length;
  let ready = active.filter(isPodReady).length;
  let terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length;
  const actions: Action[] = [];
  const events: Action[] = [];
  if (finish) {
    // Ending: delete what still runs, keeping finalizers so those pods are counted as failed.
    for (const p of active) actions.push(...deletePod(job, p, now, true));
    terminating += activeCount;
    activeCount = 0;
    ready = 0;
  } else {
    let managed = false;
    if (!job.metadata.deletionTimestamp) {
      const m = manageJob({
        job, now, pods, active, succeeded, terminating, completions: indexed ? completions : undefined, succeededIndexes,
        taken: (n) => cache.get("pods", job.metadata.namespace, n) !== undefined,
      });
      actions.push(...m.actions);
      activeCount = m.active;
      ready -= m.removedReady;
      terminating += m.removed;
      if (m.requeueAfter !== undefined) requeueAfter = Math.min(requeueAfter ?? Infinity, m.requeueAfter);
      managed = true;
    }
    const complete = completions === undefined ? succeeded > 0 && activeCount === 0 : succeeded >= completions && activeCount === 0;
    if (complete) finish = completionsReached;
    else if (managed) events.push(...suspendCondition(job, status, now));
  }
  status.active = activeCount;
  status.ready = ready;
  status.terminating = terminating;

  const patches = trackFinishedPods({ job, status, pods, stored, finish, completions, prevIndexes, succeededIndexes });
  if (finish) events.push(...recordFinish(job, status, finish, now));
  // Go omits these counters at zero (ready and terminating are pointers, so they stay).
  for (const k of ["active", "succeeded", "failed"]) if (status[k] === 0) delete status[k];
  if (status.completedIndexes === "") delete status.completedIndexes;
  if (canonicalJSON(status) !== canonicalJSON(job.status ?? {})) {
    actions.push({ verb: "update", resource: "jobs.batch", subresource: "status", object: { ...structuredClone(job), status } });
  }
  return { actions: [...actions, ...patches, ...events], requeueAfter };
}

/** The Suspended condition follows spec.suspend; resuming restarts the deadline clock. */
function suspendCondition(job: KubeObject, status: Obj, now: Date): Action[] {
  const t = now.getTime();
  if (job.spec?.suspend === true) {
    const changed = ensureCondition(status, "Suspended", "True", "JobSuspended", "Job suspended", t);
    return changed ? [eventAction(job, "Normal", "Suspended", "Job suspended", COMPONENT, now)] : [];
  }
  if (!ensureCondition(status, "Suspended", "False", "JobResumed", "Job resumed", t)) return [];
  status.startTime = rfc3339(t);
  return [eventAction(job, "Normal", "Resumed", "Job resumed", COMPONENT, now)];
}

/**
 * Adds the interim condition, and the terminal one once every finished pod is counted and none is
 * still terminating (enactJobFinished). Returns the events of a Job that has just finished.
 */
function recordFinish(job: KubeObject, status: Obj, finish: Finish, now: Date): Action[] {
  const t = now.getTime();
  const conditions: Obj[] = (status.conditions ??= []);
  const interim = interimType(finish);
  if (!conditions.some((c) => c?.type === interim && c.status === "True")) {
    conditions.push(newCondition(interim, "True", finish.reason, finish.message, t));
  }
  if (!uncountedEmpty(status) || status.terminating > 0) return [];
  ensureCondition(status, terminalType(finish), "True", finish.reason, finish.message, t);
  if (!finish.success) return [eventAction(job, "Warning", finish.reason, finish.message, COMPONENT, now)];
  status.completionTime = rfc3339(t);
  const out: Action[] = [];
  if (typeof job.spec?.completions === "number" && status.succeeded > job.spec.completions) {
    out.push(eventAction(job, "Warning", "TooManySucceededPods", "Too many succeeded pods running after completion count reached", COMPONENT, now));
  }
  out.push(eventAction(job, "Normal", "Completed", "Job completed", COMPONENT, now));
  return out;
}
