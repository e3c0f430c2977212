// Pods and PodTemplates (core ValidatePodCreate / ValidatePodUpdate / ValidatePodTemplate).
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, child, errForbidden, errInvalid, errRequired, index, isObj, semanticEqual, str, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { inclusiveRangeError, nameIsDNSSubdomain } from "../names";
import { validateImagesForPod } from "./container";
import { validatePodSpec, validatePodTemplateSpec } from "./podspec";

const ns = { namespaced: true, nameValidator: nameIsDNSSubdomain };

function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const spec: Obj = isObj(pod.spec) ? pod.spec : {};
  const errs = [...validateObjectMeta(pod.metadata, ns), ...validatePodSpec(spec, "spec", { isPod: true })];
  if (!str(spec.serviceAccountName)) {
    asArray(spec.volumes).forEach((v: Obj, vi) => {
      asArray(v?.projected?.sources).forEach((s: Obj, si) => {
        if (isObj(s?.serviceAccountToken)) {
          const p = child(index(child(index("spec.volumes", vi), "projected", "sources"), si), "serviceAccountToken");
          errs.push(errForbidden(p, "must not be specified when serviceAccountName is not set"));
        }
      });
    });
  }
  errs.push(...validateImagesForPod(spec.containers, "spec.containers"));
  errs.push(...validateImagesForPod(spec.initContainers, "spec.initContainers"));
  return errs;
}

export function validatePod(pod: KubeObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec: Obj = isObj(pod.spec) ? pod.spec : {};
  if (asArray(spec.ephemeralContainers).length > 0) errs.push(errForbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (str(spec.nodeName) && asArray(spec.schedulingGates).length > 0) {
    errs.push(errForbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}

const updatableFields = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
].join(",");

/** A short stand-in for upstream's cmp.Diff: the top-level spec fields that differ. */
function specDiff(prev: Obj, next: Obj): string {
  const keys = [...new Set([...Object.keys(prev), ...Object.keys(next)])].filter((k) => !semanticEqual(prev[k], next[k]));
  return keys.map((k) => `  ${k}: ${JSON.stringify(prev[k] ?? null)} -> ${JSON.stringify(next[k] ?? null)}`).join("\n");
}

function containerUpdates(next: unknown, prev: unknown, field: string): { errs: FieldError[]; stop: boolean } {
  const n = asArray(next);
  if (n.length !== asArray(prev).length) return { errs: [errForbidden(field, "pod updates may not add or remove containers")], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c: Obj, i) => {
    const image = str(c?.image);
    if (!image) errs.push(errRequired(child(index(field, i), "image")));
    if (image.trim() !== image) errs.push(errInvalid(child(index(field, i), "image"), image, "must not have leading or trailing whitespace"));
  });
  return { errs, stop: false };
}

export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePodMetadataAndSpec(pod)];
  const spec: Obj = isObj(pod.spec) ? pod.spec : {};
  const oldSpec: Obj = isObj(old.spec) ? old.spec : {};
  for (const f of ["containers", "initContainers"]) {
    const r = containerUpdates(spec[f], oldSpec[f], `spec.${f}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === "number") {
    if (ads < 0 || ads > 2147483647) return [...errs, errInvalid("spec.activeDeadlineSeconds", ads, inclusiveRangeError(0, 2147483647))];
    if (typeof oldSpec.activeDeadlineSeconds === "number" && oldSpec.activeDeadlineSeconds < ads) {
      return [...errs, errInvalid("spec.activeDeadlineSeconds", ads, "must be less than or equal to previous value")];
    }
  } else if (typeof oldSpec.activeDeadlineSeconds === "number") {
    errs.push(errInvalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
  }
  const without = (t: Obj) => ({ ...t, tolerationSeconds: undefined });
  for (const t of asArray(oldSpec.tolerations)) {
    if (!asArray(spec.tolerations).some((n) => semanticEqual(without(n), without(t)))) {
      errs.push(errForbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
      break;
    }
  }
  const oldGates = new Set(asArray(oldSpec.schedulingGates).map((g) => str(g?.name)));
  asArray(spec.schedulingGates).forEach((g, i) => {
    if (!oldGates.has(str(g?.name))) {
      errs.push(errForbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${str(g?.name)}'`));
    }
  });
  // Compare what is left after undoing the changes that are allowed.
  const munged: Obj = structuredClone(spec);
  for (const f of ["containers", "initContainers"]) {
    asArray(munged[f]).forEach((c: Obj, i) => (c.image = asArray(oldSpec[f])[i]?.image));
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  munged.schedulingGates = oldSpec.schedulingGates;
  if (typeof oldSpec.terminationGracePeriodSeconds === "number" && oldSpec.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (!semanticEqual(munged, oldSpec)) {
    errs.push(errForbidden("spec", `pod updates may not change fields other than ${updatableFields}\n${specDiff(oldSpec, munged)}`));
  }
  return errs;
}

export function validatePodTemplate(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, ns), ...validatePodTemplateSpec(obj.template, "template")];
}

export function validatePodTemplateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validatePodTemplateSpec(obj.template, "template")];
}
