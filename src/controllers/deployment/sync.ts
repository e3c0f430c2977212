// syncDeployment (deployment_controller.go): claim replica sets, then — paused, scaling, or rolling
// out — take upstream's steps until one changes nothing, and derive the status from the outcome.
// Upstream takes one step per sync and waits for its own writes to come back as watch events; the
// replica sets' status cannot change in between (only their controller writes it), so running the
// steps back to back here reaches the same state and leaves the next reconcile nothing to write.

import type { KubeObject } from "../../api/object";
import type { Cache, Result } from "../types";
import { Plan } from "./plan";
import { recreateStep } from "./recreate";
import { claimReplicaSets, splitReplicaSets, syncRevision } from "./replicasets";
import { rollingStep } from "./rolling";
import { cleanupHistory, isScalingEvent, scale } from "./scale";
import { calculateStatus, deadlineRequeue, pausedConditions, rolloutStatus } from "./status";
import { deploymentComplete, isRecreate, isRollingUpdate } from "./util";

/** Enough for any rollout's up/down alternation against unchanged replica set status. */
const MAX_STEPS = 20;

type Path = "sync" | "rollout";

export function syncDeployment(d: KubeObject, cache: Cache, now: Date): Result {
  const plan = new Plan(d, cache, now);
  if (!claimReplicaSets(plan)) return { actions: [] };
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = syncRevision(plan, false);
    return plan.result(calculateStatus(plan, withNew(oldRSs, newRS), newRS));
  }
  pausedConditions(plan);
  let path: Path = "rollout";
  for (let i = 0; i < MAX_STEPS; i++) {
    const before = plan.changes;
    path = step(plan);
    if (plan.changes === before || plan.collision) break;
  }
  return finish(plan, path);
}

/** One upstream sync's worth of spec changes; says which status function upstream would then run. */
function step(plan: Plan): Path {
  const d = plan.d;
  const { newRS, oldRSs } = syncRevision(plan, false);
  // Paused: only scaling, no rollout progress. A changed replica count (seen through the
  // desired-replicas annotation) is a scaling event, spread proportionally before any rollout.
  if (d.spec?.paused || isScalingEvent(d, withNew(oldRSs, newRS))) {
    scale(plan, newRS, oldRSs);
    return "sync";
  }
  if (isRecreate(d)) {
    recreateStep(plan);
  } else if (isRollingUpdate(d)) {
    const r = syncRevision(plan, true);
    if (r.newRS) rollingStep(plan, r.newRS, r.oldRSs);
  }
  return "rollout";
}

function finish(plan: Plan, path: Path): Result {
  const { newRS, oldRSs } = splitReplicaSets(plan);
  const all = withNew(oldRSs, newRS);
  if (path === "sync") {
    if (plan.d.spec?.paused) cleanupHistory(plan, oldRSs);
    return plan.result(calculateStatus(plan, all, newRS));
  }
  const status = rolloutStatus(plan, all, newRS);
  // Old revisions are pruned once the rollout is complete (the status this pass arrives at).
  if (deploymentComplete(plan.d, status)) cleanupHistory(plan, oldRSs);
  return plan.result(status, deadlineRequeue(plan.d, status, plan.now));
}

function withNew(oldRSs: KubeObject[], newRS: KubeObject | undefined): KubeObject[] {
  return newRS ? [...oldRSs, newRS] : oldRSs;
}
