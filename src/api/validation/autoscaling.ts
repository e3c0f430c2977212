// HorizontalPodAutoscalers in their autoscaling/v2 form (autoscaling validation).
import type { FieldError } from "../errors";
import type { KubeObject } from "../object";
import { asArray, child, errForbidden, errInvalid, errNotSupported, errRequired, index, isObj, msgs, str, type Obj } from "./field";
import { validateObjectMeta, validateObjectMetaUpdate } from "./meta";
import { nameIsDNSSubdomain, nameIsPathSegment } from "./names";
import { parseQuantity } from "./quantity";

const metricTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"];
const sourceField: Record<string, string> = {
  ContainerResource: "containerResource",
  External: "external",
  Object: "object",
  Pods: "pods",
  Resource: "resource",
};

function validateRef(ref: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["kind", "name"]) {
    if (!str(ref[f])) errs.push(errRequired(child(field, f)));
    else errs.push(...msgs(child(field, f), ref[f], nameIsPathSegment(ref[f], false)));
  }
  return errs;
}

function validateTarget(t: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!t.type) errs.push(errRequired(child(field, "type"), "must specify a metric target type"));
  else if (!["Utilization", "Value", "AverageValue"].includes(t.type)) {
    errs.push(errInvalid(child(field, "type"), t.type, "must be either Utilization, Value, or AverageValue"));
  }
  for (const f of ["value", "averageValue"]) {
    if (t[f] === undefined || t[f] === null) continue;
    const q = parseQuantity(t[f]);
    if (typeof q === "string" || q.num <= 0n) errs.push(errInvalid(child(field, f), t[f], "must be positive"));
  }
  if (typeof t.averageUtilization === "number" && t.averageUtilization < 1) {
    errs.push(errInvalid(child(field, "averageUtilization"), t.averageUtilization, "must be greater than 0"));
  }
  return errs;
}

function validateMetric(m: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!m.type) errs.push(errRequired(child(p, "type"), "must specify a metric source type"));
  if (!metricTypes.includes(m.type)) errs.push(errNotSupported(child(p, "type"), m.type ?? "", metricTypes));
  const present = metricTypes.map((t) => sourceField[t]!).filter((f) => isObj(m[f]));
  const expected = sourceField[m.type] ?? str(m.type).toLowerCase();
  if (!present.includes(expected)) errs.push(errRequired(child(p, expected), "must populate information for the given metric source"));
  for (const f of present) if (f !== expected) errs.push(errForbidden(child(p, f), "must populate the given metric source only"));
  const src: Obj = isObj(m[expected]) ? m[expected] : {};
  if (!present.includes(expected)) return errs;
  const sp = child(p, expected);
  if (expected === "resource" || expected === "containerResource") {
    if (!str(src.name)) errs.push(errRequired(child(sp, "name"), "must specify a resource name"));
    if (expected === "containerResource" && !str(src.container)) errs.push(errRequired(child(sp, "container"), "must specify a container"));
    const t: Obj = isObj(src.target) ? src.target : {};
    if ((t.averageUtilization === undefined || t.averageUtilization === null) && (t.averageValue === undefined || t.averageValue === null)) {
      errs.push(errRequired(child(sp, "target", "averageUtilization"), "must set either a target raw value or a target utilization"));
    }
  } else {
    if (expected === "object") errs.push(...validateRef(isObj(src.describedObject) ? src.describedObject : {}, child(sp, "describedObject")));
    if (!str(src.metric?.name)) errs.push(errRequired(child(sp, "metric", "name"), "must specify a metric name"));
  }
  errs.push(...validateTarget(isObj(src.target) ? src.target : {}, child(sp, "target")));
  return errs;
}

function validateRules(r: unknown, field: string): FieldError[] {
  if (!isObj(r)) return [];
  const errs: FieldError[] = [];
  const w = r.stabilizationWindowSeconds;
  if (typeof w === "number" && (w < 0 || w > 3600)) errs.push(errInvalid(child(field, "stabilizationWindowSeconds"), w, "must be less than or equal to 3600"));
  if (r.selectPolicy !== undefined && r.selectPolicy !== null && !["Disabled", "Max", "Min"].includes(r.selectPolicy)) {
    errs.push(errNotSupported(child(field, "selectPolicy"), r.selectPolicy, ["Disabled", "Max", "Min"]));
  }
  const policies = asArray(r.policies);
  if (policies.length === 0 && r.selectPolicy !== "Disabled") errs.push(errRequired(child(field, "policies"), "must specify at least one Policy"));
  policies.forEach((pol: Obj, i) => {
    const pp = index(child(field, "policies"), i);
    if (!["Pods", "Percent"].includes(pol?.type)) errs.push(errNotSupported(child(pp, "type"), pol?.type ?? "", ["Percent", "Pods"]));
    if (!(pol?.value > 0)) errs.push(errInvalid(child(pp, "value"), pol?.value ?? 0, "must be greater than zero"));
    const ps = pol?.periodSeconds ?? 0;
    if (ps <= 0) errs.push(errInvalid(child(pp, "periodSeconds"), ps, "must be greater than zero"));
    else if (ps > 1800) errs.push(errInvalid(child(pp, "periodSeconds"), ps, "must be less than or equal to 1800"));
  });
  return errs;
}

function validateSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  if (typeof min === "number" && min < 1) errs.push(errInvalid("spec.minReplicas", min, "must be greater than or equal to 1"));
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errs.push(errInvalid("spec.maxReplicas", max, "must be greater than 0"));
  if (typeof min === "number" && max < min) errs.push(errInvalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  errs.push(...validateRef(isObj(spec.scaleTargetRef) ? spec.scaleTargetRef : {}, "spec.scaleTargetRef"));
  asArray(spec.metrics).forEach((m, i) => errs.push(...validateMetric(m ?? {}, index("spec.metrics", i))));
  if (isObj(spec.behavior)) {
    errs.push(...validateRules(spec.behavior.scaleUp, "spec.behavior.scaleUp"), ...validateRules(spec.behavior.scaleDown, "spec.behavior.scaleDown"));
  }
  return errs;
}

export function validateHPA(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
}

export function validateHPAUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
}
