// The LeastAllocated scoring strategy NodeResourcesFit uses by default: the more of the node's
// allocatable cpu and memory stays free after placing the pod, the higher the score. Requests
// count with the non-zero defaults, so pods that request nothing still spread out.

import { MaxNodeScore } from "../framework";
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";

/** Resources scored and their weights (upstream's default: cpu 1, memory 1). */
export const scoredResources = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
] as const;

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MaxNodeScore) / capacity);
}

export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  let score = 0;
  let weights = 0;
  for (const r of scoredResources) {
    const capacity = node.allocatable[r.name] ?? 0;
    // A resource the node does not advertise is left out rather than scored as full.
    if (capacity === 0) continue;
    const requested = r.name === "cpu" ? node.nonZeroCpu + pod.nonZeroCpu : node.nonZeroMemory + pod.nonZeroMemory;
    score += leastRequestedScore(requested, capacity) * r.weight;
    weights += r.weight;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}
