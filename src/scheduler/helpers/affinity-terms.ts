// Pod (anti-)affinity terms, compiled once per pod as upstream's PodInfo does: a label selector,
// the namespaces it looks in, and the topology key that defines "together".

import { LabelSelector, selectorFromLabelSelector, type LabelSelectorSpec } from "../../api/selectors/labels";

export interface AffinityTerm {
  selector: LabelSelector;
  /** Namespaces named in the term (or the owning pod's own, when neither list nor selector is set). */
  namespaces: ReadonlySet<string>;
  /** Matches namespaces by their labels; Nothing when the term has no namespaceSelector. */
  namespaceSelector: LabelSelector;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

interface PodAffinityTermSpec {
  labelSelector?: LabelSelectorSpec | null;
  namespaces?: string[] | null;
  namespaceSelector?: LabelSelectorSpec | null;
  topologyKey?: string;
}

/** The API server validated these; a selector that still fails to compile selects nothing. */
function compile(spec: LabelSelectorSpec | null | undefined): LabelSelector {
  try {
    return selectorFromLabelSelector(spec);
  } catch {
    return LabelSelector.nothing();
  }
}

function term(ownNamespace: string, t: PodAffinityTermSpec): AffinityTerm {
  const listed = t.namespaces ?? [];
  const namespaces = listed.length === 0 && !t.namespaceSelector ? new Set([ownNamespace]) : new Set(listed);
  return {
    selector: compile(t.labelSelector),
    namespaces,
    namespaceSelector: compile(t.namespaceSelector),
    topologyKey: t.topologyKey ?? "",
  };
}

export function requiredTerms(ownNamespace: string, specs: PodAffinityTermSpec[] | undefined): AffinityTerm[] {
  return (specs ?? []).map((t) => term(ownNamespace, t));
}

export function weightedTerms(
  ownNamespace: string,
  specs: { weight?: number; podAffinityTerm?: PodAffinityTermSpec }[] | undefined,
): WeightedAffinityTerm[] {
  return (specs ?? []).map((w) => ({ ...term(ownNamespace, w.podAffinityTerm ?? {}), weight: w.weight ?? 0 }));
}

/** Namespace labels come from outside (the scheduler may not cache namespaces). */
export type NamespaceLabels = (namespace: string) => Record<string, string> | undefined;

export function termMatches(
  t: AffinityTerm,
  pod: { namespace: string; labels: Record<string, string> },
  nsLabels: NamespaceLabels,
): boolean {
  // An empty namespaceSelector means every namespace; an absent one (Nothing) adds none.
  const inNamespace = t.namespaces.has(pod.namespace) || t.namespaceSelector.matches(nsLabels(pod.namespace) ?? {});
  return inNamespace && t.selector.matches(pod.labels);
}

export function matchesAllTerms(
  terms: readonly AffinityTerm[],
  pod: { namespace: string; labels: Record<string, string> },
  nsLabels: NamespaceLabels,
): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, nsLabels));
}
