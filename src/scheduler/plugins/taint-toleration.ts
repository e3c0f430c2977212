// TaintToleration: NoSchedule/NoExecute taints the pod does not tolerate keep it off the node;
// PreferNoSchedule taints it does not tolerate make the node less attractive (fewer is better).

import { defaultNormalizeScore, unresolvable, type Plugin } from "../framework";
import { doNotSchedule, findUntoleratedTaint, tolerationsTolerate, type Taint, type Toleration } from "../helpers/taints";

export const TaintTolerationName = "TaintToleration";

/** Upstream prints the first offending taint as `{key: value}` (an empty value leaves "key: "). */
export const untoleratedTaintReason = (t: Taint): string => `node(s) had untolerated taint {${t.key}: ${t.value ?? ""}}`;

const stateKey = "PreScore" + TaintTolerationName;

export const taintToleration: Plugin = {
  name: TaintTolerationName,
  events: [{ resource: "Node", actions: ["Add", "UpdateTaint"] }],
  filter(pod, node) {
    const taint = findUntoleratedTaint(node.taints, pod.tolerations, doNotSchedule);
    return taint ? unresolvable(untoleratedTaintReason(taint)) : undefined;
  },
  preScore(pod, _feasible, _snapshot, state) {
    // An empty effect tolerates PreferNoSchedule too.
    const prefer = pod.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    state.write(stateKey, prefer);
    return undefined;
  },
  score(_pod, node, state) {
    const tolerations = state.read<Toleration[]>(stateKey) ?? [];
    let intolerable = 0;
    for (const taint of node.taints) {
      if (taint.effect === "PreferNoSchedule" && !tolerationsTolerate(tolerations, taint)) intolerable++;
    }
    return intolerable;
  },
  normalize(scores) {
    defaultNormalizeScore(scores, true);
  },
};
