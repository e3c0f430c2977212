// NodeName: a pod that names its node fits only there. (The scheduler skips pods that already
// have spec.nodeName, so this matters mostly to callers that filter by hand.)

import { unresolvable, type Plugin } from "../framework";

export const NodeNameName = "NodeName";
export const ErrReasonNodeName = "node(s) didn't match the requested node name";

export const nodeName: Plugin = {
  name: NodeNameName,
  events: [{ resource: "Node", actions: ["Add"] }],
  filter(pod, node) {
    const wanted: string | undefined = pod.pod.spec?.nodeName;
    return !wanted || wanted === node.name ? undefined : unresolvable(ErrReasonNodeName);
  },
};
