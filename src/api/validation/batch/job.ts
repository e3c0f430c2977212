// Jobs (batch validation): generated selector and labels, spec rules, and what updates may change.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { errInvalid, errRequired, immutable, isObj, key, semanticEqual, str, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { isDNS1123Label, nameIsDNSSubdomain } from "../names";
import { compileSelector, selectorMismatchMsg, validateLabelSelector } from "../selector";
import { validateJobSpec } from "./jobspec";

export const jobLabels = {
  controllerUid: "batch.kubernetes.io/controller-uid",
  jobName: "batch.kubernetes.io/job-name",
  legacyControllerUid: "controller-uid",
  legacyJobName: "job-name",
};

function hasLabel(labels: Obj | undefined, k: string, expected: string): FieldError[] {
  const p = key("spec.template.metadata.labels", k);
  if (!labels || !(k in labels)) return [errRequired(p, `must be '${expected}'`)];
  return labels[k] === expected ? [] : [errInvalid(p, labels, `must be '${expected}'`)];
}

function validateGeneratedSelector(job: KubeObject, prefixed: boolean): FieldError[] {
  const spec: Obj = isObj(job.spec) ? job.spec : {};
  if (spec.manualSelector === true || !isObj(spec.selector)) return [];
  const uid = str(job.metadata.uid);
  const name = str(job.metadata.name);
  const errs: FieldError[] = uid ? [] : [errRequired("metadata.uid")];
  const labels = spec.template?.metadata?.labels;
  errs.push(...hasLabel(labels, jobLabels.legacyControllerUid, uid), ...hasLabel(labels, jobLabels.legacyJobName, name));
  const expected: Record<string, string> = { [jobLabels.legacyControllerUid]: uid, [jobLabels.legacyJobName]: name };
  if (prefixed) {
    errs.push(...hasLabel(labels, jobLabels.controllerUid, uid), ...hasLabel(labels, jobLabels.jobName, name));
    Object.assign(expected, { [jobLabels.controllerUid]: uid, [jobLabels.jobName]: name });
  }
  const sel = compileSelector(spec.selector);
  if (sel && !sel.matches(expected)) errs.push(errInvalid("spec.selector", spec.selector, "`selector` not auto-generated"));
  return errs;
}

function validateSpecWithSelector(spec: Obj): FieldError[] {
  const errs = validateJobSpec(spec, "spec");
  if (!isObj(spec.selector)) errs.push(errRequired("spec.selector"));
  else errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const sel = compileSelector(spec.selector);
  if (sel && !sel.matches(spec.template?.metadata?.labels)) {
    errs.push(errInvalid("spec.template.metadata.labels", spec.template?.metadata?.labels ?? null, selectorMismatchMsg));
  }
  return errs;
}

function validate(job: KubeObject, prefixed: boolean): FieldError[] {
  const spec: Obj = isObj(job.spec) ? job.spec : {};
  const errs = [
    ...validateObjectMeta(job.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }),
    ...validateGeneratedSelector(job, prefixed),
    ...validateSpecWithSelector(spec),
  ];
  if (spec.completionMode === "Indexed" && spec.completions > 0) {
    // Indexed pods are named <job>-<index>; the largest must still be a DNS label.
    const host = `${str(job.metadata.name)}-${spec.completions - 1}`;
    if (isDNS1123Label(host).length) {
      errs.push(errInvalid("metadata.name", job.metadata.name, `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}

export function validateJob(job: KubeObject): FieldError[] {
  return validate(job, true);
}

export function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const spec: Obj = isObj(job.spec) ? job.spec : {};
  const oldSpec: Obj = isObj(old.spec) ? old.spec : {};
  const oldLabels = oldSpec.template?.metadata?.labels ?? {};
  const prefixed = jobLabels.jobName in oldLabels && jobLabels.controllerUid in oldLabels;
  const errs = [...validate(job, prefixed), ...validateObjectMetaUpdate(job.metadata, old.metadata)];
  const indexed = spec.completionMode === "Indexed";
  if (!indexed || !semanticEqual(spec.completions, oldSpec.completions)) {
    if (!indexed) errs.push(...immutable(spec.completions, oldSpec.completions, "spec.completions"));
    else if (typeof spec.completions === "number" && spec.completions !== spec.parallelism) {
      errs.push(errInvalid("spec.completions", spec.completions, "can only be modified in tandem with spec.parallelism"));
    }
  }
  errs.push(...immutable(spec.selector, oldSpec.selector, "spec.selector"));
  // Scheduling directives of a suspended job that never started may still change.
  let tpl = spec.template;
  let oldTpl = oldSpec.template;
  if (oldSpec.suspend === true && !old.status?.startTime) {
    const scrub = (t: Obj | undefined): Obj => {
      const c: Obj = structuredClone(t ?? {});
      if (isObj(c.spec)) for (const f of ["nodeSelector", "tolerations", "schedulingGates"]) delete c.spec[f];
      if (isObj(c.spec?.affinity)) delete c.spec.affinity.nodeAffinity;
      if (isObj(c.metadata)) for (const f of ["labels", "annotations"]) delete c.metadata[f];
      return c;
    };
    tpl = scrub(tpl);
    oldTpl = scrub(oldTpl);
  }
  errs.push(...immutable(tpl, oldTpl, "spec.template"));
  for (const f of ["completionMode", "podFailurePolicy", "backoffLimitPerIndex", "managedBy", "successPolicy"]) {
    errs.push(...immutable(spec[f], oldSpec[f], `spec.${f}`));
  }
  return errs;
}
