// NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
// node.kubernetes.io/unschedulable:NoSchedule taint, which is what cordoning means.

import { unresolvable, type Plugin } from "../framework";
import { tolerationsTolerate } from "../helpers/taints";

export const NodeUnschedulableName = "NodeUnschedulable";
export const ErrReasonUnschedulable = "node(s) were unschedulable";

const unschedulableTaint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

export const nodeUnschedulable: Plugin = {
  name: NodeUnschedulableName,
  // Uncordoning shows up as a taint change; a new node may be schedulable.
  events: [{ resource: "Node", actions: ["Add", "UpdateTaint"] }],
  filter(pod, node) {
    if (!node.unschedulable) return undefined;
    return tolerationsTolerate(pod.tolerations, unschedulableTaint) ? undefined : unresolvable(ErrReasonUnschedulable);
  },
};
