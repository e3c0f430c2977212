// Node selectors as component-helpers' nodeaffinity matches them: terms are ORed, a term's
// requirements ANDed, an empty term matches nothing; matchFields knows only metadata.name.
// A pod's required node affinity is its nodeSelector AND its required terms.

import type { KubeObject } from "../../api/object";
import { requirementMatches, type Operator, type Requirement } from "../../api/selectors/requirement";

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

const operators: Record<string, Operator> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!", Gt: "gt", Lt: "lt" };

function asRequirement(r: NodeSelectorRequirement): Requirement | undefined {
  const operator = operators[r.operator];
  return operator ? { key: r.key, operator, values: r.values ?? [] } : undefined;
}

function fieldMatches(r: NodeSelectorRequirement, node: KubeObject): boolean {
  if (r.key !== "metadata.name") return false;
  const values = r.values ?? [];
  // Validation allows exactly one value; anything else is an error, which matches nothing.
  if (values.length !== 1) return false;
  if (r.operator === "In") return node.metadata.name === values[0];
  if (r.operator === "NotIn") return node.metadata.name !== values[0];
  return false;
}

export function termMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const e of exprs) {
    const r = asRequirement(e);
    if (!r || !requirementMatches(r, node.metadata.labels)) return false;
  }
  return fields.every((f) => fieldMatches(f, node));
}

export function anyTermMatches(terms: readonly NodeSelectorTerm[], node: KubeObject): boolean {
  return terms.some((t) => termMatches(t, node));
}

/** The hard node constraints of a pod (spec.nodeSelector + required node affinity). */
export class RequiredNodeAffinity {
  private readonly selector: [string, string][];
  private readonly terms: NodeSelectorTerm[] | undefined;

  constructor(spec: Record<string, any> | undefined) {
    this.selector = Object.entries((spec?.nodeSelector ?? {}) as Record<string, string>);
    this.terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  }

  get isEmpty(): boolean {
    return this.selector.length === 0 && this.terms === undefined;
  }

  matches(node: KubeObject): boolean {
    const labels = node.metadata.labels ?? {};
    for (const [k, v] of this.selector) if (labels[k] !== v) return false;
    return this.terms === undefined || anyTermMatches(this.terms, node);
  }
}
