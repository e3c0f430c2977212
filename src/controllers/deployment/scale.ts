// Scaling that is not a rollout step (sync.go's scale, isScalingEvent, cleanupDeployment): a changed
// spec.replicas is spread over the active replica sets in proportion to their sizes, so a scale in
// the middle of a rollout neither speeds it up nor makes it less available.

import type { KubeObject } from "../../api/object";
import { activeReplicaSets, byCreation, specReplicas, statusCount } from "./controller-utils";
import type { Plan } from "./plan";
import { Annotation, byRevision, intAnnotation } from "./revision";
import { hasRevisionHistoryLimit, isRollingUpdate, maxSurge, sumSpec } from "./util";

/** Some active replica set was sized for a different spec.replicas than the deployment's now. */
export function isScalingEvent(d: KubeObject, all: (KubeObject | undefined)[]): boolean {
  return activeReplicaSets(all).some((rs) => {
    const desired = intAnnotation(rs, Annotation.desiredReplicas);
    return desired !== undefined && desired !== specReplicas(d);
  });
}

/** FindActiveOrLatest: the one active set, or the newest when none is active; undefined if several are. */
function activeOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** IsSaturated: the new set alone holds, and was sized for, every desired replica, all available. */
function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const want = specReplicas(d);
  return specReplicas(rs) === want && intAnnotation(rs, Annotation.desiredReplicas) === want && statusCount(rs, "availableReplicas") === want;
}

export function scale(plan: Plan, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const d = plan.d;
  const single = activeOrLatest(newRS, oldRSs);
  if (single) {
    if (specReplicas(single) !== specReplicas(d)) plan.scaleTo(single, specReplicas(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) plan.scaleTo(old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;

  const active = activeReplicaSets([...oldRSs, newRS]);
  const allowed = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumSpec(active);
  // Larger sets first; on equal sizes newer ones grow first and older ones shrink first.
  let operation = "";
  if (toAdd > 0) {
    active.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(b, a));
    operation = "up";
  } else if (toAdd < 0) {
    active.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(a, b));
    operation = "down";
  }
  let added = 0;
  const sizes = new Map<KubeObject, number>();
  for (const rs of active) {
    const p = toAdd !== 0 ? proportion(rs, d, toAdd, added) : 0;
    sizes.set(rs, specReplicas(rs) + p);
    added += p;
  }
  active.forEach((rs, i) => {
    // Rounding leftovers go to the largest set.
    let size = sizes.get(rs)!;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    plan.scale(rs, size, operation);
  });
}

/** GetProportion: this set's share of the change, never past what is left to hand out. */
function proportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const allowed = toAdd - added;
  const fraction = setFraction(rs, d);
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function setFraction(rs: KubeObject, d: KubeObject): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(d) + maxSurge(d);
  // Without the annotation, fall back to the deployment's current size (upstream's estimate).
  const annotated = intAnnotation(rs, Annotation.maxReplicas) ?? (d.status?.replicas ?? 0);
  if (annotated <= 0) return 0;
  return goRound((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs);
}

/** math.Round: halves away from zero. */
function goRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * cleanupDeployment: keep revisionHistoryLimit old sets; delete the oldest revisions beyond that,
 * but only ones that are empty, settled (status observed) and not already going away.
 */
export function cleanupHistory(plan: Plan, oldRSs: KubeObject[]): void {
  if (!hasRevisionHistoryLimit(plan.d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp && !plan.isNew(rs));
  const diff = cleanable.length - plan.d.spec.revisionHistoryLimit;
  if (diff <= 0) return;
  for (const rs of [...cleanable].sort(byRevision).slice(0, diff)) {
    const settled = (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0);
    if (statusCount(rs, "replicas") !== 0 || specReplicas(rs) !== 0 || !settled || plan.isTouched(rs)) continue;
    plan.remove(rs);
  }
}
