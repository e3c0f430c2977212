// Topology spread constraints as PodTopologySpread evaluates them: the pod's own (with
// matchLabelKeys folded into the selector), or — for a pod that declares none — the system
// defaults kube-scheduler 1.32 applies: ScheduleAnyway over hostname (maxSkew 3) and zone (maxSkew 5).

import { LabelSelector, selectorFromLabelSelector, type LabelSelectorSpec } from "../../api/selectors/labels";
import type { Requirement } from "../../api/selectors/requirement";
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import type { RequiredNodeAffinity } from "./node-selector";
import { doNotSchedule, findUntoleratedTaint } from "./taints";

export const LabelHostname = "kubernetes.io/hostname";
export const LabelTopologyZone = "topology.kubernetes.io/zone";

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
  /** Does the incoming pod itself match the selector (it will add one to its domain)? */
  selfMatch: boolean;
  /** Matching pods on a node: same namespace, not terminating. */
  count(node: NodeInfo): number;
}

interface ConstraintSpec {
  maxSkew?: number;
  topologyKey?: string;
  whenUnsatisfiable?: string;
  labelSelector?: LabelSelectorSpec | null;
  minDomains?: number;
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
  matchLabelKeys?: string[];
}

function selectorOf(spec: ConstraintSpec, labels: Record<string, string>): LabelSelector {
  let sel: LabelSelector;
  try {
    sel = selectorFromLabelSelector(spec.labelSelector);
  } catch {
    return LabelSelector.nothing();
  }
  // matchLabelKeys: the pod's own values for those keys narrow the selector (e.g. pod-template-hash).
  const extra: Requirement[] = (spec.matchLabelKeys ?? []).filter((k) => k in labels).map((k) => ({ key: k, operator: "=", values: [labels[k]!] }));
  if (extra.length === 0) return sel;
  // Upstream merges into the selector's requirements; a nil selector contributes none.
  return LabelSelector.of([...extra, ...sel.requirements]);
}

function countBySelector(sel: LabelSelector, namespace: string): (node: NodeInfo) => number {
  return (node) => {
    // Upstream counts nothing for an empty selector.
    if (sel.isEmpty()) return 0;
    let n = 0;
    for (const p of node.pods) if (!p.terminating && p.namespace === namespace && sel.matches(p.labels)) n++;
    return n;
  };
}

export function podConstraints(pod: PodInfo, when: "DoNotSchedule" | "ScheduleAnyway"): SpreadConstraint[] {
  const specs: ConstraintSpec[] = pod.pod.spec?.topologySpreadConstraints ?? [];
  return specs
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => {
      const sel = selectorOf(c, pod.labels);
      return {
        maxSkew: c.maxSkew ?? 1,
        topologyKey: c.topologyKey ?? "",
        // minDomains only applies to DoNotSchedule; absent means 1.
        minDomains: when === "DoNotSchedule" ? (c.minDomains ?? 1) : 1,
        honorNodeAffinity: (c.nodeAffinityPolicy ?? "Honor") === "Honor",
        honorNodeTaints: c.nodeTaintsPolicy === "Honor",
        selfMatch: sel.matches(pod.labels),
        count: countBySelector(sel, pod.namespace),
      };
    });
}

// Upstream derives the default selector from the Services, ReplicaSets, ReplicationControllers
// and StatefulSets selecting the pod; we approximate it by the pod's controller (the pods sharing
// its owner uid), which NodeInfo counts in O(1).
const spreadOwners = new Set(["ReplicaSet", "ReplicationController", "StatefulSet"]);

export function defaultConstraints(pod: PodInfo): SpreadConstraint[] {
  const uid = pod.controllerUid;
  if (!uid || !spreadOwners.has(pod.controllerKind ?? "")) return [];
  const base = { minDomains: 1, honorNodeAffinity: true, honorNodeTaints: false, selfMatch: true, count: (n: NodeInfo) => n.ownerCounts.get(uid) ?? 0 };
  return [
    { ...base, topologyKey: LabelHostname, maxSkew: 3 },
    { ...base, topologyKey: LabelTopologyZone, maxSkew: 5 },
  ];
}

export function hasAllTopologyKeys(labels: Record<string, string>, constraints: readonly SpreadConstraint[]): boolean {
  return constraints.every((c) => Object.hasOwn(labels, c.topologyKey));
}

/** nodeAffinityPolicy / nodeTaintsPolicy: which nodes' domains count at all. */
export function nodeIncluded(c: SpreadConstraint, pod: PodInfo, node: NodeInfo, required: RequiredNodeAffinity): boolean {
  if (c.honorNodeAffinity && !required.matches(node.node!)) return false;
  if (c.honorNodeTaints && findUntoleratedTaint(node.taints, pod.tolerations, doNotSchedule)) return false;
  return true;
}
