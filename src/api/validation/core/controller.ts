// ReplicationController, plus the template rules every replica-set-like controller shares:
// the selector must match the template labels, pods restart Always, no activeDeadlineSeconds.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { child, errForbidden, errInvalid, errNotSupported, errRequired, isObj, nonNegative, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { nameIsDNSSubdomain } from "../names";
import { mapSelectorMatches, selectorMismatchMsg } from "../selector";
import { validatePodTemplateSpec } from "./podspec";

/**
 * ValidatePodTemplateSpecFor{RC,ReplicaSet}: `matches` is undefined when the selector is empty
 * (which skips the label check) and otherwise says whether it selects the template's labels.
 */
export function validateControllerTemplate(tpl: unknown, matches: boolean | undefined, field: string, kind: string): FieldError[] {
  if (!isObj(tpl)) return [errRequired(field)];
  const errs: FieldError[] = [];
  if (matches === false) errs.push(errInvalid(child(field, "metadata", "labels"), tpl.metadata?.labels ?? null, selectorMismatchMsg));
  errs.push(...validatePodTemplateSpec(tpl, field));
  const spec: Obj = isObj(tpl.spec) ? tpl.spec : {};
  if (spec.restartPolicy !== "Always") errs.push(errNotSupported(child(field, "spec", "restartPolicy"), spec.restartPolicy ?? "", ["Always"]));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(errForbidden(child(field, "spec", "activeDeadlineSeconds"), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

function validateRCSpec(spec: Obj): FieldError[] {
  const errs = [...nonNegative(spec.minReadySeconds, "spec.minReadySeconds")];
  const selector: Record<string, string> = isObj(spec.selector) ? spec.selector : {};
  const empty = Object.keys(selector).length === 0;
  if (empty) errs.push(errRequired("spec.selector"));
  errs.push(...nonNegative(spec.replicas, "spec.replicas"));
  const matches = empty ? undefined : mapSelectorMatches(selector, spec.template?.metadata?.labels);
  errs.push(...validateControllerTemplate(spec.template, matches, "spec.template", "ReplicationController"));
  return errs;
}

export function validateReplicationController(obj: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }),
    ...validateRCSpec(isObj(obj.spec) ? obj.spec : {}),
  ];
}

export function validateReplicationControllerUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateRCSpec(isObj(obj.spec) ? obj.spec : {})];
}
