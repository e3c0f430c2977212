// Why a pod fits nowhere, worded as kube-scheduler 1.32 words it (framework.FitError plus the
// DefaultPreemption PostFilter's own FitError): "0/N nodes are available: <count reason>, ... ."
// followed by " preemption: 0/N nodes are available: ... ." — reasons sorted as whole strings,
// so "1 node(s) ..." sorts before "2 Insufficient cpu".

import type { Status } from "./framework";

export const NoNodesAvailable = "no nodes available to schedule pods";
export const PreemptionNotHelpful = "Preemption is not helpful for scheduling";
export const NoPreemptionVictims = "No preemption victims found for incoming pod";
export const PreemptNeverMsg = "not eligible due to preemptionPolicy=Never.";

/** What filtering found: a status per rejected node, and one for nodes never examined. */
export interface Diagnosis {
  nodeNames: readonly string[];
  statuses: ReadonlyMap<string, Status>;
  /** Status of nodes absent from `statuses` (PreFilter rejected all, or narrowed the list). */
  absent?: Status;
  preFilterMsg?: string;
}

/** Reason → number of nodes that gave it. */
export function histogram(d: Diagnosis): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of d.statuses.values()) for (const r of s.reasons) counts[r] = (counts[r] ?? 0) + 1;
  const absentNodes = d.nodeNames.length - d.statuses.size;
  if (d.absent && absentNodes > 0) for (const r of d.absent.reasons) counts[r] = (counts[r] ?? 0) + absentNodes;
  return counts;
}

/** Go's sort.Strings over "<count> <reason>": byte order, counts included. */
function sortedCounts(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .map(([reason, n]) => `${n} ${reason}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function fitErrorText(numAll: number, d: Diagnosis, postFilterMsg?: string): string {
  let msg = `0/${numAll} nodes are available:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const parts = sortedCounts(histogram(d));
    if (parts.length) msg += ` ${parts.join(", ")}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}.`;
  return msg;
}

/**
 * DefaultPreemption's verdict without preempting: nodes whose rejection cannot be resolved are
 * "not helpful"; the others would need victims, and we evict none (no priority-based eviction).
 */
function preemptionMessage(spec: Record<string, any> | undefined, d: Diagnosis): string {
  if (spec?.preemptionPolicy === "Never") return `preemption: ${PreemptNeverMsg}`;
  const statuses = new Map<string, Status>();
  for (const name of d.nodeNames) {
    const s = d.statuses.get(name) ?? d.absent;
    if (s && s.code !== "UnschedulableAndUnresolvable") statuses.set(name, { code: "Unschedulable", reasons: [NoPreemptionVictims] });
  }
  const inner: Diagnosis = { nodeNames: d.nodeNames, statuses, absent: { code: "UnschedulableAndUnresolvable", reasons: [PreemptionNotHelpful] } };
  return `preemption: ${fitErrorText(d.nodeNames.length, inner)}`;
}

export function fitErrorMessage(spec: Record<string, any> | undefined, d: Diagnosis): string {
  // The PostFilter message already ends in "." and the separator adds another, as upstream prints.
  return fitErrorText(d.nodeNames.length, d, preemptionMessage(spec, d));
}
