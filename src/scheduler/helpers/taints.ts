// Taints and tolerations as core/v1 helpers match them; shared by TaintToleration,
// NodeUnschedulable and PodTopologySpread's nodeTaintsPolicy.

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** An empty effect tolerates every effect; an empty key with Exists tolerates every key. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "") {
    case "":
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerate(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/** Filtering looks only at the effects that keep pods off a node. */
export const doNotSchedule = (t: Taint): boolean => t.effect === "NoSchedule" || t.effect === "NoExecute";

/** The first taint (in node order) that passes `filter` and no toleration covers. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  filter: (t: Taint) => boolean,
): Taint | undefined {
  return taints.find((taint) => filter(taint) && !tolerationsTolerate(tolerations, taint));
}
