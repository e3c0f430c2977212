// Deployment status (sync.go's calculateStatus, progress.go's syncRolloutStatus, checkPausedConditions):
// counts summed from the replica sets' own status, the Available condition, and the Progressing
// condition that `kubectl rollout status` watches — including the progress deadline.

import type { KubeObject } from "../../api/object";
import { specReplicas } from "./controller-utils";
import { getCondition, newCondition, removeCondition, setCondition, type DeploymentStatus } from "./conditions";
import type { Plan } from "./plan";
import { deploymentComplete, hasProgressDeadline, maxUnavailable, Reason, sumSpec, sumStatus } from "./util";

const counts = ["observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"];

/** As Go prints the status: zero counts omitted (omitempty); collisionCount, a pointer, only when set. */
function compact(status: DeploymentStatus): DeploymentStatus {
  for (const k of counts) if (!status[k]) delete status[k];
  if (status.collisionCount === undefined) delete status.collisionCount;
  if (status.conditions?.length === 0) delete status.conditions;
  return status;
}

export function calculateStatus(plan: Plan, all: KubeObject[], newRS: KubeObject | undefined): DeploymentStatus {
  const d = plan.d;
  const available = sumStatus(all, "availableReplicas");
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: sumStatus(all, "replicas"),
    updatedReplicas: sumStatus([newRS], "replicas"),
    readyReplicas: sumStatus(all, "readyReplicas"),
    availableReplicas: available,
    // Negative when scaling down with more available than wanted: that is no shortfall.
    unavailableReplicas: Math.max(0, sumSpec(all) - available),
    collisionCount: plan.status.collisionCount,
    conditions: structuredClone(plan.status.conditions ?? []),
  };
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition("Available", "True", Reason.MinimumReplicasAvailable, "Deployment has minimum availability.", plan.now));
  } else {
    setCondition(status, newCondition("Available", "False", Reason.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", plan.now));
  }
  return compact(status);
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than last recorded. */
function progressed(old: DeploymentStatus, next: DeploymentStatus): boolean {
  const n = (s: DeploymentStatus, k: keyof DeploymentStatus) => (typeof s[k] === "number" ? (s[k] as number) : 0);
  const oldOld = n(old, "replicas") - n(old, "updatedReplicas");
  const newOld = n(next, "replicas") - n(next, "updatedReplicas");
  return (
    n(next, "updatedReplicas") > n(old, "updatedReplicas") ||
    newOld < oldOld ||
    n(next, "readyReplicas") > n(old, "readyReplicas") ||
    n(next, "availableReplicas") > n(old, "availableReplicas")
  );
}

function lastUpdate(status: DeploymentStatus): number {
  return Date.parse(getCondition(status, "Progressing")?.lastUpdateTime ?? "") || 0;
}

/** DeploymentTimedOut: no progress recorded for longer than progressDeadlineSeconds. */
function timedOut(d: KubeObject, status: DeploymentStatus, now: Date): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, "Progressing");
  if (!cond || cond.reason === Reason.NewReplicaSetAvailable) return false;
  if (cond.reason === Reason.TimedOut) return true;
  return lastUpdate(status) + d.spec.progressDeadlineSeconds * 1000 < now.getTime();
}

/** syncRolloutStatus: the status plus, while a rollout is under way, how it is progressing. */
export function rolloutStatus(plan: Plan, all: KubeObject[], newRS: KubeObject | undefined): DeploymentStatus {
  const d = plan.d;
  const status = calculateStatus(plan, all, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const current = getCondition(plan.status, "Progressing");
  const settled = status.replicas === status.updatedReplicas && current?.reason === Reason.NewReplicaSetAvailable;
  if (hasProgressDeadline(d) && !settled) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition("Progressing", "True", Reason.NewReplicaSetAvailable, `${subject} has successfully progressed.`, plan.now));
    } else if (progressed(plan.original.status ?? {}, status)) {
      // Progress refreshes lastUpdateTime even under the same reason: the deadline counts from it.
      const cond = newCondition("Progressing", "True", Reason.ReplicaSetUpdated, `${subject} is progressing.`, plan.now);
      if (current?.status === "True") cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(status, "Progressing");
      setCondition(status, cond);
    } else if (timedOut(d, status, plan.now)) {
      setCondition(status, newCondition("Progressing", "False", Reason.TimedOut, `${subject} has timed out progressing.`, plan.now));
    }
  }
  return compact(status);
}

/**
 * requeueStuckDeployment: a rollout that is neither done nor failed is looked at again when its
 * deadline passes (plus a second of slack for clock granularity), so the timeout is reported.
 * Unlike upstream, not after a completed rollout (NewReplicaSetAvailable): no deadline applies
 * then, and upstream's requeue for a long-past condition spins until pods come up.
 */
export function deadlineRequeue(d: KubeObject, status: DeploymentStatus, now: Date): number | undefined {
  const cond = getCondition(status, "Progressing");
  if (!hasProgressDeadline(d) || !cond || cond.reason === Reason.NewReplicaSetAvailable) return undefined;
  if (deploymentComplete(d, status) || cond.reason === Reason.TimedOut) return undefined;
  return Math.max(0, lastUpdate(status) + d.spec.progressDeadlineSeconds * 1000 - now.getTime()) + 1000;
}

/**
 * checkPausedConditions: pausing and resuming are recorded as Progressing=Unknown, so time spent
 * paused never counts against the deadline. A reported timeout is left as it is.
 */
export function pausedConditions(plan: Plan): void {
  if (!hasProgressDeadline(plan.d)) return;
  const cond = getCondition(plan.status, "Progressing");
  if (cond?.reason === Reason.TimedOut) return;
  const pausedRecorded = cond?.reason === Reason.Paused;
  if (plan.d.spec?.paused && !pausedRecorded) {
    setCondition(plan.status, newCondition("Progressing", "Unknown", Reason.Paused, "Deployment is paused", plan.now));
  } else if (!plan.d.spec?.paused && pausedRecorded) {
    setCondition(plan.status, newCondition("Progressing", "Unknown", Reason.Resumed, "Deployment is resumed", plan.now));
  }
}
