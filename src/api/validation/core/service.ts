// Services (core ValidateService / ValidateServiceUpdate). Names are DNS-1035 labels upstream.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { asArray, child, errDuplicate, errForbidden, errInvalid, errNotSupported, errRequired, index, isObj, msgs, str, type Obj } from "../field";
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { isQualifiedName, isPortNum, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from "../names";
import { validateCIDR, validateIP } from "../net";
import { protocols } from "./container-parts";
import { validatePortNumOrName } from "./probes";
import { clusterIPsOf, isHeadless, validateClusterIPs, validateClusterIPsUpdate } from "./service-ips";

const types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const trafficPolicies = ["Cluster", "Local"];

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && !name) errs.push(errRequired(child(p, "name")));
  else if (name) {
    errs.push(...msgs(child(p, "name"), name, nameIsDNSLabel(name, false)));
    if (names.has(name)) errs.push(errDuplicate(child(p, "name"), name));
    else names.add(name);
  }
  errs.push(...msgs(child(p, "port"), sp.port ?? 0, isPortNum(sp.port ?? 0)));
  if (!sp.protocol) errs.push(errRequired(child(p, "protocol")));
  else if (!protocols.includes(sp.protocol)) errs.push(errNotSupported(child(p, "protocol"), sp.protocol, protocols));
  errs.push(...validatePortNumOrName(sp.targetPort, child(p, "targetPort")));
  if (sp.appProtocol !== undefined && sp.appProtocol !== null) {
    errs.push(...msgs(child(p, "appProtocol"), sp.appProtocol, isQualifiedName(str(sp.appProtocol))));
  }
  return errs;
}

function externallyAccessible(spec: Obj): boolean {
  return spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && asArray(spec.externalIPs).length > 0);
}

function validateTypeSpecific(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const headless = isHeadless(spec);
  if ((spec.type === "LoadBalancer" || spec.type === "NodePort") && headless) {
    errs.push(errInvalid("spec.clusterIPs[0]", "None", `may not be set to 'None' for ${spec.type} services`));
  }
  if (spec.type === "ExternalName") {
    if (clusterIPsOf(spec).length > 0) errs.push(errForbidden("spec.clusterIPs", "may not be set for ExternalName services"));
    if (asArray(spec.ipFamilies).length > 0) errs.push(errForbidden("spec.ipFamilies", "may not be set for ExternalName services"));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      errs.push(errForbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
    }
    const cname = str(spec.externalName).replace(/\.$/, "");
    if (cname) errs.push(...msgs("spec.externalName", cname, nameIsDNSSubdomain(cname, false)));
    else errs.push(errRequired("spec.externalName"));
  }
  return errs;
}

function validateSessionAffinity(spec: Obj): FieldError[] {
  const aff = spec.sessionAffinity;
  if (!aff) return [errRequired("spec.sessionAffinity")];
  if (!["ClientIP", "None"].includes(aff)) return [errNotSupported("spec.sessionAffinity", aff, ["ClientIP", "None"])];
  const cfg = spec.sessionAffinityConfig;
  if (aff === "None") {
    return cfg !== undefined && cfg !== null ? [errForbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None")] : [];
  }
  const when = "when session affinity type is ClientIP";
  if (!isObj(cfg)) return [errRequired("spec.sessionAffinityConfig", when)];
  if (!isObj(cfg.clientIP)) return [errRequired("spec.sessionAffinityConfig.clientIP", when)];
  const t = cfg.clientIP.timeoutSeconds;
  if (typeof t !== "number") return [errRequired("spec.sessionAffinityConfig.clientIP.timeoutSeconds", when)];
  return t <= 0 || t > 86400 ? [errInvalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", t, "must be greater than 0 and less than 86400")] : [];
}

function validateTrafficPolicies(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(errInvalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"));
  } else if (!etp) errs.push(errRequired("spec.externalTrafficPolicy"));
  else if (!trafficPolicies.includes(etp)) errs.push(errNotSupported("spec.externalTrafficPolicy", etp, trafficPolicies));
  const needsHealthCheck = spec.type === "LoadBalancer" && etp === "Local";
  if (!needsHealthCheck && spec.healthCheckNodePort) {
    errs.push(errInvalid("spec.healthCheckNodePort", spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const itp = spec.internalTrafficPolicy;
  if ((itp === undefined || itp === null) && ["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type)) {
    errs.push(errRequired("spec.internalTrafficPolicy"));
  }
  if (itp !== undefined && itp !== null && !trafficPolicies.includes(itp)) errs.push(errNotSupported("spec.internalTrafficPolicy", itp, trafficPolicies));
  const td = spec.trafficDistribution;
  const tds = ["PreferClose", "PreferSameNode", "PreferSameZone"];
  if (td !== undefined && td !== null && !tds.includes(td)) errs.push(errNotSupported("spec.trafficDistribution", td, tds));
  return errs;
}

export function validateService(svc: KubeObject): FieldError[] {
  const spec: Obj = isObj(svc.spec) ? svc.spec : {};
  const errs = validateObjectMeta(svc.metadata, { namespaced: true, nameValidator: nameIsDNS1035Label });
  const ports = asArray(spec.ports);
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== "ExternalName") errs.push(errRequired("spec.ports"));
  errs.push(...validateTypeSpecific(spec));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p ?? {}, ports.length > 1, names, index("spec.ports", i))));
  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector, "spec.selector"));
  errs.push(...validateSessionAffinity(spec));
  errs.push(...validateClusterIPs(spec));
  asArray(spec.externalIPs).forEach((ip, i) => errs.push(...validateIP(index("spec.externalIPs", i), str(ip))));
  if (!spec.type) errs.push(errRequired("spec.type"));
  else if (!types.includes(spec.type)) errs.push(errNotSupported("spec.type", spec.type, types));
  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  ports.forEach((p: Obj, i) => {
    if (spec.type === "ClusterIP" && p?.nodePort) errs.push(errForbidden(child(index("spec.ports", i), "nodePort"), "may not be used when `type` is 'ClusterIP'"));
    if (p?.nodePort) {
      const k = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(k)) errs.push(errDuplicate(child(index("spec.ports", i), "nodePort"), p.nodePort));
      nodePorts.add(k);
    }
    const k = `${p?.protocol}/${p?.port}`;
    if (portKeys.has(k)) errs.push(errDuplicate(index("spec.ports", i), { protocol: p?.protocol, port: p?.port }));
    portKeys.add(k);
  });
  const ranges = asArray(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    if (spec.type !== "LoadBalancer") errs.push(errForbidden("spec.LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...validateCIDR(index("spec.LoadBalancerSourceRanges", i), str(r).trim())));
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && spec.type !== "LoadBalancer") {
    errs.push(errForbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type === "LoadBalancer" && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    errs.push(errRequired("allocateLoadBalancerNodePorts"));
  }
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const spec: Obj = isObj(svc.spec) ? svc.spec : {};
  const oldSpec: Obj = isObj(old.spec) ? old.spec : {};
  const errs = [...validateObjectMetaUpdate(svc.metadata, old.metadata), ...validateClusterIPsUpdate(spec, oldSpec)];
  const hc = (s: Obj) => s.type === "LoadBalancer" && s.externalTrafficPolicy === "Local";
  if (hc(spec) && hc(oldSpec) && spec.healthCheckNodePort !== oldSpec.healthCheckNodePort) {
    errs.push(errForbidden("spec.healthCheckNodePort", "field is immutable"));
  }
  return [...errs, ...validateService(svc)];
}
