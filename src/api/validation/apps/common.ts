// Helpers shared by apps (and policy) validation: int-or-percent values and the selector +
// template check of ReplicaSet-like controllers.
import type { FieldError } from "../../errors";
import { errInvalid, errRequired, isObj, msgs, nonNegative, type Obj } from "../field";
import { isPercent } from "../names";
import { compileSelector, validateLabelSelector } from "../selector";
import { validateControllerTemplate } from "../core/controller";

/** ValidatePositiveIntOrPercent. */
export function validateIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === "string") return msgs(field, v, isPercent(v));
  if (typeof v === "number") return nonNegative(v, field);
  return [errInvalid(field, v, "must be an integer or percentage (e.g '5%%')")];
}

function percentValue(v: unknown): number | undefined {
  return typeof v === "string" && isPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined;
}

/** getIntOrPercentValue: the number, whether given as 3 or as "3%". */
export function intOrPercentValue(v: unknown): number {
  return percentValue(v) ?? (typeof v === "number" ? v : 0);
}

export function notMoreThan100Percent(v: unknown, field: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [errInvalid(field, v, "must not be greater than 100%")] : [];
}

/**
 * The selector rules of Deployments and ReplicaSets (apps validation): required, valid,
 * non-empty, and matching the pod template's labels.
 */
export function validateSelectorAndTemplate(spec: Obj, kind: string, emptyKindName: string): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (sel === undefined || sel === null) errs.push(errRequired("spec.selector"));
  else {
    errs.push(...validateLabelSelector(sel, "spec.selector"));
    const n = Object.keys(isObj(sel.matchLabels) ? sel.matchLabels : {}).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0);
    if (n === 0) errs.push(errInvalid("spec.selector", sel, `empty selector is invalid for ${emptyKindName}`));
  }
  const compiled = compileSelector(sel);
  if (!compiled) errs.push(errInvalid("spec.selector", sel, "invalid label selector"));
  else {
    const matches = compiled.empty ? undefined : compiled.matches(spec.template?.metadata?.labels);
    errs.push(...validateControllerTemplate(spec.template, matches, "spec.template", kind));
  }
  return errs;
}
