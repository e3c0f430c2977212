// Deployments and ReplicaSets (apps validation), plus apps/v1's immutable selector.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { errForbidden, errInvalid, errNotSupported, errRequired, immutable, isObj, nonNegative, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { nameIsDNSSubdomain } from "../names";
import { intOrPercentValue, notMoreThan100Percent, validateIntOrPercent, validateSelectorAndTemplate } from "./common";

const meta = { namespaced: true, nameValidator: nameIsDNSSubdomain };

function validateStrategy(strategy: unknown): FieldError[] {
  const s: Obj = isObj(strategy) ? strategy : {};
  const p = "spec.strategy";
  if (s.type === "Recreate") {
    return s.rollingUpdate !== undefined && s.rollingUpdate !== null
      ? [errForbidden(`${p}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (s.type === "RollingUpdate") {
    if (!isObj(s.rollingUpdate)) return [errRequired(`${p}.rollingUpdate`, "this should be defaulted and never be nil")];
    const ru = s.rollingUpdate;
    const errs = [
      ...validateIntOrPercent(ru.maxUnavailable, `${p}.rollingUpdate.maxUnavailable`),
      ...validateIntOrPercent(ru.maxSurge, `${p}.rollingUpdate.maxSurge`),
    ];
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(errInvalid(`${p}.rollingUpdate.maxUnavailable`, ru.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
    }
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.rollingUpdate.maxUnavailable`));
    return errs;
  }
  return [errNotSupported(p, s, ["Recreate", "RollingUpdate"])];
}

function validateDeploymentSpec(spec: Obj): FieldError[] {
  const errs = [...nonNegative(spec.replicas, "spec.replicas"), ...validateSelectorAndTemplate(spec, "ReplicaSet", "deployment")];
  errs.push(...validateStrategy(spec.strategy));
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  const pds = spec.progressDeadlineSeconds;
  if (typeof pds === "number") {
    errs.push(...nonNegative(pds, "spec.progressDeadlineSeconds"));
    if (pds <= (spec.minReadySeconds ?? 0)) errs.push(errInvalid("spec.progressDeadlineSeconds", pds, "must be greater than minReadySeconds"));
  }
  return errs;
}

export function validateDeployment(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, meta), ...validateDeploymentSpec(isObj(obj.spec) ? obj.spec : {})];
}

/** apps/v1 makes the selector immutable (the deployment strategy's ValidateUpdate). */
export function validateDeploymentUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateDeploymentSpec(isObj(obj.spec) ? obj.spec : {}),
    ...immutable(obj.spec?.selector, old.spec?.selector, "spec.selector"),
  ];
}

function validateReplicaSetSpec(spec: Obj): FieldError[] {
  return [
    ...nonNegative(spec.replicas, "spec.replicas"),
    ...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"),
    ...validateSelectorAndTemplate(spec, "ReplicaSet", "deployment"),
  ];
}

export function validateReplicaSet(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, meta), ...validateReplicaSetSpec(isObj(obj.spec) ? obj.spec : {})];
}

export function validateReplicaSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateReplicaSetSpec(isObj(obj.spec) ? obj.spec : {}),
    ...immutable(obj.spec?.selector, old.spec?.selector, "spec.selector"),
  ];
}
