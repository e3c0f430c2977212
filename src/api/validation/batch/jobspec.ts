// JobSpec rules shared by Jobs and CronJob job templates (batch validateJobSpec).
import type { FieldError } from "../../errors";
import { asArray, byteLength, child, errInvalid, errNotSupported, errRequired, index, isObj, nonNegative, str, type Obj } from "../field";
import { isDNS1123Subdomain, regexError } from "../names";
import { validatePodTemplateSpec } from "../core/podspec";

const actions = ["Count", "FailIndex", "FailJob", "Ignore"];
const replacementPolicies = ["Failed", "TerminatingOrFailed"];

function validateManagedBy(v: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const [host, path] = [v.slice(0, v.indexOf("/")), v.slice(v.indexOf("/") + 1)];
  if (!v.includes("/") || !host || !path) errs.push(errInvalid(field, v, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  else {
    for (const m of isDNS1123Subdomain(host)) errs.push(errInvalid(field, host, m));
    const fmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
    if (!new RegExp(`^${fmt}$`).test(path)) errs.push(errInvalid(field, path, regexError("Invalid path", fmt)));
  }
  if (byteLength(v) > 63) errs.push({ type: "FieldValueTooLong", field, detail: "may not be longer than 63" });
  return errs;
}

function validatePodFailurePolicy(spec: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(spec.podFailurePolicy?.rules).forEach((rule: Obj, i) => {
    const p = index(child(field, "rules"), i);
    const action = rule?.action;
    if (!action) errs.push(errRequired(child(p, "action"), `valid values: [${actions.map((a) => JSON.stringify(a)).join(" ")}]`));
    else if (action === "FailIndex" && spec.backoffLimitPerIndex === undefined) {
      errs.push(errInvalid(child(p, "action"), action, "requires the backoffLimitPerIndex to be set"));
    } else if (!actions.includes(action)) errs.push(errNotSupported(child(p, "action"), action, actions));
    const hasCodes = isObj(rule?.onExitCodes);
    const hasConds = asArray(rule?.onPodConditions).length > 0;
    if (hasCodes && hasConds) errs.push({ type: "FieldValueInvalid", field: p, detail: "specifying both OnExitCodes and OnPodConditions is not supported" });
    if (!hasCodes && !hasConds) errs.push({ type: "FieldValueInvalid", field: p, detail: "specifying one of OnExitCodes and OnPodConditions is required" });
  });
  return errs;
}

export function validateJobSpec(spec: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished", "backoffLimitPerIndex"]) {
    errs.push(...nonNegative(spec[f], child(field, f)));
  }
  if (spec.maxFailedIndexes !== undefined && spec.maxFailedIndexes !== null) {
    errs.push(...nonNegative(spec.maxFailedIndexes, child(field, "maxFailedIndexes")));
    if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) {
      errs.push(errRequired(child(field, "backoffLimitPerIndex"), "when maxFailedIndexes is specified"));
    }
  }
  if (spec.managedBy !== undefined && spec.managedBy !== null) errs.push(...validateManagedBy(str(spec.managedBy), child(field, "managedBy")));
  const mode = spec.completionMode;
  const indexed = mode === "Indexed";
  if (mode !== undefined && mode !== null) {
    if (mode !== "NonIndexed" && !indexed) errs.push(errNotSupported(child(field, "completionMode"), mode, ["NonIndexed", "Indexed"]));
    if (indexed) {
      if (spec.completions === undefined || spec.completions === null) errs.push(errRequired(child(field, "completions"), "when completion mode is Indexed"));
      if (spec.parallelism > 100000) {
        errs.push(errInvalid(child(field, "parallelism"), spec.parallelism, "must be less than or equal to 100000 when completion mode is Indexed"));
      }
      if (typeof spec.completions === "number" && spec.maxFailedIndexes > spec.completions) {
        errs.push(errInvalid(child(field, "maxFailedIndexes"), spec.maxFailedIndexes, "must be less than or equal to completions"));
      }
    }
  }
  if (!indexed) {
    for (const f of ["backoffLimitPerIndex", "maxFailedIndexes"]) {
      if (spec[f] !== undefined && spec[f] !== null) errs.push(errInvalid(child(field, f), spec[f], "requires indexed completion mode"));
    }
  }
  if (isObj(spec.podFailurePolicy)) errs.push(...validatePodFailurePolicy(spec, child(field, "podFailurePolicy")));
  if (isObj(spec.successPolicy) && !indexed) errs.push(errInvalid(child(field, "successPolicy"), spec.successPolicy, "requires indexed completion mode"));
  const rpp = spec.podReplacementPolicy;
  if (rpp !== undefined && rpp !== null) {
    const allowed = isObj(spec.podFailurePolicy) ? ["Failed"] : replacementPolicies;
    if (!allowed.includes(rpp)) errs.push(errNotSupported(child(field, "podReplacementPolicy"), rpp, allowed));
  }
  errs.push(...validatePodTemplateSpec(spec.template, child(field, "template")));
  const rp = spec.template?.spec?.restartPolicy ?? "";
  const rpPath = child(field, "template", "spec", "restartPolicy");
  if (rp === "Always" || rp === "") errs.push(errRequired(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== "OnFailure" && rp !== "Never") errs.push(errNotSupported(rpPath, rp, ["OnFailure", "Never"]));
  else if (isObj(spec.podFailurePolicy) && rp !== "Never") errs.push(errInvalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}
