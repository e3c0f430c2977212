// One RollingUpdate step (rolling.go): grow the new replica set within maxSurge; otherwise shrink
// old ones, first their unhealthy replicas, then healthy ones, never below maxUnavailable.

import type { KubeObject } from "../../api/object";
import { activeReplicaSets, byCreation, specReplicas, statusCount } from "./controller-utils";
import type { Plan } from "./plan";
import { maxUnavailable, newRSNewReplicas, sumSpec, sumStatus } from "./util";

/** Returns whether any replica set was resized. */
export function rollingStep(plan: Plan, newRS: KubeObject, oldRSs: KubeObject[]): boolean {
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(plan, all, newRS)) return true;
  return reconcileOldReplicaSets(plan, all, activeReplicaSets(oldRSs), newRS);
}

function reconcileNewReplicaSet(plan: Plan, all: KubeObject[], newRS: KubeObject): boolean {
  const want = specReplicas(plan.d);
  if (specReplicas(newRS) === want) return false;
  if (specReplicas(newRS) > want) return plan.scaleTo(newRS, want);
  return plan.scaleTo(newRS, newRSNewReplicas(plan.d, all, newRS));
}

/**
 * How far old sets may shrink: everything above the minimum available, less the new set's pods that
 * are not available yet — so new pods that never come up cannot eat the old, healthy ones.
 */
function reconcileOldReplicaSets(plan: Plan, all: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (sumSpec(oldRSs) === 0) return false;
  const minAvailable = specReplicas(plan.d) - maxUnavailable(plan.d);
  const newUnavailable = specReplicas(newRS) - statusCount(newRS, "availableReplicas");
  const maxScaledDown = sumSpec(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(plan, oldRSs, maxScaledDown);
  if (cleaned === undefined) return false;
  return cleaned + scaleDownOldReplicaSets(plan, [...oldRSs, newRS], oldRSs) > 0;
}

/** Unhealthy replicas go first: removing them costs no availability. Undefined on a nonsensical count. */
function cleanupUnhealthyReplicas(plan: Plan, oldRSs: KubeObject[], maxCleanup: number): number | undefined {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const replicas = specReplicas(rs);
    const available = statusCount(rs, "availableReplicas");
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanup - total, replicas - available);
    // More available than wanted means a stale status; upstream gives up on this pass.
    if (count < 0) return undefined;
    plan.scaleTo(rs, replicas - count);
    total += count;
  }
  return total;
}

/** Healthy replicas go, oldest set first, only while more than minAvailable are available. */
function scaleDownOldReplicaSets(plan: Plan, all: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = specReplicas(plan.d) - maxUnavailable(plan.d);
  const available = sumStatus(all, "availableReplicas");
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= budget) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), budget - total);
    plan.scaleTo(rs, specReplicas(rs) - count);
    total += count;
  }
  return total;
}
