// Pieces of a container spec: ports, environment, envFrom and volume mounts (core validation).
import type { FieldError } from "../../errors";
import {
  asArray,
  child,
  errDuplicate,
  errForbidden,
  errInvalid,
  errNotFound,
  errNotSupported,
  errRequired,
  index,
  isObj,
  msgs,
  str,
  type Obj,
} from "../field";
import { isConfigMapKey, isEnvVarName, isPortName, isPortNum, isQualifiedName, nameIsDNSSubdomain } from "../names";

export const protocols = ["SCTP", "TCP", "UDP"];

export function validateContainerPorts(ports: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  asArray(ports).forEach((port: Obj, i) => {
    const p = index(field, i);
    const name = str(port?.name);
    if (name) {
      const bad = isPortName(name);
      if (bad.length) errs.push(...msgs(child(p, "name"), name, bad));
      else if (names.has(name)) errs.push(errDuplicate(child(p, "name"), name));
      else names.add(name);
    }
    if (!port?.containerPort) errs.push(errRequired(child(p, "containerPort")));
    else errs.push(...msgs(child(p, "containerPort"), port.containerPort, isPortNum(port.containerPort)));
    if (port?.hostPort) errs.push(...msgs(child(p, "hostPort"), port.hostPort, isPortNum(port.hostPort)));
    if (!port?.protocol) errs.push(errRequired(child(p, "protocol")));
    else if (!protocols.includes(port.protocol)) errs.push(errNotSupported(child(p, "protocol"), port.protocol, protocols));
  });
  return errs;
}

const envFieldPaths = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];
const envResources = ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];

function validateFieldRef(ref: Obj, field: string): FieldError[] {
  if (!str(ref.apiVersion)) return [errRequired(child(field, "apiVersion"))];
  const fieldPath = str(ref.fieldPath);
  if (!fieldPath) return [errRequired(child(field, "fieldPath"))];
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath);
  if (sub) {
    const k = sub[1] === "metadata.annotations" ? sub[2]!.toLowerCase() : sub[2]!;
    return msgs(field, k, isQualifiedName(k));
  }
  return envFieldPaths.includes(fieldPath) ? [] : [errNotSupported(child(field, "fieldPath"), fieldPath, envFieldPaths)];
}

function validateKeySelector(ref: Obj, field: string): FieldError[] {
  const errs = msgs(child(field, "name"), str(ref.name), nameIsDNSSubdomain(str(ref.name), false));
  if (!str(ref.key)) errs.push(errRequired(child(field, "key")));
  else errs.push(...msgs(child(field, "key"), ref.key, isConfigMapKey(ref.key)));
  return errs;
}

function validateValueFrom(ev: Obj, field: string): FieldError[] {
  const from = ev.valueFrom;
  if (!isObj(from)) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (isObj(from.fieldRef)) {
    sources++;
    errs.push(...validateFieldRef(from.fieldRef, child(field, "fieldRef")));
  }
  if (isObj(from.resourceFieldRef)) {
    sources++;
    const res = str(from.resourceFieldRef.resource);
    const p = child(field, "resourceFieldRef", "resource");
    if (!res) errs.push(errRequired(p));
    else if (!envResources.includes(res) && !/^(requests|limits)\.hugepages-/.test(res)) {
      errs.push(errNotSupported(p, res, envResources));
    }
  }
  if (isObj(from.configMapKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, child(field, "configMapKeyRef")));
  }
  if (isObj(from.secretKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, child(field, "secretKeyRef")));
  }
  if (sources === 0) {
    errs.push(errInvalid(field, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
  } else if (str(ev.value)) {
    errs.push(errInvalid(field, "", "may not be specified when `value` is not empty"));
  } else if (sources > 1) {
    errs.push(errInvalid(field, "", "may not have more than one field specified at a time"));
  }
  return errs;
}

export function validateEnv(env: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(env).forEach((ev: Obj, i) => {
    const p = index(field, i);
    const name = str(ev?.name);
    if (!name) errs.push(errRequired(child(p, "name")));
    else errs.push(...msgs(child(p, "name"), name, isEnvVarName(name)));
    errs.push(...validateValueFrom(ev ?? {}, child(p, "valueFrom")));
  });
  return errs;
}

export function validateEnvFrom(envFrom: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(envFrom).forEach((ev: Obj, i) => {
    const p = index(field, i);
    if (str(ev?.prefix)) errs.push(...msgs(child(p, "prefix"), ev.prefix, isEnvVarName(ev.prefix)));
    let sources = 0;
    for (const kind of ["configMapRef", "secretRef"]) {
      const ref = ev?.[kind];
      if (!isObj(ref)) continue;
      sources++;
      const name = str(ref.name);
      if (!name) errs.push(errRequired(child(p, kind, "name")));
      else errs.push(...msgs(child(p, kind, "name"), name, nameIsDNSSubdomain(name, true)));
    }
    if (sources === 0) errs.push(errInvalid(field, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (sources > 1) errs.push(errInvalid(field, "", "may not have more than one field specified at a time"));
  });
  return errs;
}

/** validateLocalDescendingPath: relative, without '..' elements. */
export function validateLocalDescendingPath(target: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith("/")) errs.push(errInvalid(field, target, "must be a relative path"));
  if (target.split(/[\\/]/).includes("..")) errs.push(errInvalid(field, target, "must not contain '..'"));
  return errs;
}

const propagationModes = ["Bidirectional", "HostToContainer", "None"];

export function validateVolumeMounts(mounts: unknown, volumes: Set<string>, container: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  asArray(mounts).forEach((m: Obj, i) => {
    const p = index(field, i);
    const name = str(m?.name);
    const mountPath = str(m?.mountPath);
    if (!name) errs.push(errRequired(child(p, "name")));
    if (!volumes.has(name)) errs.push(errNotFound(child(p, "name"), name));
    if (!mountPath) errs.push(errRequired(child(p, "mountPath")));
    if (mountPoints.has(mountPath)) errs.push(errInvalid(child(p, "mountPath"), mountPath, "must be unique"));
    mountPoints.add(mountPath);
    // Upstream reports sub-path problems without the mount's index.
    if (str(m?.subPath)) errs.push(...validateLocalDescendingPath(m.subPath, child(field, "subPath")));
    if (str(m?.subPathExpr)) {
      if (str(m?.subPath)) {
        errs.push(errInvalid(child(p, "subPathExpr"), m.subPathExpr, "subPathExpr and subPath are mutually exclusive"));
      }
      errs.push(...validateLocalDescendingPath(m.subPathExpr, child(field, "subPathExpr")));
    }
    const prop = m?.mountPropagation;
    if (prop !== undefined && prop !== null) {
      if (!propagationModes.includes(prop)) errs.push(errNotSupported(child(field, "mountPropagation"), prop, propagationModes));
      else if (prop === "Bidirectional" && container.securityContext?.privileged !== true) {
        errs.push(errForbidden(child(field, "mountPropagation"), "Bidirectional mount propagation is available only to privileged containers"));
      }
    }
  });
  return errs;
}
