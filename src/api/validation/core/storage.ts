// PersistentVolumes and PersistentVolumeClaims: access modes, capacity / storage request, volume
// mode, class names, and the update rules (claims are immutable but for size and volumeName).
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, errForbidden, errInvalid, errNotSupported, errRequired, immutable, isObj, key, msgs, semanticEqual, str, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { nameIsDNSSubdomain } from "../names";
import { cmpQuantity, formatQuantity } from "../quantity";
import { validateLabelSelector } from "../selector";
import { quantityAt, validateQuantityValue } from "./resources";
import { volumeSourceKeys } from "./volumes";

const accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
const volumeModes = ["Block", "Filesystem"];
const reclaimPolicies = ["Delete", "Recycle", "Retain"];
const meta = (namespaced: boolean) => ({ namespaced, nameValidator: nameIsDNSSubdomain });

function validateAccessModes(modes: unknown, field: string, requiredDetail: string): FieldError[] {
  const list = asArray(modes);
  const errs: FieldError[] = list.length === 0 ? [errRequired(field, requiredDetail)] : [];
  for (const m of list) if (!accessModes.includes(m)) errs.push(errNotSupported(field, m, accessModes));
  if (list.includes("ReadWriteOncePod") && list.some((m) => m !== "ReadWriteOncePod" && accessModes.includes(m))) {
    errs.push(errForbidden(field, "may not use ReadWriteOncePod with other access modes"));
  }
  return errs;
}

function positiveQuantity(v: unknown, resource: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const q = quantityAt(v, field, errs);
  if (!q) return errs;
  if (q.num <= 0n) return [errInvalid(field, formatQuantity(q), "must be greater than zero")];
  return validateQuantityValue(resource, q, field);
}

/** ValidatePersistentVolumeClaimSpec (also used for volumeClaimTemplates). */
export function validatePVCSpec(spec: Obj, field: string): FieldError[] {
  const errs = validateAccessModes(spec.accessModes, `${field}.accessModes`, "at least 1 access mode is required");
  if (isObj(spec.selector)) errs.push(...validateLabelSelector(spec.selector, `${field}.selector`));
  const storage = spec.resources?.requests?.storage;
  const storagePath = key(`${field}.resources`, "storage");
  if (storage === undefined || storage === null) errs.push(errRequired(storagePath));
  else errs.push(...positiveQuantity(storage, "storage", storagePath));
  if (str(spec.storageClassName)) errs.push(...msgs(`${field}.storageClassName`, spec.storageClassName, nameIsDNSSubdomain(spec.storageClassName, false)));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !volumeModes.includes(spec.volumeMode)) {
    errs.push(errNotSupported(`${field}.volumeMode`, spec.volumeMode, volumeModes));
  }
  return errs;
}

export function validatePVC(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, meta(true)), ...validatePVCSpec(isObj(obj.spec) ? obj.spec : {}, "spec")];
}

export function validatePVCUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validatePVC(obj)];
  const spec: Obj = structuredClone(isObj(obj.spec) ? obj.spec : {});
  const oldSpec: Obj = structuredClone(isObj(old.spec) ? old.spec : {});
  if (!str(oldSpec.volumeName)) oldSpec.volumeName = spec.volumeName; // binding sets volumeName once
  if ((oldSpec.storageClassName === undefined || oldSpec.storageClassName === null) && spec.storageClassName) {
    oldSpec.storageClassName = spec.storageClassName; // a nil class may be set later
  }
  const bound = obj.status?.phase === "Bound";
  const newSize = spec.resources?.requests?.storage;
  const oldSize = oldSpec.resources?.requests?.storage;
  if (bound && isObj(spec.resources?.requests)) spec.resources.requests.storage = oldSize;
  if (!semanticEqual(spec, oldSpec)) {
    errs.push(errForbidden("spec", "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
  }
  const nq = quantityAt(newSize, "spec.resources.requests.storage", []);
  const oq = quantityAt(oldSize, "spec.resources.requests.storage", []);
  if (nq && oq && cmpQuantity(nq, oq) < 0) {
    errs.push(errForbidden("spec.resources.requests.storage", "field can not be less than previous value"));
  }
  errs.push(...immutable(obj.spec?.volumeMode, old.spec?.volumeMode, "volumeMode"));
  return errs;
}

export function validatePV(obj: KubeObject): FieldError[] {
  const spec: Obj = isObj(obj.spec) ? obj.spec : {};
  const errs = [...validateObjectMeta(obj.metadata, meta(false)), ...validateAccessModes(spec.accessModes, "spec.accessModes", "")];
  const capacity: Obj = isObj(spec.capacity) ? spec.capacity : {};
  const names = Object.keys(capacity);
  if (names.length === 0) errs.push(errRequired("spec.capacity"));
  if (!names.includes("storage") || names.length > 1) errs.push(errNotSupported("spec.capacity", capacity, ["storage"]));
  for (const [k, v] of Object.entries(capacity)) errs.push(...positiveQuantity(v, k, key("spec.capacity", k)));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !reclaimPolicies.includes(policy)) errs.push(errNotSupported("spec.persistentVolumeReclaimPolicy", policy, reclaimPolicies));
  // PVs accept the pod volume sources plus `local`; exactly one must be set.
  const kinds = [...volumeSourceKeys, "local"].filter((k) => isObj(spec[k]));
  if (kinds.length === 0) errs.push(errRequired("spec", "must specify a volume type"));
  for (const k of kinds.slice(1)) errs.push(errForbidden(`spec.${k}`, "may not specify more than 1 volume type"));
  if (isObj(spec.local) && !isObj(spec.nodeAffinity)) errs.push(errRequired("spec.nodeAffinity", "Local volume requires node affinity"));
  if (str(spec.storageClassName)) errs.push(...msgs("spec.storageClassName", spec.storageClassName, nameIsDNSSubdomain(spec.storageClassName, false)));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !volumeModes.includes(spec.volumeMode)) {
    errs.push(errNotSupported("spec.volumeMode", spec.volumeMode, volumeModes));
  }
  return errs;
}

export function validatePVUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validatePV(obj);
  const source = (s: Obj | undefined) => Object.fromEntries([...volumeSourceKeys, "local"].map((k) => [k, s?.[k]]));
  if (!semanticEqual(source(obj.spec), source(old.spec))) {
    errs.push(errForbidden("spec.persistentvolumesource", "spec.persistentvolumesource is immutable after creation"));
  }
  errs.push(...immutable(obj.spec?.volumeMode, old.spec?.volumeMode, "volumeMode"));
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...errs];
}
