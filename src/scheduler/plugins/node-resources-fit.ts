// NodeResourcesFit: the pod's effective requests (containers summed, the largest init container,
// sidecars, overhead) must fit in the node's allocatable minus what its pods already request,
// and the node must have room for one more pod. Scores with the LeastAllocated strategy.

import { unschedulable, type Plugin } from "../framework";
import { isScalarResource } from "../resources";
import { leastAllocatedScore } from "./least-allocated";

export const NodeResourcesFitName = "NodeResourcesFit";
export const ErrReasonTooManyPods = "Too many pods";
export const insufficient = (resource: string): string => `Insufficient ${resource}`;

const stateKey = "PreFilter" + NodeResourcesFitName;

export const nodeResourcesFit: Plugin = {
  name: NodeResourcesFitName,
  // Room appears when pods go or shrink, or when a node is added or grows.
  events: [
    { resource: "AssignedPod", actions: ["Delete", "Update"] },
    { resource: "Node", actions: ["Add", "UpdateAllocatable", "UpdateTaint"] },
  ],
  preFilter(pod, _snapshot, state) {
    // Fixed order first, then extended resources by name (Go's map order is random; ours is stable).
    // Only what the pod asks for is checked, so an overcommitted node still takes zero-request pods.
    const want = pod.requests;
    const names = ["cpu", "memory", "ephemeral-storage", ...Object.keys(want).filter(isScalarResource).sort()];
    state.write(stateKey, names.filter((r) => (want[r] ?? 0) > 0).map((r) => [r, want[r]!] as const));
    return undefined;
  },
  filter(pod, node, state) {
    const reasons: string[] = [];
    if (node.pods.length + 1 > node.allowedPods) reasons.push(ErrReasonTooManyPods);
    const wanted = state.read<(readonly [string, number])[]>(stateKey) ?? [];
    for (const [r, amount] of wanted) {
      if (amount > (node.allocatable[r] ?? 0) - (node.requested[r] ?? 0)) reasons.push(insufficient(r));
    }
    return reasons.length ? unschedulable(...reasons) : undefined;
  },
  score(pod, node) {
    return leastAllocatedScore(pod, node);
  },
};
