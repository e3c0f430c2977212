// One Recreate step (recreate.go): scale every old replica set to zero, wait until none of their
// pods is left running, and only then create the new replica set at full size.

import type { KubeObject } from "../../api/object";
import { activeReplicaSets, controllerOf, safeSelector, specReplicas } from "./controller-utils";
import type { Plan } from "./plan";
import { syncRevision } from "./replicasets";
import { sumStatus } from "./util";

/** Returns whether anything was resized or created. */
export function recreateStep(plan: Plan): boolean {
  let { newRS, oldRSs } = syncRevision(plan, false);
  let scaled = false;
  for (const rs of activeReplicaSets(oldRSs)) scaled = plan.scaleTo(rs, 0) || scaled;
  if (scaled || oldPodsRunning(plan, newRS, oldRSs)) return scaled;
  if (!newRS) {
    ({ newRS, oldRSs } = syncRevision(plan, true));
    if (!newRS) return false;
    if (plan.isNew(newRS)) return true;
  }
  return plan.scaleTo(newRS, specReplicas(plan.d));
}

/**
 * Old replica sets still report pods, or some pod of theirs has not finished — including pods
 * already being deleted, since their containers may still run.
 */
function oldPodsRunning(plan: Plan, newRS: KubeObject | undefined, oldRSs: KubeObject[]): boolean {
  if (sumStatus(oldRSs, "replicas") > 0) return true;
  const selector = safeSelector(plan.d.spec?.selector);
  return oldRSs.some((rs) =>
    plan.cache.ownedBy("pods", rs.metadata.uid!).some((pod) => {
      if (rs === newRS || controllerOf(pod)?.uid !== rs.metadata.uid || !selector.matches(pod.metadata.labels)) return false;
      const phase = pod.status?.phase;
      return phase !== "Failed" && phase !== "Succeeded";
    }),
  );
}
