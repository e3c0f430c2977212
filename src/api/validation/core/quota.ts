// ResourceQuotas and LimitRanges: resource names, quantities, scopes and min/default/max ordering.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, child, errDuplicate, errForbidden, errInvalid, errRequired, index, isObj, key, msgs, str, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { isQualifiedName, nameIsDNSSubdomain } from "../names";
import { cmpQuantity, formatQuantity, type Quantity } from "../quantity";
import {
  isOvercommitAllowed,
  quantityAt,
  validateContainerResourceName,
  validateQuantityValue,
  validateQuotaResourceName,
  validateResourceName,
} from "./resources";

const meta = { namespaced: true, nameValidator: nameIsDNSSubdomain };
const scopes = ["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity", "VolumeAttributesClass"];

function validateQuotaSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(isObj(spec.hard) ? spec.hard : {})) {
    const p = key("spec.hard", k);
    errs.push(...validateQuotaResourceName(k, p));
    const q = quantityAt(v, p, errs);
    if (q) errs.push(...validateQuantityValue(k, q, p));
  }
  const list = asArray(spec.scopes);
  for (const s of list) if (!scopes.includes(s)) errs.push(errInvalid("spec.scopes", list, "unsupported scope"));
  const has = (s: string) => list.includes(s);
  if ((has("BestEffort") && has("NotBestEffort")) || (has("Terminating") && has("NotTerminating"))) {
    errs.push(errInvalid("spec.scopes", list, "conflicting scopes"));
  }
  return errs;
}

export function validateResourceQuota(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, meta), ...validateQuotaSpec(isObj(obj.spec) ? obj.spec : {})];
}

export function validateResourceQuotaUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateQuotaSpec(isObj(obj.spec) ? obj.spec : {})];
  const next = new Set(asArray(obj.spec?.scopes));
  const prev = new Set(asArray(old.spec?.scopes));
  if (next.size !== prev.size || [...next].some((s) => !prev.has(s))) {
    errs.push(errInvalid("spec.scopes", obj.spec?.scopes ?? null, "field is immutable"));
  }
  return errs;
}

const limitTypes = ["Pod", "Container", "PersistentVolumeClaim"];

function limitResourceName(type: string, name: string, field: string): FieldError[] {
  return type === "Pod" || type === "Container" ? validateContainerResourceName(name, field) : validateResourceName(name, field);
}

function validateLimitItem(limit: Obj, p: string, errs: FieldError[]): void {
  const type = str(limit.type);
  const bad = msgs(child(p, "type"), type, isQualifiedName(type));
  if (bad.length) errs.push(...bad);
  else if (!type.includes("/") && !limitTypes.includes(type)) {
    errs.push(errInvalid(child(p, "type"), type, "must be a standard limit type or fully qualified"));
  }
  const sections: Record<string, Map<string, Quantity>> = {};
  for (const section of ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"]) {
    sections[section] = new Map();
    const values = isObj(limit[section]) ? limit[section] : {};
    if (type === "Pod" && (section === "default" || section === "defaultRequest")) {
      if (Object.keys(values).length) errs.push(errForbidden(child(p, section), "may not be specified when `type` is 'Pod'"));
      continue;
    }
    for (const [k, v] of Object.entries(values)) {
      const f = key(child(p, section), k);
      errs.push(...limitResourceName(type, k, f));
      const q = quantityAt(v, f, errs);
      if (q) sections[section]!.set(k, q);
    }
  }
  if (type === "PersistentVolumeClaim" && !sections.min!.has("storage") && !sections.max!.has("storage")) {
    errs.push(errRequired(child(p, "limits"), "either minimum or maximum storage value is required, but neither was provided"));
  }
  const keys = new Set(Object.values(sections).flatMap((m) => [...m.keys()]));
  for (const k of keys) {
    const [min, max, def, req, ratio] = ["min", "max", "default", "defaultRequest", "maxLimitRequestRatio"].map((s) => sections[s]!.get(k));
    const s = (q: Quantity) => formatQuantity(q);
    const gt = (a?: Quantity, b?: Quantity) => a !== undefined && b !== undefined && cmpQuantity(a, b) > 0;
    if (gt(min, max)) errs.push(errInvalid(key(child(p, "min"), k), s(min!), `min value ${s(min!)} is greater than max value ${s(max!)}`));
    if (gt(min, req)) errs.push(errInvalid(key(child(p, "defaultRequest"), k), s(req!), `min value ${s(min!)} is greater than default request value ${s(req!)}`));
    if (gt(req, max)) errs.push(errInvalid(key(child(p, "defaultRequest"), k), s(req!), `default request value ${s(req!)} is greater than max value ${s(max!)}`));
    if (gt(req, def)) errs.push(errInvalid(key(child(p, "defaultRequest"), k), s(req!), `default request value ${s(req!)} is greater than default limit value ${s(def!)}`));
    if (gt(min, def)) errs.push(errInvalid(key(child(p, "default"), k), s(min!), `min value ${s(min!)} is greater than default value ${s(def!)}`));
    if (gt(def, max)) errs.push(errInvalid(key(child(p, "default"), k), s(max!), `default value ${s(def!)} is greater than max value ${s(max!)}`));
    if (ratio && ratio.num < ratio.den) errs.push(errInvalid(key(child(p, "maxLimitRequestRatio"), k), s(ratio), `ratio ${s(ratio)} is less than 1`));
    if (!isOvercommitAllowed(k) && def && req && cmpQuantity(def, req) !== 0) {
      errs.push(errInvalid(key(child(p, "defaultRequest"), k), s(req), `default value ${s(def)} must equal to defaultRequest value ${s(req)} in ${k}`));
    }
  }
}

export function validateLimitRange(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, meta);
  const seen = new Set<string>();
  asArray(obj.spec?.limits).forEach((limit: Obj, i) => {
    const p = index("spec.limits", i);
    validateLimitItem(limit ?? {}, p, errs);
    if (seen.has(str(limit?.type))) errs.push(errDuplicate(child(p, "type"), str(limit?.type)));
    seen.add(str(limit?.type));
  });
  return errs;
}

export function validateLimitRangeUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateLimitRange(obj)];
}
