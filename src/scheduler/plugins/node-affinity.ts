// NodeAffinity: spec.nodeSelector and required node affinity must match the node's labels (or
// metadata.name via matchFields); preferred terms add their weights to the node's score.
// Affinity to named nodes (DaemonSet pods) narrows the candidate list before filtering.

import { defaultNormalizeScore, unresolvable, type Plugin } from "../framework";
import { RequiredNodeAffinity, termMatches, type NodeSelectorTerm } from "../helpers/node-selector";

export const NodeAffinityName = "NodeAffinity";
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
export const ErrReasonConflict = "pod affinity terms conflict";

const filterKey = "PreFilter" + NodeAffinityName;
const scoreKey = "PreScore" + NodeAffinityName;

interface Preferred {
  weight?: number;
  preference?: NodeSelectorTerm;
}

/** Node names every required term pins the pod to, or undefined if some term allows any node. */
function pinnedNodes(terms: NodeSelectorTerm[]): Set<string> | undefined {
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const f of t.matchFields ?? []) {
      if (f.key !== "metadata.name" || f.operator !== "In") continue;
      const s = new Set(f.values ?? []);
      // Requirements in one term are ANDed: intersect.
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

export const nodeAffinity: Plugin = {
  name: NodeAffinityName,
  events: [{ resource: "Node", actions: ["Add", "UpdateLabel"] }],
  preFilter(pod, _snapshot, state) {
    const required = new RequiredNodeAffinity(pod.pod.spec);
    if (required.isEmpty) return { skip: true };
    state.write(filterKey, required);
    const terms: NodeSelectorTerm[] = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    if (terms.length === 0) return undefined;
    const names = pinnedNodes(terms);
    if (names && names.size === 0) return { status: unresolvable(ErrReasonConflict) };
    return names ? { nodeNames: names } : undefined;
  },
  filter(pod, node, state) {
    const required = state.read<RequiredNodeAffinity>(filterKey) ?? new RequiredNodeAffinity(pod.pod.spec);
    return required.matches(node.node!) ? undefined : unresolvable(ErrReasonPod);
  },
  preScore(pod, _feasible, _snapshot, state) {
    const preferred: Preferred[] = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const terms = preferred.filter((p) => p.weight && p.preference);
    if (terms.length === 0) return "skip";
    state.write(scoreKey, terms);
    return undefined;
  },
  score(_pod, node, state) {
    let sum = 0;
    for (const p of state.read<Preferred[]>(scoreKey) ?? []) if (termMatches(p.preference!, node.node!)) sum += p.weight!;
    return sum;
  },
  normalize(scores) {
    defaultNormalizeScore(scores, false);
  },
};
