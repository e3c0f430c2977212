// PodDisruptionBudget helpers shared by the eviction subresource and the disruption controller
// (upstream's component-helpers/apps/poddisruptionbudget and pod readiness).
import type { KubeObject } from "../object";
import { type LabelSelector, selectorFromLabelSelector } from "../selectors/labels";

type Obj = Record<string, any>;
export const DISRUPTION_ALLOWED = "DisruptionAllowed";
export const SUFFICIENT_PODS = "SufficientPods";
export const INSUFFICIENT_PODS = "InsufficientPods";
export const SYNC_FAILED = "SyncFailed";

/** metav1.Time: RFC 3339 to the second. */
export const metaTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export function isPodReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: Obj) => c?.type === "Ready" && c.status === "True");
}

/** The PDB's selector, or undefined when it cannot be parsed (such a PDB matches nothing). */
export function pdbSelector(pdb: KubeObject): LabelSelector | undefined {
  try {
    return selectorFromLabelSelector(pdb.spec?.selector);
  } catch {
    return undefined;
  }
}

/**
 * meta.SetStatusCondition: replaces the condition of the same type, moving lastTransitionTime only
 * when the status changes. Returns a new list.
 */
export function setCondition(conditions: Obj[] | undefined, next: Obj, now: Date): Obj[] {
  const list = (conditions ?? []).map((c) => ({ ...c }));
  const old = list.find((c) => c.type === next.type);
  if (!old) return [...list, { ...next, lastTransitionTime: metaTime(now) }];
  if (old.status !== next.status) old.lastTransitionTime = metaTime(now);
  Object.assign(old, { status: next.status, reason: next.reason, message: next.message, observedGeneration: next.observedGeneration });
  return list;
}

/** UpdateDisruptionAllowedCondition: True/SufficientPods while disruptions are allowed, else False/InsufficientPods. */
export function withDisruptionCondition(status: Obj, now: Date): Obj {
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  const cond = {
    type: DISRUPTION_ALLOWED,
    status: allowed ? "True" : "False",
    reason: allowed ? SUFFICIENT_PODS : INSUFFICIENT_PODS,
    message: "",
    observedGeneration: status.observedGeneration ?? 0,
  };
  return { ...status, conditions: setCondition(status.conditions, cond, now) };
}

/** ConditionsAreUpToDate: the stored condition already says what the counts say. */
export function conditionsUpToDate(pdb: KubeObject): boolean {
  const status: Obj = pdb.status ?? {};
  const cond = (status.conditions ?? []).find((c: Obj) => c?.type === DISRUPTION_ALLOWED);
  if (!cond || (status.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  return (status.disruptionsAllowed ?? 0) > 0
    ? cond.status === "True" && cond.reason === SUFFICIENT_PODS
    : cond.status === "False" && cond.reason === INSUFFICIENT_PODS;
}
