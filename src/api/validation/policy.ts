// PodDisruptionBudgets (policy validation): minAvailable xor maxUnavailable, int or percent.
import type { FieldError } from "../errors";
import type { KubeObject } from "../object";
import { errInvalid, errNotSupported, isObj, type Obj } from "./field";
import { validateObjectMeta, validateObjectMetaUpdate } from "./meta";
import { nameIsPathSegment } from "./names";
import { validateLabelSelector } from "./selector";
import { notMoreThan100Percent, validateIntOrPercent } from "./apps/common";

const evictionPolicies = ["AlwaysAllow", "IfHealthyBudget"];

function validateSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const set = (v: unknown): boolean => v !== undefined && v !== null;
  if (set(spec.minAvailable) && set(spec.maxUnavailable)) {
    errs.push(errInvalid("spec", spec, "minAvailable and maxUnavailable cannot be both set"));
  }
  for (const f of ["minAvailable", "maxUnavailable"]) {
    if (set(spec[f])) errs.push(...validateIntOrPercent(spec[f], `spec.${f}`), ...notMoreThan100Percent(spec[f], `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const p = spec.unhealthyPodEvictionPolicy;
  if (set(p) && !evictionPolicies.includes(p)) errs.push(errNotSupported("spec.unhealthyPodEvictionPolicy", p, evictionPolicies));
  return errs;
}

// Upstream's PDB validation has no name rule of its own; only the generic path-segment check runs.
export function validatePodDisruptionBudget(obj: KubeObject): FieldError[] {
  return [...validateSpec(isObj(obj.spec) ? obj.spec : {}), ...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsPathSegment })];
}

export function validatePodDisruptionBudgetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
}
