// One scheduling cycle, as schedule_one.go runs it: PreFilter, Filter over the nodes (starting
// where the previous cycle stopped, and stopping once enough feasible nodes are found), PreScore,
// Score, NormalizeScore, weight, and pick the highest total. Pure: the caller binds.

import type { KubeObject } from "../api/object";
import { fitErrorMessage, histogram, NoNodesAvailable, type Diagnosis } from "./fit-error";
import { CycleState, unresolvable, unschedulable, type Status, type WeightedPlugin } from "./framework";
import type { NodeInfo } from "./node-info";
import { podInfo, type PodInfo } from "./pod-info";
import { defaultPlugins } from "./registry";
import { Snapshot } from "./snapshot";

export interface ScheduleOptions {
  plugins?: readonly WeightedPlugin[];
  /** Breaks ties among the best nodes (reservoir sampling, as upstream); without it the first wins. */
  random?: () => number;
  /** Upstream's percentageOfNodesToScore; 0 or absent = adaptive (50% - nodes/125, at least 5%). */
  percentageOfNodesToScore?: number;
  /** Where in the node list filtering starts (upstream rotates it so all nodes get examined). */
  startIndex?: number;
}

export interface Unschedulable {
  message: string;
  /** Reason → how many nodes gave it. */
  reasons: Record<string, number>;
  /** The plugins that rejected: their events decide when the pod is worth retrying. */
  plugins: string[];
  /** The PodScheduled condition's reason. */
  reason: "Unschedulable" | "SchedulerError";
}

/** `evaluated`: how many nodes filtering examined (the next cycle's start offset). */
export type ScheduleResult = ({ node: string } | { unschedulable: Unschedulable }) & { evaluated: number };

const minFeasibleNodesToFind = 100;
const minFeasibleNodesPercentageToFind = 5;

/** In big clusters a good-enough node among a sample beats scoring all of them. */
export function numFeasibleNodesToFind(percentage: number, numAll: number): number {
  if (numAll < minFeasibleNodesToFind) return numAll;
  let pct = percentage;
  if (pct <= 0) pct = Math.max(50 - Math.trunc(numAll / 125), minFeasibleNodesPercentageToFind);
  const n = Math.trunc((numAll * pct) / 100);
  return Math.max(n, minFeasibleNodesToFind);
}

function runFilters(plugins: readonly WeightedPlugin[], pod: PodInfo, node: NodeInfo, state: CycleState): Status | undefined {
  for (const p of plugins) {
    const status = p.filter!(pod, node, state);
    // The first rejection is the node's reason; later plugins are not asked.
    if (status) return { ...status, plugin: p.name };
  }
  return undefined;
}

function fail(pod: PodInfo, all: NodeInfo[], d: Omit<Diagnosis, "nodeNames">, plugins: Iterable<string>, evaluated: number): ScheduleResult {
  const diagnosis: Diagnosis = { ...d, nodeNames: all.map((n) => n.name) };
  const message = fitErrorMessage(pod.pod.spec, diagnosis);
  return { unschedulable: { message, reasons: histogram(diagnosis), plugins: [...new Set(plugins)].sort(), reason: "Unschedulable" }, evaluated };
}

export function schedulePod(pod: KubeObject, snapshot: Snapshot, options: ScheduleOptions = {}): ScheduleResult {
  const plugins = options.plugins ?? defaultPlugins;
  const all = snapshot.list();
  if (all.length === 0) {
    return { unschedulable: { message: NoNodesAvailable, reasons: {}, plugins: [], reason: "SchedulerError" }, evaluated: 0 };
  }
  const pi = podInfo(pod);
  const state = new CycleState();
  const skipped = new Set<string>();
  let names: Set<string> | undefined;
  const narrowedBy: string[] = [];
  for (const p of plugins) {
    const r = p.preFilter?.(pi, snapshot, state);
    if (!r) continue;
    if (r.skip) skipped.add(p.name);
    else if (r.status) {
      const absent = { ...r.status, plugin: p.name };
      return fail(pi, all, { statuses: new Map(), absent, preFilterMsg: r.status.reasons.join(", ") }, [p.name], 0);
    } else if (r.nodeNames) {
      narrowedBy.push(p.name);
      names = names ? new Set([...names].filter((n) => r.nodeNames!.has(n))) : r.nodeNames;
      if (names.size === 0) {
        const msg = narrowedBy.length === 1 ? `node(s) didn't satisfy plugin ${p.name}` : `node(s) didn't satisfy plugin(s) [${narrowedBy.join(" ")}] simultaneously`;
        return fail(pi, all, { statuses: new Map(), absent: unschedulable(msg), preFilterMsg: msg }, narrowedBy, 0);
      }
    }
  }
  const nodes = names ? all.filter((n) => names!.has(n.name)) : all;
  const absent = names ? unresolvable(`node(s) didn't satisfy plugin(s) [${[...narrowedBy].sort().join(" ")}]`) : undefined;

  const filters = plugins.filter((p) => p.filter && !skipped.has(p.name));
  const toFind = numFeasibleNodesToFind(options.percentageOfNodesToScore ?? 0, nodes.length);
  const start = nodes.length ? (options.startIndex ?? 0) % nodes.length : 0;
  const feasible: NodeInfo[] = [];
  const statuses = new Map<string, Status>();
  let evaluated = 0;
  for (; evaluated < nodes.length && feasible.length < toFind; evaluated++) {
    const node = nodes[(start + evaluated) % nodes.length]!;
    const status = runFilters(filters, pi, node, state);
    if (status) statuses.set(node.name, status);
    else feasible.push(node);
  }
  if (feasible.length === 0) {
    const rejectors = [...statuses.values()].map((s) => s.plugin!);
    return fail(pi, all, { statuses, absent }, absent ? [...rejectors, ...narrowedBy] : rejectors, evaluated);
  }
  if (feasible.length === 1) return { node: feasible[0]!.name, evaluated };

  const totals = new Array<number>(feasible.length).fill(0);
  for (const p of plugins) {
    if (!p.score || p.weight === 0) continue;
    if (p.preScore?.(pi, feasible, snapshot, state) === "skip") continue;
    const scores = feasible.map((n) => p.score!(pi, n, state));
    p.normalize?.(scores, feasible, state);
    for (let i = 0; i < scores.length; i++) totals[i]! += scores[i]! * p.weight;
  }
  return { node: feasible[selectHost(totals, options.random)]!.name, evaluated };
}

/** Index of the highest total; ties go to the first, or to a uniformly random one. */
export function selectHost(totals: readonly number[], random?: () => number): number {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i]! > totals[best]!) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best] && random) {
      ties++;
      if (Math.floor(random() * ties) === 0) best = i;
    }
  }
  return best;
}

/** Convenience for callers holding plain lists: builds a snapshot (O(pods)) and schedules. */
export function scheduleOne(
  pod: KubeObject,
  nodes: readonly KubeObject[],
  podsByNode: ReadonlyMap<string, readonly KubeObject[]>,
  options?: ScheduleOptions,
): ScheduleResult {
  return schedulePod(pod, Snapshot.from(nodes, podsByNode), options);
}
