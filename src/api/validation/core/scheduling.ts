// Scheduling-related pod fields: tolerations, node taints and (node/pod) affinity terms.
import type { FieldError } from "../../errors";
import { asArray, child, errDuplicate, errInvalid, errNotSupported, errRequired, index, isObj, msgs, str, type Obj } from "../field";
import { isLabelValue, isQualifiedName, nameIsDNSLabel } from "../names";
import { operatorValueErrors, validateLabelSelector } from "../selector";

const taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

function validateTaintEffect(effect: unknown, allowEmpty: boolean, field: string): FieldError[] {
  if (!allowEmpty && !effect) return [errRequired(field)];
  return taintEffects.includes(effect as string) ? [] : [errNotSupported(field, effect ?? "", taintEffects)];
}

export function validateTolerations(list: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(list).forEach((t: Obj, i) => {
    const p = index(field, i);
    const k = str(t?.key);
    const op = t?.operator ?? "";
    if (k) errs.push(...msgs(child(p, "key"), k, isQualifiedName(k)));
    if (!k && op !== "Exists") {
      errs.push(errInvalid(child(p, "operator"), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t?.tolerationSeconds !== undefined && t?.tolerationSeconds !== null && t?.effect !== "NoExecute") {
      errs.push(errInvalid(child(p, "effect"), t?.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === "Equal" || op === "") {
      const bad = isLabelValue(str(t?.value));
      if (bad.length) errs.push(errInvalid(child(p, "operator"), str(t?.value), bad.join(";")));
    } else if (op === "Exists") {
      if (str(t?.value)) errs.push(errInvalid(child(p, "operator"), t.value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(errNotSupported(child(p, "operator"), op, ["Equal", "Exists"]));
    }
    if (t?.effect) errs.push(...validateTaintEffect(t.effect, true, child(p, "effect")));
  });
  return errs;
}

export function validateTaints(list: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  asArray(list).forEach((t: Obj, i) => {
    const p = index(field, i);
    errs.push(...msgs(child(p, "key"), str(t?.key), isQualifiedName(str(t?.key))));
    const bad = isLabelValue(str(t?.value));
    if (bad.length) errs.push(errInvalid(child(p, "value"), str(t?.value), bad.join(";")));
    errs.push(...validateTaintEffect(t?.effect, false, child(p, "effect")));
    const keys = seen.get(str(t?.effect)) ?? new Set<string>();
    if (keys.has(str(t?.key))) {
      errs.push({ ...errDuplicate(p, t), detail: "taints must be unique by key and effect pair" });
      return;
    }
    keys.add(str(t?.key));
    seen.set(str(t?.effect), keys);
  });
  return errs;
}

function validateNodeSelectorTerm(term: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(term?.matchExpressions).forEach((rq: Obj, j) => {
    const p = index(child(field, "matchExpressions"), j);
    const values = asArray(rq?.values);
    errs.push(...operatorValueErrors(rq?.operator, values, p, true));
    errs.push(...msgs(child(p, "key"), str(rq?.key), isQualifiedName(str(rq?.key))));
    values.forEach((v, k) => errs.push(...msgs(index(child(p, "values"), k), v, isLabelValue(str(v)))));
  });
  return errs;
}

function validatePodAffinityTerm(term: Obj, field: string): FieldError[] {
  const errs = validateLabelSelector(term?.labelSelector, child(field, "labelSelector"));
  for (const ns of asArray(term?.namespaces)) errs.push(...msgs(child(field, "namespace"), ns, nameIsDNSLabel(str(ns), false)));
  if (!str(term?.topologyKey)) errs.push(errRequired(child(field, "topologyKey"), "can not be empty"));
  errs.push(...msgs(child(field, "topologyKey"), str(term?.topologyKey), isQualifiedName(str(term?.topologyKey))));
  return errs;
}

function validateWeighted(list: unknown, field: string, inner: string, check: (t: Obj, p: string) => FieldError[]): FieldError[] {
  const errs: FieldError[] = [];
  asArray(list).forEach((w: Obj, i) => {
    const p = index(field, i);
    if (!(w?.weight > 0 && w?.weight <= 100)) errs.push(errInvalid(child(p, "weight"), w?.weight ?? 0, "must be in the range 1-100"));
    errs.push(...check(w?.[inner] ?? {}, child(p, inner)));
  });
  return errs;
}

export function validateAffinity(aff: unknown, field: string): FieldError[] {
  if (!isObj(aff)) return [];
  const errs: FieldError[] = [];
  const na = aff.nodeAffinity;
  if (isObj(na)) {
    const p = child(field, "nodeAffinity");
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (isObj(req)) {
      const tp = child(p, "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms");
      const terms = asArray(req.nodeSelectorTerms);
      if (terms.length === 0) errs.push(errRequired(tp, "must have at least one node selector term"));
      terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, index(tp, i))));
    }
    errs.push(...validateWeighted(na.preferredDuringSchedulingIgnoredDuringExecution, child(p, "preferredDuringSchedulingIgnoredDuringExecution"), "preference", validateNodeSelectorTerm));
  }
  for (const kind of ["podAffinity", "podAntiAffinity"]) {
    const pa = aff[kind];
    if (!isObj(pa)) continue;
    const p = child(field, kind);
    asArray(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
      errs.push(...validatePodAffinityTerm(t, index(child(p, "requiredDuringSchedulingIgnoredDuringExecution"), i))),
    );
    errs.push(...validateWeighted(pa.preferredDuringSchedulingIgnoredDuringExecution, child(p, "preferredDuringSchedulingIgnoredDuringExecution"), "podAffinityTerm", validatePodAffinityTerm));
  }
  return errs;
}
