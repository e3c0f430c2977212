// StatefulSets (apps validation): pod management and update strategy, selector/template, and
// the short list of spec fields an update may change.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, errForbidden, errInvalid, errNotSupported, errRequired, index, isObj, nonNegative, semanticEqual, type Obj } from "../field";
import { validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { nameIsDNSLabel } from "../names";
import { compileSelector, selectorMismatchMsg, validateLabelSelector } from "../selector";
import { validatePVCSpec } from "../core/storage";
import { intOrPercentValue, notMoreThan100Percent, validateIntOrPercent } from "./common";

const retention = ["Retain", "Delete"];

function validateUpdateStrategy(us: Obj): FieldError[] {
  const p = "spec.updateStrategy";
  switch (us.type) {
    case undefined:
    case null:
    case "":
      return [errRequired(p)];
    case "OnDelete":
      return isObj(us.rollingUpdate) ? [errInvalid(`${p}.rollingUpdate`, us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'")] : [];
    case "RollingUpdate": {
      if (!isObj(us.rollingUpdate)) return [];
      const ru = us.rollingUpdate;
      const errs = nonNegative(ru.partition, `${p}.rollingUpdate.partition`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
        const mp = `${p}.rollingUpdate.maxUnavailable`;
        errs.push(...validateIntOrPercent(ru.maxUnavailable, mp));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(errInvalid(mp, ru.maxUnavailable, "cannot be 0"));
        errs.push(...notMoreThan100Percent(ru.maxUnavailable, mp));
      }
      return errs;
    }
    default:
      return [errInvalid(p, us, "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

function validateSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.push(errRequired("spec.podManagementPolicy"));
  else if (pmp !== "OrderedReady" && pmp !== "Parallel") errs.push(errInvalid("spec.podManagementPolicy", pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(isObj(spec.updateStrategy) ? spec.updateStrategy : {}));
  const pol = spec.persistentVolumeClaimRetentionPolicy;
  if (isObj(pol)) {
    for (const f of ["whenDeleted", "whenScaled"]) {
      if (!retention.includes(pol[f])) errs.push(errNotSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, pol[f] ?? "", retention));
    }
  }
  errs.push(...nonNegative(spec.replicas, "spec.replicas"), ...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  if (isObj(spec.ordinals)) errs.push(...nonNegative(spec.ordinals.start, "spec.ordinals.start"));
  const sel = spec.selector;
  if (!isObj(sel)) errs.push(errRequired("spec.selector"));
  else {
    errs.push(...validateLabelSelector(sel, "spec.selector"));
    if (Object.keys(sel.matchLabels ?? {}).length + asArray(sel.matchExpressions).length === 0) {
      errs.push(errInvalid("spec.selector", sel, "empty selector is invalid for statefulset"));
    }
  }
  const compiled = compileSelector(sel);
  const tpl: Obj = isObj(spec.template) ? spec.template : {};
  if (!compiled) errs.push(errInvalid("spec.selector", sel, ""));
  else if (!compiled.empty && !compiled.matches(tpl.metadata?.labels)) {
    errs.push(errInvalid("spec.template.metadata.labels", tpl.metadata?.labels ?? null, selectorMismatchMsg));
  }
  // Upstream checks only the template's labels and annotations here, not the whole pod spec.
  errs.push(...validateLabels(tpl.metadata?.labels, "spec.template.labels"));
  errs.push(...validateAnnotations(tpl.metadata?.annotations, "spec.template.annotations"));
  if (tpl.spec?.restartPolicy !== "Always") errs.push(errNotSupported("spec.template.spec.restartPolicy", tpl.spec?.restartPolicy ?? "", ["Always"]));
  if (tpl.spec?.activeDeadlineSeconds !== undefined && tpl.spec?.activeDeadlineSeconds !== null) {
    errs.push(errForbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported"));
  }
  asArray(spec.volumeClaimTemplates).forEach((t, i) => errs.push(...validatePVCSpec(isObj(t?.spec) ? t.spec : {}, `${index("spec.volumeClaimTemplates", i)}.spec`)));
  return errs;
}

export function validateStatefulSet(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSLabel }), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
}

const mutable = ["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

export function validateStatefulSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec: Obj = isObj(obj.spec) ? obj.spec : {};
  const errs = [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateSpec(spec)];
  const strip = (s: Obj) => Object.fromEntries(Object.entries(s).filter(([k]) => !mutable.includes(k)));
  if (!semanticEqual(strip(spec), strip(isObj(old.spec) ? old.spec : {}))) {
    errs.push(
      errForbidden(
        "spec",
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}
