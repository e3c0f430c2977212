// PodTopologySpread: DoNotSchedule constraints reject a node when placing the pod there would
// make its domain exceed the global minimum by more than maxSkew (the minimum counts as 0 while
// fewer than minDomains domains exist); ScheduleAnyway constraints (or the system defaults)
// score nodes in emptier domains higher.

import { MaxNodeScore, unresolvable, unschedulable, type Plugin } from "../framework";
import { RequiredNodeAffinity } from "../helpers/node-selector";
import {
  LabelHostname,
  defaultConstraints,
  hasAllTopologyKeys,
  nodeIncluded,
  podConstraints,
  type SpreadConstraint,
} from "../helpers/spread-constraints";

export const PodTopologySpreadName = "PodTopologySpread";
export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + " (missing required label)";

const filterKey = "PreFilter" + PodTopologySpreadName;
const scoreKey = "PreScore" + PodTopologySpreadName;

interface FilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: topology value → matching pods. */
  matchNum: Map<string, number>[];
  minMatch: number[];
}

interface ScoreState {
  constraints: SpreadConstraint[];
  ignored: Set<string>;
  counts: Map<string, number>[];
  weights: number[];
}

export const podTopologySpread: Plugin = {
  name: PodTopologySpreadName,
  events: [
    { resource: "AssignedPod", actions: "All" },
    { resource: "Node", actions: ["Add", "Delete", "UpdateLabel", "UpdateTaint"] },
  ],
  preFilter(pod, snapshot, state) {
    const constraints = podConstraints(pod, "DoNotSchedule");
    if (constraints.length === 0) return { skip: true };
    const required = new RequiredNodeAffinity(pod.pod.spec);
    const matchNum = constraints.map(() => new Map<string, number>());
    for (const node of snapshot.list()) {
      if (!hasAllTopologyKeys(node.labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        if (!nodeIncluded(c, pod, node, required)) continue;
        const value = node.labels[c.topologyKey]!;
        matchNum[i]!.set(value, (matchNum[i]!.get(value) ?? 0) + c.count(node));
      }
    }
    const minMatch = constraints.map((c, i) => {
      // Too few eligible domains: the missing ones count as empty, so the minimum is 0.
      if (matchNum[i]!.size < c.minDomains) return 0;
      let min = Infinity;
      for (const n of matchNum[i]!.values()) min = Math.min(min, n);
      return min;
    });
    state.write(filterKey, { constraints, matchNum, minMatch } satisfies FilterState);
    return undefined;
  },
  filter(_pod, node, state) {
    const s = state.read<FilterState>(filterKey);
    if (!s) return undefined;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const value = node.labels[c.topologyKey];
      if (value === undefined) return unresolvable(ErrReasonNodeLabelNotMatch);
      const skew = (s.matchNum[i]!.get(value) ?? 0) + (c.selfMatch ? 1 : 0) - s.minMatch[i]!;
      if (skew > c.maxSkew) return unschedulable(ErrReasonConstraintsNotMatch);
    }
    return undefined;
  },
  preScore(pod, feasible, snapshot, state) {
    const explicit = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0;
    const constraints = explicit ? podConstraints(pod, "ScheduleAnyway") : defaultConstraints(pod);
    if (constraints.length === 0 || snapshot.list().length === 0) return "skip";
    // System defaults do not require every key, so nodes without a zone still spread by hostname.
    const requireAll = explicit;
    const ignored = new Set<string>();
    const counts = constraints.map(() => new Map<string, number>());
    for (const node of feasible) {
      if (requireAll && !hasAllTopologyKeys(node.labels, constraints)) {
        ignored.add(node.name);
        continue;
      }
      constraints.forEach((c, i) => {
        // Hostname domains are single nodes: counted directly in score.
        if (c.topologyKey !== LabelHostname) counts[i]!.set(node.labels[c.topologyKey] ?? "", 0);
      });
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === LabelHostname ? feasible.length - ignored.size : counts[i]!.size) + 2));
    const required = new RequiredNodeAffinity(pod.pod.spec);
    for (const node of snapshot.list()) {
      if (requireAll && !hasAllTopologyKeys(node.labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        // Only domains that hold a candidate node matter (hostname domains are counted in score).
        if (c.topologyKey === LabelHostname) continue;
        const value = node.labels[c.topologyKey] ?? "";
        const current = counts[i]!.get(value);
        if (current === undefined || !nodeIncluded(c, pod, node, required)) continue;
        counts[i]!.set(value, current + c.count(node));
      }
    }
    state.write(scoreKey, { constraints, ignored, counts, weights } satisfies ScoreState);
    return undefined;
  },
  score(_pod, node, state) {
    const s = state.read<ScoreState>(scoreKey)!;
    if (s.ignored.has(node.name)) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const value = node.labels[c.topologyKey];
      if (value === undefined) continue;
      const count = c.topologyKey === LabelHostname ? c.count(node) : (s.counts[i]!.get(value) ?? 0);
      // maxSkew - 1 waters down small differences, making the score tolerant to skew.
      score += count * s.weights[i]! + (c.maxSkew - 1);
    }
    return Math.round(score);
  },
  normalize(scores, nodes, state) {
    const s = state.read<ScoreState>(scoreKey)!;
    let min = Infinity;
    let max = 0;
    nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) return;
      min = Math.min(min, scores[i]!);
      max = Math.max(max, scores[i]!);
    });
    nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) scores[i] = 0;
      else if (max === 0) scores[i] = MaxNodeScore;
      // Fewer matching pods is better: the emptiest domain gets the full score.
      else scores[i] = Math.trunc((MaxNodeScore * (max + min - scores[i]!)) / max);
    });
  },
};
