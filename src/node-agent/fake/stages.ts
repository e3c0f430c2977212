// The fake runtime's behaviour as data, after kwok's Stage objects: each stage says when it applies
// to a pod (selector), how long after which moment it fires (delay), and what it changes (next). A
// generic player (sync.ts) runs them; adding behaviour means adding a row, not another code path.
import type { KubeObject } from "../../api/object";

/** What the fake runtime knows about one pod: the moments its simulated life passed through. */
export interface PodRecord {
  uid: string;
  /** When the node accepted the pod (status.startTime). */
  seenAt: number;
  /** Pod IP from the node's podCIDR; host-network pods use the node's IP instead. */
  ip?: string;
  startedAt?: number;
  finishedAt?: number;
  /** When the node first saw the pod's deletionTimestamp. */
  terminatingSince?: number;
  deleteSent?: boolean;
}

export interface FakeConfig {
  /** How long containers of restartPolicy Never/OnFailure pods run before exiting 0. */
  jobDurationMs: number;
  /** Cap on the simulated shutdown time of a deleted pod (its grace period, at most this). */
  maxGraceMs: number;
}

export interface Stage {
  name: string;
  /** Log word for the transition ("started"), when it deserves a line. */
  event?: string;
  selector(pod: KubeObject, rec: PodRecord): boolean;
  /** The moment the delay counts from. */
  since(rec: PodRecord): number;
  delayMs(pod: KubeObject, rec: PodRecord, cfg: FakeConfig): number;
  next(rec: PodRecord, now: number): PodRecord;
}

export const deleting = (pod: KubeObject): boolean => !!pod.metadata.deletionTimestamp;
export const hostNetwork = (pod: KubeObject): boolean => pod.spec?.hostNetwork === true;
const runsToCompletion = (pod: KubeObject): boolean => (pod.spec?.restartPolicy ?? "Always") !== "Always";

/** The grace period a deleted pod was given (the API server copies it into metadata). */
export function graceMs(pod: KubeObject): number {
  const seconds = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, seconds) * 1000;
}

/** Checked in order; the first stage whose selector matches is the pod's next step. */
export const podStages: Stage[] = [
  {
    name: "pod-delete",
    selector: (pod, r) => deleting(pod) && r.finishedAt !== undefined && !r.deleteSent,
    since: (r) => r.finishedAt!,
    delayMs: () => 0,
    next: (r) => ({ ...r, deleteSent: true }),
  },
  {
    name: "pod-stop",
    event: "stopped",
    selector: (pod, r) => deleting(pod) && r.finishedAt === undefined,
    since: (r) => r.terminatingSince!,
    // Containers that never started have nothing to stop: such a pod goes at once.
    delayMs: (pod, r, cfg) => (r.startedAt === undefined ? 0 : Math.min(graceMs(pod), cfg.maxGraceMs)),
    next: (r, now) => ({ ...r, finishedAt: now }),
  },
  {
    name: "pod-complete",
    event: "completed",
    selector: (pod, r) => !deleting(pod) && runsToCompletion(pod) && r.startedAt !== undefined && r.finishedAt === undefined,
    since: (r) => r.startedAt!,
    delayMs: (_pod, _r, cfg) => cfg.jobDurationMs,
    next: (r, now) => ({ ...r, finishedAt: now }),
  },
  {
    name: "pod-start",
    event: "started",
    selector: (pod, r) => !deleting(pod) && r.startedAt === undefined && (r.ip !== undefined || hostNetwork(pod)),
    since: (r) => r.seenAt,
    delayMs: () => 0,
    next: (r, now) => ({ ...r, startedAt: now }),
  },
];

