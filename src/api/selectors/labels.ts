// Label selectors as kube-apiserver evaluates them: the `labelSelector` query string
// (labels.Parse) and the structured metav1.LabelSelector (LabelSelectorAsSelector).

import { errors } from "../errors";
import { SelectorSyntaxError, parseLabelRequirements } from "./label-parser";
import {
  type Operator,
  type Requirement,
  requirementError,
  requirementMatches,
  requirementString,
  sortByKey,
} from "./requirement";
import { goQuote } from "./validation";

export type { Operator, Requirement } from "./requirement";

export class LabelSelector {
  private constructor(
    /** Sorted by key; AND-ed together. */
    readonly requirements: readonly Requirement[],
    /** labels.Nothing(): what a nil metav1.LabelSelector means. */
    private readonly nothing = false,
  ) {}

  static everything(): LabelSelector {
    return new LabelSelector([]);
  }

  static nothing(): LabelSelector {
    return new LabelSelector([], true);
  }

  static of(requirements: Requirement[]): LabelSelector {
    return new LabelSelector(sortByKey([...requirements]));
  }

  matches(labels: Record<string, string> | undefined): boolean {
    if (this.nothing) return false;
    return this.requirements.every((r) => requirementMatches(r, labels));
  }

  /** True when the selector does not restrict anything (Nothing is not empty: it excludes all). */
  isEmpty(): boolean {
    return !this.nothing && this.requirements.length === 0;
  }

  /** Upstream's canonical form: requirements by key, joined by ",". */
  toString(): string {
    return this.requirements.map(requirementString).join(",");
  }
}

/** The `labelSelector` query parameter; bad syntax is a 400 with upstream's message. */
export function parseLabelSelector(text: string): LabelSelector {
  try {
    return LabelSelector.of(parseLabelRequirements(text));
  } catch (e) {
    if (e instanceof SelectorSyntaxError) throw errors.badRequest(e.message);
    throw e;
  }
}

export interface LabelSelectorRequirementSpec {
  key: string;
  operator: string;
  values?: string[] | null;
}

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirementSpec[] | null;
}

const expressionOperators: Record<string, Operator> = {
  In: "in",
  NotIn: "notin",
  Exists: "exists",
  DoesNotExist: "!",
};

/**
 * metav1.LabelSelector → selector. Absent (nil) selects nothing; present but empty selects
 * everything — the difference matters for e.g. a PodDisruptionBudget or NetworkPolicy.
 */
export function selectorFromLabelSelector(sel: LabelSelectorSpec | undefined | null): LabelSelector {
  if (sel === undefined || sel === null) return LabelSelector.nothing();
  const matchLabels = Object.entries(sel.matchLabels ?? {});
  const expressions = sel.matchExpressions ?? [];
  if (matchLabels.length + expressions.length === 0) return LabelSelector.everything();

  const reqs: Requirement[] = [];
  const add = (key: string, operator: Operator, values: string[]) => {
    const err = requirementError(key, operator, values);
    if (err) throw errors.badRequest(err);
    reqs.push({ key, operator, values });
  };
  // Go walks the map in random order; sorting makes the first reported error stable.
  for (const [k, v] of matchLabels.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) add(k, "=", [v]);
  for (const expr of expressions) {
    const op = Object.hasOwn(expressionOperators, expr.operator) ? expressionOperators[expr.operator] : undefined;
    if (!op) throw errors.badRequest(`${goQuote(String(expr.operator))} is not a valid label selector operator`);
    add(expr.key, op, [...(expr.values ?? [])]);
  }
  return LabelSelector.of(reqs);
}
