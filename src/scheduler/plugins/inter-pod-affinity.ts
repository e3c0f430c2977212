// InterPodAffinity: required pod affinity needs a matching pod in the node's topology domain
// (or, for the first of a self-affine group, none anywhere); required anti-affinity — the pod's
// own, and existing pods' against it — forbids one. Preferred terms, both ways, and existing
// pods' required affinity (hard weight 1) score domains.

import { MaxNodeScore, unresolvable, unschedulable, type Plugin } from "../framework";
import { matchesAllTerms, termMatches, type AffinityTerm, type NamespaceLabels } from "../helpers/affinity-terms";
import type { PodInfo } from "../pod-info";

export const InterPodAffinityName = "InterPodAffinity";
export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

/** Upstream's default HardPodAffinityWeight. */
const hardPodAffinityWeight = 1;
const filterKey = "PreFilter" + InterPodAffinityName;
const scoreKey = "PreScore" + InterPodAffinityName;

const pair = (key: string, value: string): string => `${key}\u0000${value}`;

/** Counts per topology pair; a term whose key the node lacks counts nowhere. */
function bump(counts: Map<string, number>, key: string, labels: Record<string, string>, by = 1): void {
  const value = labels[key];
  if (value !== undefined) counts.set(pair(key, value), (counts.get(pair(key, value)) ?? 0) + by);
}

interface FilterState {
  existingAnti: Map<string, number>;
  affinity: Map<string, number>;
  anti: Map<string, number>;
  nsLabels: NamespaceLabels;
}

function satisfiesAffinity(pod: PodInfo, labels: Record<string, string>, s: FilterState): boolean {
  let podsExist = true;
  for (const t of pod.requiredAffinity) {
    const value = labels[t.topologyKey];
    if (value === undefined) return false;
    if ((s.affinity.get(pair(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group that is affine to itself would otherwise wait forever.
  return podsExist || (s.affinity.size === 0 && matchesAllTerms(pod.requiredAffinity, pod, s.nsLabels));
}

function hits(terms: readonly AffinityTerm[], labels: Record<string, string>, counts: Map<string, number>): boolean {
  return terms.some((t) => labels[t.topologyKey] !== undefined && (counts.get(pair(t.topologyKey, labels[t.topologyKey]!)) ?? 0) > 0);
}

export const interPodAffinity: Plugin = {
  name: InterPodAffinityName,
  events: [
    { resource: "AssignedPod", actions: "All" },
    { resource: "Node", actions: ["Add", "UpdateLabel"] },
    // A namespaceSelector can start matching when a namespace appears or is relabelled.
    { resource: "Namespace", actions: ["Add", "UpdateLabel"] },
  ],
  preFilter(pod, snapshot, state) {
    const nsLabels = snapshot.namespaceLabels;
    const existingAnti = new Map<string, number>();
    const affinity = new Map<string, number>();
    const anti = new Map<string, number>();
    const own = pod.requiredAffinity.length + pod.requiredAntiAffinity.length > 0;
    for (const node of snapshot.list()) {
      for (const existing of node.podsWithRequiredAntiAffinity) {
        for (const t of existing.requiredAntiAffinity) if (termMatches(t, pod, nsLabels)) bump(existingAnti, t.topologyKey, node.labels);
      }
      // Only a pod with required terms of its own needs every pod looked at.
      if (!own) continue;
      for (const existing of node.pods) {
        if (matchesAllTerms(pod.requiredAffinity, existing, nsLabels)) for (const t of pod.requiredAffinity) bump(affinity, t.topologyKey, node.labels);
        for (const t of pod.requiredAntiAffinity) if (termMatches(t, existing, nsLabels)) bump(anti, t.topologyKey, node.labels);
      }
    }
    if (!own && existingAnti.size === 0) return { skip: true };
    state.write(filterKey, { existingAnti, affinity, anti, nsLabels } satisfies FilterState);
    return undefined;
  },
  filter(pod, node, state) {
    const s = state.read<FilterState>(filterKey);
    if (!s) return undefined;
    if (!satisfiesAffinity(pod, node.labels, s)) return unresolvable(ErrReasonAffinityRulesNotMatch);
    if (hits(pod.requiredAntiAffinity, node.labels, s.anti)) return unschedulable(ErrReasonAntiAffinityRulesNotMatch);
    for (const [k, v] of Object.entries(node.labels)) {
      if ((s.existingAnti.get(pair(k, v)) ?? 0) > 0) return unschedulable(ErrReasonExistingAntiAffinityRulesNotMatch);
    }
    return undefined;
  },
  preScore(pod, _feasible, snapshot, state) {
    const nsLabels = snapshot.namespaceLabels;
    const own = pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0;
    const scores = new Map<string, number>();
    const term = (t: AffinityTerm, weight: number, target: PodInfo, labels: Record<string, string>) => {
      if (termMatches(t, target, nsLabels)) bump(scores, t.topologyKey, labels, weight);
    };
    for (const node of snapshot.list()) {
      // Without preferences of its own, only existing pods with affinity can move the score.
      const pods = own ? node.pods : node.podsWithAffinity;
      if (pods.length === 0) continue;
      for (const existing of pods) {
        for (const t of pod.preferredAffinity) term(t, t.weight, existing, node.labels);
        for (const t of pod.preferredAntiAffinity) term(t, -t.weight, existing, node.labels);
        for (const t of existing.requiredAffinity) term(t, hardPodAffinityWeight, pod, node.labels);
        for (const t of existing.preferredAffinity) term(t, t.weight, pod, node.labels);
        for (const t of existing.preferredAntiAffinity) term(t, -t.weight, pod, node.labels);
      }
    }
    for (const [k, v] of scores) if (v === 0) scores.delete(k);
    if (scores.size === 0) return "skip";
    state.write(scoreKey, scores);
    return undefined;
  },
  score(_pod, node, state) {
    const scores = state.read<Map<string, number>>(scoreKey)!;
    let sum = 0;
    for (const [k, v] of Object.entries(node.labels)) sum += scores.get(pair(k, v)) ?? 0;
    return sum;
  },
  normalize(scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MaxNodeScore * ((scores[i]! - min) / diff)) : 0;
  },
};
