// The Job's pods: how they are built from the template, which count as failed, which go first
// when there are too many, and how long a failure delays the next creation.
import type { KubeObject } from "../../api/object";
import { COMPLETION_INDEX, addIndexEnv, completionIndex } from "./indexes";
import { isPodReady, isTerminal, newControllerRef, parseTime, phase, type Obj } from "./shared";

export const TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";

export function hasTrackingFinalizer(pod: KubeObject): boolean {
  return pod.metadata.finalizers?.includes(TRACKING_FINALIZER) ?? false;
}

/** Terminating pods are replaced only when they finish, with a pod failure policy or "Failed". */
export function onlyReplaceFailedPods(job: KubeObject): boolean {
  return job.spec?.podReplacementPolicy === "Failed" || !!job.spec?.podFailurePolicy;
}

/** Failed, or deleted before it could finish (an evicted or orphaned pod never reaches Failed). */
export function isPodFailed(pod: KubeObject, job: KubeObject): boolean {
  if (phase(pod) === "Failed") return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata.deletionTimestamp && phase(pod) !== "Succeeded";
}

/** A pod from the template: labels, annotations, the tracking finalizer and the controller ref. */
export function newJobPod(job: KubeObject, name: string, prefix: string, index?: number): KubeObject {
  const template: Obj = structuredClone(job.spec?.template ?? {});
  const meta: Obj = template.metadata ?? {};
  const spec: Obj = template.spec ?? {};
  const labels: Record<string, string> = { ...(meta.labels ?? {}) };
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  if (index !== undefined) {
    annotations[COMPLETION_INDEX] = String(index);
    labels[COMPLETION_INDEX] = String(index);
    spec.hostname = `${job.metadata.name}-${index}`;
    addIndexEnv(spec);
  }
  const finalizers: string[] = [...(meta.finalizers ?? [])];
  if (!finalizers.includes(TRACKING_FINALIZER)) finalizers.push(TRACKING_FINALIZER);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      generateName: prefix,
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      finalizers,
      ownerReferences: [newControllerRef(job, "batch/v1", "Job")],
    },
    spec,
  };
}

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** controller.ActivePods order, shortened: unscheduled, earlier phase, not ready, newer first. */
function removalOrder(a: KubeObject, b: KubeObject): number {
  const assigned = (p: KubeObject) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const ra = phaseRank[phase(a)] ?? 1;
  const rb = phaseRank[phase(b)] ?? 1;
  if (ra !== rb) return ra - rb;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  return (parseTime(b.metadata.creationTimestamp) ?? 0) - (parseTime(a.metadata.creationTimestamp) ?? 0);
}

/** Pods to remove: for Indexed Jobs first repeated or invalid indexes, then the least advanced. */
export function podsForRemoval(active: KubeObject[], atLeast: number, completions?: number): KubeObject[] {
  const rm: KubeObject[] = [];
  let left = active;
  if (completions !== undefined) {
    const seen = new Set<number>();
    left = [];
    for (const p of [...active].sort((a, b) => -removalOrder(a, b))) {
      const ix = completionIndex(p, completions);
      if (ix === undefined || seen.has(ix)) {
        rm.push(p);
      } else {
        seen.add(ix);
        left.push(p);
      }
    }
  }
  if (rm.length < atLeast) rm.push(...[...left].sort(removalOrder).slice(0, atLeast - rm.length));
  return rm;
}

/** When a finished pod finished: its Ready=False transition, its containers, else its deletion. */
export function finishTime(pod: KubeObject): number {
  const ready = (pod.status?.conditions ?? []).find((c: Obj) => c?.type === "Ready");
  if (isTerminal(pod) && ready?.status === "False" && parseTime(ready.lastTransitionTime) !== undefined) {
    return parseTime(ready.lastTransitionTime)!;
  }
  const ends = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
    .map((s: Obj) => parseTime(s?.state?.terminated?.finishedAt))
    .filter((t): t is number => t !== undefined);
  if (ends.length) return Math.max(...ends);
  return parseTime(pod.metadata.deletionTimestamp) ?? parseTime(pod.metadata.creationTimestamp) ?? 0;
}

const BACKOFF_BASE = 10_000;
const BACKOFF_MAX = 600_000;

/**
 * Milliseconds before the next pod may be created: 10 s doubling per failure since the last
 * success, up to 10 min, from the last failure. Upstream keeps this record in memory; the
 * finished pods themselves carry the same facts.
 */
export function backoffRemaining(job: KubeObject, pods: KubeObject[], now: number): number {
  const lastSuccess = Math.max(-Infinity, ...pods.filter((p) => phase(p) === "Succeeded").map(finishTime));
  // Pods removed by the controller itself (scale-down, suspend) lose the finalizer first: not failures.
  const failed = pods.filter((p) => phase(p) === "Failed" || (hasTrackingFinalizer(p) && isPodFailed(p, job)));
  const failures = failed.map(finishTime).filter((t) => t > lastSuccess);
  if (failures.length === 0) return 0;
  const delay = Math.min(BACKOFF_BASE * 2 ** (failures.length - 1), BACKOFF_MAX);
  return Math.max(0, Math.max(...failures) + delay - now);
}

/** restartPolicy OnFailure: container restarts of running pods count against backoffLimit. */
export function pastBackoffLimitOnFailure(job: KubeObject, pods: KubeObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of pods) {
    if (phase(p) !== "Running" && phase(p) !== "Pending") continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s?.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
