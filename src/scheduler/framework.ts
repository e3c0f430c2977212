// The scheduling framework's contract, after kube-scheduler's: plugins hook into PreFilter,
// Filter, PreScore, Score and NormalizeScore; a CycleState carries what PreFilter/PreScore
// computed to the per-node calls; a Status says why a node was rejected, in upstream's words.

import type { NodeInfo } from "./node-info";
import type { PodInfo } from "./pod-info";
import type { Snapshot } from "./snapshot";

/** Scores are integers in [0, MaxNodeScore] after normalisation, then multiplied by weight. */
export const MaxNodeScore = 100;

/**
 * Unschedulable: preemption might help (e.g. Insufficient cpu). UnschedulableAndUnresolvable:
 * evicting pods cannot help (taints, affinity), which is what the preemption message reports.
 */
export type Code = "Unschedulable" | "UnschedulableAndUnresolvable";

export interface Status {
  code: Code;
  reasons: string[];
  /** The plugin that rejected; filled in by the framework. */
  plugin?: string;
}

export const unschedulable = (...reasons: string[]): Status => ({ code: "Unschedulable", reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: "UnschedulableAndUnresolvable", reasons });

/** What PreFilter may answer: nothing to do for this pod, a rejection, or a subset of nodes. */
export interface PreFilterResult {
  skip?: boolean;
  status?: Status;
  nodeNames?: Set<string>;
}

/** Per-cycle scratch space, keyed by plugin name, so PreFilter work is done once per pod. */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }
}

/**
 * Cluster changes that may turn a rejection into a fit (upstream's EnqueueExtensions): a rejected
 * pod is retried only when an event one of its rejecting plugins registered for happens.
 */
export type EventResource = "Node" | "AssignedPod" | "Namespace";
export type EventAction = "Add" | "Delete" | "UpdateLabel" | "UpdateTaint" | "UpdateAllocatable" | "Update";
export interface ClusterEvent {
  resource: EventResource;
  action: EventAction;
}
export interface EventRegistration {
  resource: EventResource;
  actions: readonly EventAction[] | "All";
}

export function eventMatches(reg: readonly EventRegistration[], e: ClusterEvent): boolean {
  return reg.some((r) => r.resource === e.resource && (r.actions === "All" || r.actions.includes(e.action)));
}

export interface Plugin {
  name: string;
  events: readonly EventRegistration[];
  preFilter?(pod: PodInfo, snapshot: Snapshot, state: CycleState): PreFilterResult | undefined;
  /** undefined = the node fits. */
  filter?(pod: PodInfo, node: NodeInfo, state: CycleState): Status | undefined;
  /** "skip" = this plugin scores nothing for this pod (upstream's Skip status). */
  preScore?(pod: PodInfo, feasible: NodeInfo[], snapshot: Snapshot, state: CycleState): "skip" | undefined;
  score?(pod: PodInfo, node: NodeInfo, state: CycleState): number;
  /** Rewrites `scores` (index-aligned with `nodes`) in place. */
  normalize?(scores: number[], nodes: NodeInfo[], state: CycleState): void;
}

export interface WeightedPlugin extends Plugin {
  weight: number;
}

/**
 * Scales scores to [0, MaxNodeScore] by the highest one, optionally reversed (fewer is better);
 * all zero stays zero, or becomes MaxNodeScore when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) {
      if (reverse) scores[i] = MaxNodeScore;
      continue;
    }
    const s = Math.trunc((MaxNodeScore * scores[i]!) / max);
    scores[i] = reverse ? MaxNodeScore - s : s;
  }
}
