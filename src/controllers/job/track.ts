// Exact counting with the `batch.kubernetes.io/job-tracking` finalizer, as upstream 1.32: a
// finished pod's uid is first written to status.uncountedTerminatedPods (or, for Indexed Jobs,
// its index to completedIndexes); only once that write is stored is its finalizer removed; a
// recorded pod that has lost its finalizer (or vanished) then moves into succeeded/failed.
// Upstream chains the three steps inside one sync; here each is a separate pass over the cache,
// because a write that loses a race must never be followed by a finalizer removal.
import type { KubeObject } from "../../api/object";
import type { Action } from "../types";
import { completionIndex, formatIndexes } from "./indexes";
import { hasTrackingFinalizer, isPodFailed, TRACKING_FINALIZER } from "./pods";
import { phase, removeFinalizerPatch, type Obj } from "./shared";
import type { Finish } from "./status";

/** Upstream keeps status.uncountedTerminatedPods under about 20 KB. */
const MAX_UNCOUNTED = 500;

export interface Uncounted {
  succeeded: Set<string>;
  failed: Set<string>;
}

export function storedUncounted(job: KubeObject): Uncounted {
  const u = job.status?.uncountedTerminatedPods ?? {};
  return { succeeded: new Set(u.succeeded ?? []), failed: new Set(u.failed ?? []) };
}

export interface TrackInput {
  job: KubeObject;
  /** The status being built; counters, uncounted lists and completedIndexes are updated in place. */
  status: Obj;
  pods: KubeObject[];
  stored: Uncounted;
  finish?: Finish;
  /** Indexed Jobs: completions, indexes in the stored status, and all succeeded so far. */
  completions?: number;
  prevIndexes?: Set<number>;
  succeededIndexes?: Set<number>;
}

/** Updates `status` and returns the finalizer removals that are safe now. */
export function trackFinishedPods(t: TrackInput): Action[] {
  const { job, status, stored, finish } = t;
  const indexed = t.succeededIndexes !== undefined;
  const withFinalizer = new Set(t.pods.filter(hasTrackingFinalizer).map((p) => p.metadata.uid!));

  // Recorded pods whose finalizer is gone are counted for good.
  const succeeded = [...stored.succeeded].filter((u) => withFinalizer.has(u));
  const failed = [...stored.failed].filter((u) => withFinalizer.has(u));
  status.succeeded = (status.succeeded ?? 0) + stored.succeeded.size - succeeded.length;
  status.failed = (status.failed ?? 0) + stored.failed.size - failed.length;

  const patches: Action[] = [];
  const jobEnding = !!job.metadata.deletionTimestamp || !!finish;
  const pods = indexed ? [...t.pods].sort((a, b) => indexOf(a, t) - indexOf(b, t)) : t.pods;
  let newIndexes = 0;
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata.uid!;
    const podFailed = isPodFailed(pod, job);
    // canRemoveFinalizer: the pod is done, or the whole Job is.
    if (!(jobEnding || phase(pod) === "Succeeded" || podFailed)) continue;
    let recorded = true;
    if (phase(pod) === "Succeeded" && !stored.failed.has(uid)) {
      if (indexed) {
        const ix = completionIndex(pod, t.completions!);
        recorded = ix === undefined || t.prevIndexes!.has(ix);
        if (!recorded) newIndexes++;
      } else if (!stored.succeeded.has(uid)) {
        recorded = false;
        succeeded.push(uid);
      }
    } else if (podFailed || (finish && !finish.success)) {
      // When the Job fails, every pod still running counts as failed.
      const valid = !indexed || completionIndex(pod, t.completions!) !== undefined;
      if (valid && !stored.failed.has(uid)) {
        recorded = false;
        failed.push(uid);
      }
    }
    if (recorded) {
      patches.push({
        verb: "patch",
        resource: "pods",
        namespace: pod.metadata.namespace,
        name: pod.metadata.name!,
        patchType: "strategic",
        patch: removeFinalizerPatch(TRACKING_FINALIZER),
      });
    }
    if (newIndexes + succeeded.length + failed.length >= MAX_UNCOUNTED) break;
  }
  status.uncountedTerminatedPods = {
    ...(succeeded.length ? { succeeded } : {}),
    ...(failed.length ? { failed } : {}),
  };
  if (indexed) {
    status.completedIndexes = formatIndexes(t.succeededIndexes!);
    status.succeeded = t.succeededIndexes!.size;
  }
  return patches;
}

function indexOf(pod: KubeObject, t: TrackInput): number {
  return completionIndex(pod, t.completions!) ?? Number.MAX_SAFE_INTEGER;
}

export function uncountedEmpty(status: Obj): boolean {
  const u = status.uncountedTerminatedPods ?? {};
  return !(u.succeeded?.length || u.failed?.length);
}
