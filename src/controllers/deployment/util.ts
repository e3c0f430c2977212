// Deployment spec arithmetic from upstream's deployment_util.go: surge and unavailability
// fenceposts, the new replica set's next size, and the strategy/deadline/history predicates.

import type { KubeObject } from "../../api/object";
import { specReplicas, statusCount } from "./controller-utils";

export const COMPONENT = "deployment-controller";
const MAX_INT32 = 2147483647;

/** Reasons for the Progressing and Available conditions, as upstream words them. */
export const Reason = {
  ReplicaSetUpdated: "ReplicaSetUpdated",
  NewReplicaSetCreated: "NewReplicaSetCreated",
  FoundNewReplicaSet: "FoundNewReplicaSet",
  NewReplicaSetAvailable: "NewReplicaSetAvailable",
  TimedOut: "ProgressDeadlineExceeded",
  Paused: "DeploymentPaused",
  Resumed: "DeploymentResumed",
  MinimumReplicasAvailable: "MinimumReplicasAvailable",
  MinimumReplicasUnavailable: "MinimumReplicasUnavailable",
} as const;

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

export function isRecreate(d: KubeObject): boolean {
  return d.spec?.strategy?.type === "Recreate";
}

/** intstr.GetScaledValueFromIntOrPercent: percents of `total`, rounded up or down. */
export function intOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === "number") return Math.trunc(value);
  if (typeof value !== "string" || !value.endsWith("%")) return 0;
  const pct = Number(value.slice(0, -1));
  if (!Number.isInteger(pct)) return 0;
  const scaled = (pct * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: surge rounds up, unavailability down; if both come to zero, allow one
 * unavailable pod so the rollout can move at all. Unset values are the API defaults (25%).
 */
export function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const desired = specReplicas(d);
  const surge = intOrPercent(ru.maxSurge ?? "25%", desired, true);
  let unavailable = intOrPercent(ru.maxUnavailable ?? "25%", desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

export function maxUnavailable(d: KubeObject): number {
  const desired = specReplicas(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  return Math.min(fenceposts(d).unavailable, desired);
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return typeof s === "number" && s !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: KubeObject): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return typeof l === "number" && l !== MAX_INT32;
}

export function sumSpec(list: (KubeObject | undefined)[]): number {
  return list.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

export function sumStatus(list: (KubeObject | undefined)[], field: "replicas" | "readyReplicas" | "availableReplicas"): number {
  return list.reduce((n, rs) => n + statusCount(rs, field), 0);
}

/**
 * NewRSNewReplicas: Recreate jumps straight to the desired size; RollingUpdate grows the new
 * replica set only as far as the surge allows, and never past the desired size.
 */
export function newRSNewReplicas(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject): number {
  if (!isRollingUpdate(d)) return specReplicas(d);
  const desired = specReplicas(d);
  const maxTotal = desired + intOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge ?? "25%", desired, true);
  const current = sumSpec(allRSs);
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, desired - specReplicas(newRS));
}

/** DeploymentComplete: every desired replica updated and available, nothing old left, spec observed. */
export function deploymentComplete(d: KubeObject, status: Record<string, any>): boolean {
  const want = specReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === want &&
    (status.replicas ?? 0) === want &&
    (status.availableReplicas ?? 0) === want &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}
