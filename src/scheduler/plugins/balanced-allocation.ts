// NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in similar
// proportions after placing the pod (score = (1 - standard deviation of the fractions) * 100).
// Unlike LeastAllocated it counts actual requests, so best-effort pods are not scored at all.

import { MaxNodeScore, type Plugin } from "../framework";
import { scoredResources } from "./least-allocated";

export const BalancedAllocationName = "NodeResourcesBalancedAllocation";

export function balancedScore(requested: number[], allocatable: number[]): number {
  const fractions: number[] = [];
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    fractions.push(Math.min(requested[i]! / allocatable[i]!, 1));
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  } else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MaxNodeScore);
}

export const balancedAllocation: Plugin = {
  name: BalancedAllocationName,
  events: [],
  preScore(pod) {
    // A pod requesting nothing would pile onto already-balanced nodes (kubernetes#129138).
    return scoredResources.every((r) => !pod.requests[r.name]) ? "skip" : undefined;
  },
  score(pod, node) {
    // cpu and memory, without allocating: this runs for every candidate node.
    const cpuAlloc = node.allocatable.cpu ?? 0;
    const memAlloc = node.allocatable.memory ?? 0;
    const cpu = cpuAlloc ? Math.min(((node.requested.cpu ?? 0) + (pod.requests.cpu ?? 0)) / cpuAlloc, 1) : undefined;
    const mem = memAlloc ? Math.min(((node.requested.memory ?? 0) + (pod.requests.memory ?? 0)) / memAlloc, 1) : undefined;
    const std = cpu !== undefined && mem !== undefined ? Math.abs((cpu - mem) / 2) : 0;
    return Math.trunc((1 - std) * MaxNodeScore);
  },
};
