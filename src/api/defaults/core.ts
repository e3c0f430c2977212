// core/v1 defaulting for the non-pod kinds (SetDefaults_Service, _Secret, _Namespace, _PersistentVolume*,
// _Endpoints, _ReplicationController, _LimitRangeItem, _NodeStatus).
import { defaultPodTemplate } from "./pod";
import { canonicalizeResourceList, dflt, ensure, isObj, list, type Obj } from "./util";
import { utf8ToBase64 } from "../base64";

export function defaultService(svc: Obj): void {
  const spec = ensure(svc, "spec");
  dflt(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP" && typeof spec.sessionAffinityConfig?.clientIP?.timeoutSeconds !== "number") {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  dflt(spec, "type", "ClusterIP");
  for (const port of list(spec.ports)) {
    dflt(port, "protocol", "TCP");
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === "") {
      port.targetPort = port.port;
    }
  }
  const hasExternalIPs = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
  const external = spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && hasExternalIPs);
  if (external) dflt(spec, "externalTrafficPolicy", "Cluster");
  if (["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type)) dflt(spec, "internalTrafficPolicy", "Cluster");
  if (spec.type === "LoadBalancer" && typeof spec.allocateLoadBalancerNodePorts !== "boolean") spec.allocateLoadBalancerNodePorts = true;
  // Upstream's IP allocator settles the policy before validation; ipFamilies are the allocator's job.
  if (spec.type !== "ExternalName") dflt(spec, "ipFamilyPolicy", "SingleStack");
}

export function defaultSecret(secret: Obj): void {
  dflt(secret, "type", "Opaque");
  // stringData is write-only: upstream's conversion merges it into data (base64) and drops it.
  if (isObj(secret.stringData)) {
    const data = ensure(secret, "data");
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = utf8ToBase64(String(v));
  }
  delete secret.stringData;
}

export function defaultNamespace(ns: Obj): void {
  const name = ns.metadata?.name;
  if (typeof name === "string" && name) ensure(ensure(ns, "metadata"), "labels")["kubernetes.io/metadata.name"] = name;
}

export function defaultPVCSpec(spec: unknown): void {
  if (!isObj(spec)) return;
  dflt(spec, "volumeMode", "Filesystem");
  canonicalizeResourceList(spec.resources?.requests);
  canonicalizeResourceList(spec.resources?.limits);
}

export function defaultPVC(pvc: Obj): void {
  defaultPVCSpec(ensure(pvc, "spec"));
}

export function defaultPV(pv: Obj): void {
  const spec = ensure(pv, "spec");
  dflt(spec, "persistentVolumeReclaimPolicy", "Retain");
  dflt(spec, "volumeMode", "Filesystem");
  if (isObj(spec.hostPath)) dflt(spec.hostPath, "type", "");
  canonicalizeResourceList(spec.capacity);
}

export function defaultEndpoints(ep: Obj): void {
  for (const ss of list(ep.subsets)) for (const port of list(ss.ports)) dflt(port, "protocol", "TCP");
}

export function defaultReplicationController(rc: Obj): void {
  const spec = ensure(rc, "spec");
  const labels = spec.template?.metadata?.labels;
  if (isObj(labels)) {
    if (!isObj(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const meta = ensure(rc, "metadata");
    if (!isObj(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
  }
  if (typeof spec.replicas !== "number") spec.replicas = 1;
  defaultPodTemplate(spec.template);
}

export function defaultPodTemplateKind(pt: Obj): void {
  defaultPodTemplate(pt.template);
}

export function defaultLimitRange(lr: Obj): void {
  for (const item of list(lr.spec?.limits)) {
    for (const k of ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"]) canonicalizeResourceList(item[k]);
    if (item.type !== "Container") continue;
    const def = ensure(item, "default");
    const req = ensure(item, "defaultRequest");
    // Limits default to the max, requests to the limit, then to the min.
    for (const [k, v] of Object.entries(isObj(item.max) ? item.max : {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
    for (const [k, v] of Object.entries(isObj(item.min) ? item.min : {})) if (!(k in req)) req[k] = v;
  }
}

export function defaultResourceQuota(rq: Obj): void {
  canonicalizeResourceList(rq.spec?.hard);
}

export function defaultNode(node: Obj): void {
  const status = node.status;
  if (isObj(status) && isObj(status.capacity) && !isObj(status.allocatable)) status.allocatable = { ...status.capacity };
}
