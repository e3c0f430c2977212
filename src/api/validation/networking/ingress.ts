// Ingresses and IngressClasses (networking validation).
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, child, errForbidden, errInvalid, errNotSupported, errRequired, immutable, index, isObj, msgs, str, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import {
  isDNS1123Subdomain,
  isPathSegmentName,
  isPortName,
  isPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
} from "../names";
import { isIP } from "../net";

const pathTypes = ["Exact", "ImplementationSpecific", "Prefix"];

function validateTypedRef(ref: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (ref.apiGroup !== undefined && ref.apiGroup !== null) errs.push(...msgs(child(field, "apiGroup"), ref.apiGroup, isDNS1123Subdomain(str(ref.apiGroup))));
  for (const f of ["kind", "name"]) {
    if (!str(ref[f])) errs.push(errRequired(child(field, f), `${f} is required`));
    else errs.push(...msgs(child(field, f), ref[f], isPathSegmentName(ref[f])));
  }
  return errs;
}

function validateBackend(b: Obj, field: string): FieldError[] {
  const hasResource = isObj(b.resource);
  const svc = b.service;
  if (hasResource && isObj(svc)) return [errInvalid(field, "", "cannot set both resource and service backends")];
  if (hasResource) return validateTypedRef(b.resource, child(field, "resource"));
  if (!isObj(svc)) return [errInvalid(field, "", "resource or service backend is required")];
  const errs: FieldError[] = [];
  if (!str(svc.name)) errs.push(errRequired(child(field, "service", "name")));
  else errs.push(...msgs(child(field, "service", "name"), svc.name, nameIsDNS1035Label(svc.name, false)));
  const name = str(svc.port?.name);
  const num = svc.port?.number ?? 0;
  if (name && num) errs.push(errInvalid(field, "", "cannot set both port name & port number"));
  else if (name) errs.push(...msgs(child(field, "service", "port", "name"), name, isPortName(name)));
  else if (num) errs.push(...msgs(child(field, "service", "port", "number"), num, isPortNum(num)));
  else errs.push(errRequired(field, "port name or number is required"));
  return errs;
}

function validatePath(path: Obj, field: string): FieldError[] {
  const type = path.pathType;
  if (type === undefined || type === null) return [errRequired(child(field, "pathType"), "pathType must be specified")];
  const errs: FieldError[] = [];
  const p = str(path.path);
  const pp = child(field, "path");
  if (type === "Exact" || type === "Prefix") {
    if (!p.startsWith("/")) errs.push(errInvalid(pp, p, "must be an absolute path"));
    if (p) {
      for (const seq of ["//", "/./", "/../", "%2f", "%2F"]) if (p.includes(seq)) errs.push(errInvalid(pp, p, `must not contain '${seq}'`));
      for (const suf of ["/..", "/."]) if (p.endsWith(suf)) errs.push(errInvalid(pp, p, `cannot end with '${suf}'`));
    }
  } else if (type === "ImplementationSpecific") {
    if (p && !p.startsWith("/")) errs.push(errInvalid(pp, p, "must be an absolute path"));
  } else errs.push(errNotSupported(child(field, "pathType"), type, pathTypes));
  errs.push(...validateBackend(isObj(path.backend) ? path.backend : {}, child(field, "backend")));
  return errs;
}

function validateRules(rules: Obj[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((rule, i) => {
    const p = index(field, i);
    const host = str(rule?.host);
    if (host) {
      if (isIP(host)) errs.push(errInvalid(child(p, "host"), host, "must be a DNS name, not an IP address"));
      const check = host.includes("*") ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
      errs.push(...msgs(child(p, "host"), host, check(host)));
    }
    if (isObj(rule?.http)) {
      const paths = asArray(rule.http.paths);
      if (paths.length === 0) errs.push(errRequired(child(p, "http", "paths")));
      paths.forEach((path, j) => errs.push(...validatePath(path ?? {}, index(child(p, "http", "paths"), j))));
    }
  });
  return errs;
}

function validateSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const rules = asArray(spec.rules);
  if (rules.length === 0 && !isObj(spec.defaultBackend)) errs.push(errInvalid("spec", spec.rules ?? null, "either `defaultBackend` or `rules` must be specified"));
  if (isObj(spec.defaultBackend)) errs.push(...validateBackend(spec.defaultBackend, "spec.defaultBackend"));
  errs.push(...validateRules(rules, "spec.rules"));
  asArray(spec.tls).forEach((tls: Obj, i) => {
    const p = index("spec.tls", i);
    asArray(tls?.hosts).forEach((h, j) => {
      const host = str(h);
      errs.push(...msgs(index(child(p, "hosts"), j), host, host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)));
    });
    if (str(tls?.secretName)) errs.push(...msgs(child(p, "secretName"), tls.secretName, nameIsDNSSubdomain(tls.secretName, false)));
  });
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) {
    errs.push(...msgs("spec.ingressClassName", spec.ingressClassName, nameIsDNSSubdomain(str(spec.ingressClassName), false)));
  }
  return errs;
}

export function validateIngress(obj: KubeObject): FieldError[] {
  const errs = [...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }), ...validateSpec(isObj(obj.spec) ? obj.spec : {})];
  const ann = obj.metadata?.annotations?.["kubernetes.io/ingress.class"];
  if (ann !== undefined && obj.spec?.ingressClassName !== undefined && obj.spec?.ingressClassName !== null && ann !== obj.spec.ingressClassName) {
    errs.push(errInvalid("annotations.kubernetes.io/ingress.class", ann, "must match `ingressClassName` when both are specified"));
  }
  return errs;
}

export function validateIngressUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }),
    ...validateSpec(isObj(obj.spec) ? obj.spec : {}),
  ];
}

export function validateIngressClass(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: false, nameValidator: nameIsDNSSubdomain });
  const controller = str(obj.spec?.controller);
  if (controller.length > 250) errs.push({ type: "FieldValueTooLong", field: "spec.controller", detail: "must have at most 250 bytes" });
  const slash = controller.indexOf("/");
  if (!controller) errs.push(errRequired("spec.controller"));
  else if (slash <= 0 || slash === controller.length - 1) {
    errs.push(errInvalid("spec.controller", controller, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  } else errs.push(...msgs("spec.controller", controller.slice(0, slash), isDNS1123Subdomain(controller.slice(0, slash))));
  const params = obj.spec?.parameters;
  if (isObj(params)) {
    errs.push(...validateTypedRef(params, "spec.parameters"));
    if (params.scope === undefined || params.scope === null) errs.push(errRequired("spec.parameters.scope"));
    else if (!["Cluster", "Namespace"].includes(params.scope)) errs.push(errNotSupported("spec.parameters.scope", params.scope, ["Cluster", "Namespace"]));
    else if (params.scope === "Namespace") {
      if (params.namespace === undefined || params.namespace === null) errs.push(errRequired("spec.parameters.namespace", "`parameters.scope` is set to 'Namespace'"));
      else errs.push(...msgs("spec.parameters.namespace", params.namespace, nameIsDNSLabel(str(params.namespace), false)));
    } else if (params.namespace !== undefined && params.namespace !== null) {
      errs.push(errForbidden("spec.parameters.namespace", "`parameters.scope` is set to 'Cluster'"));
    }
  }
  return errs;
}

export function validateIngressClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...immutable(obj.spec?.controller, old.spec?.controller, "spec.controller"),
    ...validateIngressClass(obj),
  ];
}
