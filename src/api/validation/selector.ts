// metav1.LabelSelector validation (meta/v1/validation) and matching, as LabelSelectorAsSelector
// does it, for the "`selector` does not match template `labels`" checks of workload kinds.
import type { FieldError } from "../errors";
import { asArray, child, errForbidden, errInvalid, errRequired, index, isObj, msgs, str, type Obj } from "./field";
import { isLabelValue, isQualifiedName } from "./names";
import { validateLabels } from "./meta";
import { selectorFromLabelSelector, type LabelSelectorSpec } from "../selectors/labels";

/**
 * The values a requirement's operator allows, as both label selectors and node selectors check
 * them; node selectors also take the numeric Gt/Lt.
 */
export function operatorValueErrors(operator: unknown, values: unknown[], p: string, numeric = false): FieldError[] {
  switch (operator) {
    case "In":
    case "NotIn":
      return values.length === 0 ? [errRequired(child(p, "values"), "must be specified when `operator` is 'In' or 'NotIn'")] : [];
    case "Exists":
    case "DoesNotExist":
      return values.length > 0 ? [errForbidden(child(p, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")] : [];
    case "Gt":
    case "Lt":
      if (numeric) return values.length !== 1 ? [errRequired(child(p, "values"), "must be specified single value when `operator` is 'Lt' or 'Gt'")] : [];
  }
  return [errInvalid(child(p, "operator"), (operator as string) ?? "", "not a valid selector operator")];
}

export function validateLabelSelector(sel: unknown, field: string): FieldError[] {
  if (!isObj(sel)) return [];
  const errs = validateLabels(sel.matchLabels, child(field, "matchLabels"));
  asArray(sel.matchExpressions).forEach((expr: Obj, i) => {
    const p = index(child(field, "matchExpressions"), i);
    const values = asArray(expr?.values);
    errs.push(...operatorValueErrors(expr?.operator, values, p));
    errs.push(...msgs(child(p, "key"), str(expr?.key), isQualifiedName(str(expr?.key))));
    values.forEach((v, j) => errs.push(...msgs(index(child(p, "values"), j), v, isLabelValue(str(v)))));
  });
  return errs;
}

/** A compiled selector: `null` input selects nothing, `{}` selects everything (upstream semantics). */
export interface Selector {
  empty: boolean;
  matches(labels: Record<string, string> | undefined): boolean;
}

/** LabelSelectorAsSelector; undefined when the selector cannot be compiled (validation reports why). */
export function compileSelector(sel: unknown): Selector | undefined {
  try {
    const compiled = selectorFromLabelSelector(sel as LabelSelectorSpec | null | undefined);
    return { empty: compiled.isEmpty(), matches: (labels) => compiled.matches(labels) };
  } catch {
    return undefined;
  }
}

/** A map selector (ReplicationController, Service): every pair must be present. */
export function mapSelectorMatches(sel: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v);
}

export const selectorMismatchMsg = "`selector` does not match template `labels`";
