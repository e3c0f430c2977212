// DaemonSets (apps validation): selector/template, update strategy, immutable selector.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, errForbidden, errInvalid, errNotSupported, errRequired, immutable, isObj, nonNegative, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { nameIsDNSSubdomain } from "../names";
import { compileSelector, selectorMismatchMsg, validateLabelSelector } from "../selector";
import { validatePodTemplateSpec } from "../core/podspec";
import { intOrPercentValue, notMoreThan100Percent, validateIntOrPercent } from "./common";

function validateUpdateStrategy(us: Obj): FieldError[] {
  const p = "spec.updateStrategy";
  if (us.type === "OnDelete") return [];
  if (us.type !== "RollingUpdate") return [errNotSupported(p, us, ["RollingUpdate", "OnDelete"])];
  if (!isObj(us.rollingUpdate)) return [errRequired(`${p}.rollingUpdate`)];
  const ru = us.rollingUpdate;
  const mu = `${p}.rollingUpdate.maxUnavailable`;
  const ms = `${p}.rollingUpdate.maxSurge`;
  const errs = [...validateIntOrPercent(ru.maxUnavailable, mu), ...validateIntOrPercent(ru.maxSurge, ms)];
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, mu), ...notMoreThan100Percent(ru.maxSurge, ms));
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(errInvalid(ms, ru.maxSurge, "may not be set when maxUnavailable is non-zero"));
  if (!hasUnavailable && !hasSurge) errs.push(errRequired(mu, "cannot be 0 when maxSurge is 0"));
  return errs;
}

function validateSpec(spec: Obj): FieldError[] {
  const errs = validateLabelSelector(spec.selector, "spec.selector");
  const tpl: Obj = isObj(spec.template) ? spec.template : {};
  const compiled = compileSelector(spec.selector);
  if (compiled && !compiled.matches(tpl.metadata?.labels)) {
    errs.push(errInvalid("spec.template.metadata.labels", tpl.metadata?.labels ?? null, selectorMismatchMsg));
  }
  const sel = spec.selector;
  if (isObj(sel) && Object.keys(sel.matchLabels ?? {}).length + asArray(sel.matchExpressions).length === 0) {
    errs.push(errInvalid("spec.selector", sel, "empty selector is invalid for daemonset"));
  }
  errs.push(...validatePodTemplateSpec(tpl, "spec.template"));
  if (tpl.spec?.restartPolicy !== "Always") errs.push(errNotSupported("spec.template.spec.restartPolicy", tpl.spec?.restartPolicy ?? "", ["Always"]));
  if (tpl.spec?.activeDeadlineSeconds !== undefined && tpl.spec?.activeDeadlineSeconds !== null) {
    errs.push(errForbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in DaemonSet is not Supported"));
  }
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"), ...nonNegative(spec.templateGeneration, "spec.templateGeneration"));
  errs.push(...validateUpdateStrategy(isObj(spec.updateStrategy) ? spec.updateStrategy : {}));
  errs.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  return errs;
}

export function validateDaemonSet(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
}

export function validateDaemonSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateSpec(isObj(obj.spec) ? obj.spec : {}),
    ...immutable(obj.spec?.selector, old.spec?.selector, "spec.selector"),
  ];
}
