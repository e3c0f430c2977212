// What the Endpoints and EndpointSlice controllers share: which Services they manage, which pods a
// Service selects, and how a pod's readiness, IPs and named ports read (upstream's
// endpointslice/util and api/v1/pod FindPort).
import type { KubeObject } from "../api/object";
import type { Obj } from "../api/validation/field";
import type { Cache } from "./types";

export const SERVICES = "services";
export const PODS = "pods";

/** Upstream's selector is a plain label map; an absent or empty one means "not ours to manage". */
function selectorOf(svc: KubeObject): Record<string, string> | undefined {
  const sel = svc.spec?.selector;
  return sel && typeof sel === "object" && Object.keys(sel).length > 0 ? sel : undefined;
}

/**
 * Services whose endpoints a controller computes: with a selector, not ExternalName, not being
 * deleted, and not the API server's own `default/kubernetes` (its endpoints are the API server's).
 */
export function isManagedService(svc: KubeObject | undefined): svc is KubeObject {
  if (!svc || svc.metadata.deletionTimestamp || svc.spec?.type === "ExternalName") return false;
  if (svc.metadata.namespace === "default" && svc.metadata.name === "kubernetes") return false;
  return selectorOf(svc) !== undefined;
}

export function selects(svc: KubeObject, pod: KubeObject): boolean {
  const sel = selectorOf(svc);
  const labels = pod.metadata.labels ?? {};
  return !!sel && pod.metadata.namespace === svc.metadata.namespace && Object.entries(sel).every(([k, v]) => labels[k] === v);
}

/** Pods of the Service, by name for a stable order. */
export function selectedPods(cache: Cache, svc: KubeObject): KubeObject[] {
  return cache
    .list(PODS, svc.metadata.namespace)
    .filter((p) => selects(svc, p))
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
}

/** Keys of managed Services in the pod's namespace that select it now. */
export function servicesSelecting(cache: Cache, pod: KubeObject): string[] {
  return cache
    .list(SERVICES, pod.metadata.namespace)
    .filter((s) => isManagedService(s) && selects(s, pod))
    .map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
}

export function isPodReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: Obj) => c?.type === "Ready" && c.status === "True");
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and not terminating unless asked to include those. */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

export type Family = "IPv4" | "IPv6";

export function familyOf(ip: string): Family {
  return ip.includes(":") ? "IPv6" : "IPv4";
}

/** The pod's IPs of one family (status.podIPs, falling back to status.podIP). */
export function podIPs(pod: KubeObject, family: Family): string[] {
  const all: string[] = (pod.status?.podIPs ?? []).map((p: Obj) => p?.ip).filter((ip: unknown) => typeof ip === "string" && ip);
  if (all.length === 0 && pod.status?.podIP) all.push(pod.status.podIP);
  return all.filter((ip) => familyOf(ip) === family);
}

/** The address families a Service's endpoints use: spec.ipFamilies, else its clusterIP's, else IPv4. */
export function serviceFamilies(svc: KubeObject): Family[] {
  const fams = (svc.spec?.ipFamilies ?? []).filter((f: unknown) => f === "IPv4" || f === "IPv6");
  if (fams.length) return fams;
  const ip = svc.spec?.clusterIP;
  return [ip && ip !== "None" ? familyOf(ip) : "IPv4"];
}

export function isHeadless(svc: KubeObject): boolean {
  return !svc.spec?.clusterIP || svc.spec.clusterIP === "None";
}

/** A pod is `<hostname>.<service>` in DNS when its subdomain names the Service. */
export function hostnameFor(pod: KubeObject, svc: KubeObject): string | undefined {
  const hostname = pod.spec?.hostname;
  return hostname && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace ? hostname : undefined;
}

/**
 * FindPort: a numeric targetPort is used as is; a name is looked up among the containers' (and
 * restartable init containers') ports with the same protocol. Undefined when the pod has none.
 */
export function findPort(pod: KubeObject, svcPort: Obj): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === "number") return target;
  const protocol = svcPort.protocol ?? "TCP";
  const sidecars = (pod.spec?.initContainers ?? []).filter((c: Obj) => c?.restartPolicy === "Always");
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const p of c?.ports ?? []) if (p?.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  }
  return undefined;
}

/** The endpoint ports a pod serves for a Service, in the Service's port order. */
export function endpointPorts(svc: KubeObject, pod: KubeObject): Obj[] {
  const out: Obj[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: Obj = { name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

export function podRef(pod: KubeObject): Obj {
  return { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
}

export { canonical } from "../api/canonical";
