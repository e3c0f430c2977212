// Namespaces, Nodes, ServiceAccounts, Endpoints and core Events.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, byteLength, child, errDuplicate, errForbidden, errInvalid, errNotSupported, errRequired, index, isObj, msgs, str, type Obj } from "../field";
import { validateFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { isDNS1123Subdomain, isPortNum, isQualifiedName, nameIsDNSLabel, nameIsDNSSubdomain } from "../names";
import { validateCIDR, validateIP } from "../net";
import { protocols } from "./container-parts";
import { quantityAt, validateQuantityValue } from "./resources";
import { validateTaints } from "./scheduling";

export function validateNamespace(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: false, nameValidator: nameIsDNSLabel });
  for (const f of asArray(obj.spec?.finalizers)) errs.push(...validateFinalizerName(str(f), "spec.finalizers"));
  return errs;
}

export function validateNamespaceUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return validateObjectMetaUpdate(obj.metadata, old.metadata);
}

function validateNodeResources(status: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const section of ["capacity", "allocatable"]) {
    for (const [k, v] of Object.entries(isObj(status[section]) ? status[section] : {})) {
      const p = child("status", section, k);
      const q = quantityAt(v, p, errs);
      if (q) errs.push(...validateQuantityValue(k, q, p));
    }
  }
  return errs;
}

function validateNodeCommon(obj: KubeObject): FieldError[] {
  const spec: Obj = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  if (asArray(spec.taints).length > 0) errs.push(...validateTaints(spec.taints, "metadata.taints"));
  errs.push(...validateNodeResources(isObj(obj.status) ? obj.status : {}));
  return errs;
}

export function validateNode(obj: KubeObject): FieldError[] {
  const spec: Obj = isObj(obj.spec) ? obj.spec : {};
  const errs = [...validateObjectMeta(obj.metadata, { namespaced: false, nameValidator: nameIsDNSSubdomain }), ...validateNodeCommon(obj)];
  const cidrs = asArray(spec.podCIDRs).map(str);
  cidrs.forEach((c, i) => errs.push(...validateCIDR(index("spec.podCIDRs", i), c)));
  cidrs.forEach((c, i) => {
    if (cidrs.indexOf(c) !== i) errs.push(errDuplicate(index("spec.podCIDRs", i), c));
  });
  return errs;
}

export function validateNodeUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec: Obj = isObj(obj.spec) ? obj.spec : {};
  const oldSpec: Obj = isObj(old.spec) ? old.spec : {};
  const errs = [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateNodeCommon(obj)];
  const oldCIDRs = asArray(oldSpec.podCIDRs);
  const cidrMsg = 'node updates may not change podCIDR except from "" to valid';
  if (oldCIDRs.length > 0) {
    const cidrs = asArray(spec.podCIDRs);
    if (cidrs.length !== oldCIDRs.length || oldCIDRs.some((c, i) => c !== cidrs[i])) errs.push(errForbidden("spec.podCIDRs", cidrMsg));
  }
  if (str(oldSpec.providerID) && oldSpec.providerID !== spec.providerID) {
    errs.push(errForbidden("spec.providerID", 'node updates may not change providerID except from "" to valid'));
  }
  if ((spec.externalID ?? "") !== (oldSpec.externalID ?? "")) errs.push(errForbidden("spec.externalID", "may not be updated"));
  return errs;
}

export function validateServiceAccount(obj: KubeObject): FieldError[] {
  return validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
}

export function validateServiceAccountUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateServiceAccount(obj)];
}

function validateEndpointAddress(a: Obj, p: string): FieldError[] {
  const errs = validateIP(child(p, "ip"), str(a.ip));
  if (str(a.hostname)) errs.push(...msgs(child(p, "hostname"), a.hostname, nameIsDNSLabel(a.hostname, false)));
  if (a.nodeName !== undefined && a.nodeName !== null) errs.push(...msgs(child(p, "nodeName"), a.nodeName, nameIsDNSSubdomain(str(a.nodeName), false)));
  return errs;
}

export function validateEndpoints(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  asArray(obj.subsets).forEach((ss: Obj, i) => {
    const p = index("subsets", i);
    if (asArray(ss?.addresses).length === 0 && asArray(ss?.notReadyAddresses).length === 0) {
      errs.push(errRequired(p, "must specify `addresses` or `notReadyAddresses`"));
    }
    for (const kind of ["addresses", "notReadyAddresses"]) {
      asArray(ss?.[kind]).forEach((a, j) => errs.push(...validateEndpointAddress(a ?? {}, index(child(p, kind), j))));
    }
    const ports = asArray(ss?.ports);
    ports.forEach((port: Obj, j) => {
      const pp = index(child(p, "ports"), j);
      if (ports.length > 1 && !str(port?.name)) errs.push(errRequired(child(pp, "name")));
      else if (str(port?.name)) errs.push(...msgs(child(pp, "name"), port.name, nameIsDNSLabel(port.name, false)));
      errs.push(...msgs(child(pp, "port"), port?.port ?? 0, isPortNum(port?.port ?? 0)));
      if (!port?.protocol) errs.push(errRequired(child(pp, "protocol")));
      else if (!protocols.includes(port.protocol)) errs.push(errNotSupported(child(pp, "protocol"), port.protocol, protocols));
    });
  });
  return errs;
}

export function validateEndpointsUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateEndpoints(obj)];
}

/** core/v1 Events: the legacy rules (namespaces agree) plus the series-era required fields. */
export function validateEvent(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  const ns = str(obj.metadata?.namespace);
  const involvedNs = str(obj.involvedObject?.namespace);
  const mismatch = () => errInvalid("involvedObject.namespace", involvedNs, "does not match event.namespace");
  if (!obj.eventTime) {
    if (involvedNs ? ns !== involvedNs : ns !== "" && ns !== "default") errs.push(mismatch());
  } else {
    if (!involvedNs && ns !== "default" && ns !== "kube-system") errs.push(mismatch());
    const rc = str(obj.reportingComponent);
    if (!rc) errs.push(errRequired("reportingComponent"));
    errs.push(...msgs("reportingComponent", rc, isQualifiedName(rc)));
    const limits: [string, number][] = [["reportingInstance", 128], ["action", 128], ["reason", 128]];
    for (const [f, max] of limits) {
      if (!str(obj[f])) errs.push(errRequired(f));
      if (byteLength(str(obj[f])) > max) errs.push(errInvalid(f, "", `can have at most ${max} characters`));
    }
    if (byteLength(str(obj.message)) > 1024) errs.push(errInvalid("message", "", "can have at most 1024 characters"));
    if (obj.type && !["Normal", "Warning"].includes(obj.type)) errs.push(errNotSupported("type", obj.type, ["Normal", "Warning"]));
  }
  errs.push(...msgs("namespace", ns, isDNS1123Subdomain(ns)));
  return errs;
}

export function validateEventUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateEvent(obj)];
}
