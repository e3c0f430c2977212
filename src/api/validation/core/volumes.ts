// Pod volumes: names (DNS labels, unique), exactly one source type, and the common sources' fields
// (core validation's ValidateVolumes / validateVolumeSource).
import type { FieldError } from "../../errors";
import { asArray, child, errDuplicate, errForbidden, errInvalid, errNotSupported, errRequired, index, isObj, msgs, str, type Obj } from "../field";
import { nameIsDNSLabel } from "../names";
import { parseQuantity } from "../quantity";
import { validateLocalDescendingPath } from "./container-parts";

// Upstream's field names in the "more than 1 volume type" error, including its "downwarAPI" typo.
const sources: [string, string][] = [
  ["emptyDir", "emptyDir"], ["hostPath", "hostPath"], ["gitRepo", "gitRepo"], ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"], ["secret", "secret"], ["nfs", "nfs"], ["iscsi", "iscsi"],
  ["glusterfs", "glusterfs"], ["flocker", "flocker"], ["persistentVolumeClaim", "persistentVolumeClaim"], ["rbd", "rbd"],
  ["cinder", "cinder"], ["cephfs", "cephFS"], ["quobyte", "quobyte"], ["downwardAPI", "downwarAPI"], ["fc", "fc"],
  ["flexVolume", "flexVolume"], ["configMap", "configMap"], ["azureFile", "azureFile"], ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"], ["portworxVolume", "portworxVolume"], ["azureDisk", "azureDisk"],
  ["storageos", "storageos"], ["projected", "projected"], ["scaleIO", "scaleIO"], ["csi", "csi"], ["ephemeral", "ephemeral"],
  ["image", "image"],
];
export const volumeSourceKeys = sources.map(([k]) => k);

const fileModeMsg = "must be a number between 0 and 0777 (octal), both inclusive";
const hostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

function validateMode(mode: unknown, field: string): FieldError[] {
  return typeof mode === "number" && (mode < 0 || mode > 0o777) ? [errInvalid(field, mode, fileModeMsg)] : [];
}

/** ValidateLocalNonReservedPath: relative, no '..' element, no '..' prefix. */
function validateLocalNonReservedPath(target: string, field: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, field);
  if (target.startsWith("..")) errs.push(errInvalid(field, target, "must not start with '..'"));
  return errs;
}

function validateItems(items: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(items).forEach((kp: Obj, i) => {
    const p = index(field, i);
    if (!str(kp?.key)) errs.push(errRequired(child(p, "key")));
    if (!str(kp?.path)) errs.push(errRequired(child(p, "path")));
    errs.push(...validateLocalNonReservedPath(str(kp?.path), child(p, "path")));
    errs.push(...validateMode(kp?.mode, child(p, "mode")));
  });
  return errs;
}

function validateSource(kind: string, s: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const requireField = (f: string) => {
    if (!str(s[f])) errs.push(errRequired(child(p, f)));
  };
  switch (kind) {
    case "emptyDir": {
      const q = s.sizeLimit === undefined || s.sizeLimit === null ? undefined : parseQuantity(s.sizeLimit);
      if (q !== undefined && (typeof q === "string" || q.num < 0n)) {
        errs.push(errForbidden(child(p, "sizeLimit"), "SizeLimit field must be a valid resource quantity"));
      }
      break;
    }
    case "hostPath":
      if (!str(s.path)) return [errRequired(child(p, "path"))];
      if (s.path.split("/").includes("..")) errs.push(errInvalid(child(p, "path"), s.path, "must not contain '..'"));
      if (s.type !== undefined && s.type !== null && !hostPathTypes.includes(s.type)) {
        errs.push(errNotSupported(child(p, "type"), s.type, hostPathTypes));
      }
      break;
    case "secret":
      requireField("secretName");
      errs.push(...validateMode(s.defaultMode, child(p, "defaultMode")), ...validateItems(s.items, child(p, "items")));
      break;
    case "configMap":
      requireField("name");
      errs.push(...validateMode(s.defaultMode, child(p, "defaultMode")), ...validateItems(s.items, child(p, "items")));
      break;
    case "persistentVolumeClaim":
      requireField("claimName");
      break;
    case "nfs":
      requireField("server");
      requireField("path");
      if (!str(s.path).startsWith("/")) errs.push(errInvalid(child(p, "path"), str(s.path), "must be an absolute path"));
      break;
    case "downwardAPI":
      errs.push(...validateMode(s.defaultMode, child(p, "defaultMode")));
      for (const item of asArray(s.items)) {
        if (!str(item?.path)) errs.push(errRequired(child(p, "path")));
        errs.push(...validateLocalNonReservedPath(str(item?.path), child(p, "path")));
      }
      break;
    case "projected":
      errs.push(...validateMode(s.defaultMode, child(p, "defaultMode")));
      break;
    case "csi":
      requireField("driver");
      break;
    case "ephemeral":
      if (!isObj(s.volumeClaimTemplate)) errs.push(errRequired(child(p, "volumeClaimTemplate")));
      break;
  }
  return errs;
}

/** Returns the names of the well-formed volumes (for volumeMount lookups) and the errors. */
export function validateVolumes(volumes: unknown, field: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  asArray(volumes).forEach((vol: Obj, i) => {
    const p = index(field, i);
    const el: FieldError[] = [];
    let count = 0;
    for (const [k, errName] of sources) {
      if (!isObj(vol?.[k])) continue;
      if (count > 0) {
        el.push(errForbidden(child(p, errName), "may not specify more than 1 volume type"));
        continue;
      }
      count++;
      el.push(...validateSource(k, vol[k], child(p, k)));
    }
    if (count === 0) el.push(errRequired(p, "must specify a volume type"));
    const name = str(vol?.name);
    if (!name) el.push(errRequired(child(p, "name")));
    else el.push(...msgs(child(p, "name"), name, nameIsDNSLabel(name, false)));
    if (names.has(name)) el.push(errDuplicate(child(p, "name"), name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}
