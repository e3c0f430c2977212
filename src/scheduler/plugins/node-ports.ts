// NodePorts: a pod's hostPorts must be free on the node. 0.0.0.0 (or no hostIP) claims the port
// on every address, so it conflicts with any use of the same protocol/port.

import { unschedulable, type Plugin } from "../framework";

export const NodePortsName = "NodePorts";
export const ErrReasonNodePorts = "node(s) didn't have free ports for the requested pod ports";

export const nodePorts: Plugin = {
  name: NodePortsName,
  // A port frees up when its pod goes; a new or changed node may have it free.
  events: [
    { resource: "AssignedPod", actions: ["Delete"] },
    { resource: "Node", actions: ["Add", "UpdateLabel", "UpdateTaint", "UpdateAllocatable", "Update"] },
  ],
  preFilter(pod) {
    return pod.hostPorts.length === 0 ? { skip: true } : undefined;
  },
  filter(pod, node) {
    for (const hp of pod.hostPorts) if (node.portInUse(hp.ip, hp.protocol, hp.port)) return unschedulable(ErrReasonNodePorts);
    return undefined;
  },
};
