// Pod predicates the workload controllers share (pkg/api/v1/pod and controller_utils.go): ready,
// available after minReadySeconds, active, and the order in which surplus pods are deleted.

import type { KubeObject } from "../../api/object";

function readyCondition(pod: KubeObject): { status?: string; lastTransitionTime?: string } | undefined {
  const conditions: unknown = pod.status?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find((c) => c?.type === "Ready");
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === "True";
}

/** When the pod last became Ready (ms since epoch), or 0 when unknown. */
export function podReadyTime(pod: KubeObject): number {
  if (!isPodReady(pod)) return 0;
  const t = Date.parse(readyCondition(pod)?.lastTransitionTime ?? "");
  return Number.isNaN(t) ? 0 : t;
}

/** Ready, and (with minReadySeconds) Ready for strictly longer than that. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: Date): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadyTime(pod);
  return since > 0 && since + minReadySeconds * 1000 < now.getTime();
}

/** How long until a ready pod turns available, so the caller can requeue for it (undefined: never/already). */
export function untilAvailable(pod: KubeObject, minReadySeconds: number, now: Date): number | undefined {
  if (minReadySeconds <= 0 || !isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) return undefined;
  const since = podReadyTime(pod);
  // Timestamps have second precision and "available" is strict, so wake a second after the edge.
  return since > 0 ? Math.max(0, since + minReadySeconds * 1000 - now.getTime()) + 1000 : undefined;
}

/** IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const ordinal = (pod: KubeObject) => phaseOrdinal[pod.status?.phase ?? ""] ?? 0;

function deletionCost(pod: KubeObject): number {
  const raw = pod.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"];
  const n = raw === undefined ? 0 : Number(raw);
  return Number.isInteger(n) ? n : 0;
}

function maxRestarts(pod: KubeObject): number {
  const statuses: unknown = pod.status?.containerStatuses;
  if (!Array.isArray(statuses)) return 0;
  return statuses.reduce((m: number, s) => Math.max(m, typeof s?.restartCount === "number" ? s.restartCount : 0), 0);
}

/** Newer first; a zero time first of all (afterOrZero). */
function newerFirst(t1: number, t2: number): number {
  if (t1 === 0 || t2 === 0) return t1 === 0 ? -1 : 1;
  return t1 > t2 ? -1 : 1;
}

/** Ages within the same power of two compare equal, so equivalent pods go in uid (pseudo-random) order. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6; // nanoseconds, as Go's time.Duration
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

function byTime(a: KubeObject, b: KubeObject, ta: number, tb: number, now: number): number {
  if (ta === 0 || tb === 0) return newerFirst(ta, tb);
  const diff = logRank(ta, now) - logRank(tb, now);
  if (diff !== 0) return diff;
  const ua = a.metadata.uid ?? "";
  const ub = b.metadata.uid ?? "";
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * ActivePodsWithRanks.Less (LogarithmicScaleDown and PodDeletionCost on, as in 1.32): unscheduled,
 * then pending/unknown, then not ready, then cheaper, then doubled up on a node, then more
 * recently ready, then more restarts, then newer — pods earlier in the order are deleted first.
 */
export function deletionOrder(rank: Map<KubeObject, number>, now: Date): (a: KubeObject, b: KubeObject) => number {
  const t = now.getTime();
  return (a, b) => {
    const na = a.spec?.nodeName ?? "";
    const nb = b.spec?.nodeName ?? "";
    if (na !== nb && (na === "" || nb === "")) return na === "" ? -1 : 1;
    if (ordinal(a) !== ordinal(b)) return ordinal(a) - ordinal(b);
    if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
    if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) - deletionCost(b);
    const ra = rank.get(a) ?? 0;
    const rb = rank.get(b) ?? 0;
    if (ra !== rb) return rb - ra;
    if (isPodReady(a) && isPodReady(b) && podReadyTime(a) !== podReadyTime(b)) {
      return byTime(a, b, podReadyTime(a), podReadyTime(b), t);
    }
    if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
    const ca = Date.parse(a.metadata.creationTimestamp ?? "") || 0;
    const cb = Date.parse(b.metadata.creationTimestamp ?? "") || 0;
    return ca !== cb ? byTime(a, b, ca, cb, t) : 0;
  };
}

/** getPodsToDelete: rank each pod by how many active related pods share its node, then take the first `diff`. */
export function podsToDelete(pods: KubeObject[], related: KubeObject[], diff: number, now: Date): KubeObject[] {
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? "", (onNode.get(p.spec?.nodeName ?? "") ?? 0) + 1);
  const rank = new Map(pods.map((p) => [p, onNode.get(p.spec?.nodeName ?? "") ?? 0]));
  return [...pods].sort(deletionOrder(rank, now)).slice(0, diff);
}
