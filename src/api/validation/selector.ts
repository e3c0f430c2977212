// metav1.LabelSelector validation (meta/v1/validation) and matching, as LabelSelectorAsSelector
// does it, for the "`selector` does not match template `labels`" checks of workload kinds.
import type { FieldError } from "../errors";
import { asArray, child, errForbidden, errInvalid, errRequired, index, isObj, msgs, str, type Obj } from "./field";
import { isLabelValue, isQualifiedName } from "./names";
import { validateLabels } from "./meta";

const operators = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

export function validateLabelSelector(sel: unknown, field: string): FieldError[] {
  if (!isObj(sel)) return [];
  const errs = validateLabels(sel.matchLabels, child(field, "matchLabels"));
  asArray(sel.matchExpressions).forEach((expr: Obj, i) => {
    const p = index(child(field, "matchExpressions"), i);
    const values = asArray(expr?.values);
    switch (expr?.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) errs.push(errRequired(child(p, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length > 0) errs.push(errForbidden(child(p, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(errInvalid(child(p, "operator"), expr?.operator ?? "", "not a valid selector operator"));
    }
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

/** LabelSelectorAsSelector; returns undefined when the selector cannot be compiled. */
export function compileSelector(sel: unknown): Selector | undefined {
  if (sel === undefined || sel === null) return { empty: false, matches: () => false };
  if (!isObj(sel)) return undefined;
  const reqs: ((l: Record<string, string>) => boolean)[] = [];
  for (const [k, v] of Object.entries(isObj(sel.matchLabels) ? sel.matchLabels : {})) {
    if (isQualifiedName(k).length || isLabelValue(str(v)).length) return undefined;
    reqs.push((l) => k in l && l[k] === v);
  }
  for (const expr of asArray(sel.matchExpressions)) {
    const k = str(expr?.key);
    const values = asArray(expr?.values).map(str);
    if (!operators.has(expr?.operator) || isQualifiedName(k).length) return undefined;
    if ((expr.operator === "In" || expr.operator === "NotIn") && values.length === 0) return undefined;
    if ((expr.operator === "Exists" || expr.operator === "DoesNotExist") && values.length > 0) return undefined;
    switch (expr.operator) {
      case "In":
        reqs.push((l) => k in l && values.includes(l[k]!));
        break;
      case "NotIn":
        reqs.push((l) => !(k in l) || !values.includes(l[k]!));
        break;
      case "Exists":
        reqs.push((l) => k in l);
        break;
      default:
        reqs.push((l) => !(k in l));
    }
  }
  return { empty: reqs.length === 0, matches: (labels) => reqs.every((r) => r(labels ?? {})) };
}

/** A map selector (ReplicationController, Service): every pair must be present. */
export function mapSelectorMatches(sel: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v);
}

export const selectorMismatchMsg = "`selector` does not match template `labels`";
