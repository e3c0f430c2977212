// The Service-specific create/update preparation: keep clusterIP and clusterIPs in step
// (normalizeClusterIPs), keep allocated values a client omitted (patchAllocatedValues) and drop
// values the new type no longer uses (dropTypeDependentFields).
import type { KubeObject } from "../object";

type Obj = Record<string, any>;
const ips = (s: Obj): string[] => (Array.isArray(s.clusterIPs) ? s.clusterIPs : []);
const sameList = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const needsClusterIP = (s: Obj) => s.type !== "ExternalName";
const needsNodePort = (s: Obj) => s.type === "NodePort" || (s.type === "LoadBalancer" && s.allocateLoadBalancerNodePorts !== false);
const needsHCNodePort = (s: Obj) => s.type === "LoadBalancer" && s.externalTrafficPolicy === "Local";
const nodePorts = (s: Obj): number[] => (Array.isArray(s.ports) ? s.ports.map((p: Obj) => p?.nodePort ?? 0) : []);

export function prepareServiceCreate(obj: KubeObject): void {
  const spec: Obj = (obj.spec ??= {});
  // An old client sets only clusterIP; initialise the plural field from it.
  if (spec.clusterIP && ips(spec).length === 0) spec.clusterIPs = [spec.clusterIP];
}

function patchAllocated(spec: Obj, old: Obj): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = old.clusterIP;
    if (ips(spec).length === 0 && ips(old).length > 0) spec.clusterIPs = old.clusterIPs;
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) {
      if (Array.isArray(old.ipFamilies)) spec.ipFamilies = old.ipFamilies;
    }
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const used = new Set(nodePorts(spec).filter((p) => p && nodePorts(old).includes(p)));
    const byName = new Map<string, number>((old.ports ?? []).map((p: Obj) => [p?.name ?? "", p?.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      if (p && !p.nodePort) {
        const prev = byName.get(p.name ?? "") ?? 0;
        if (prev && !used.has(prev)) p.nodePort = prev;
      }
    }
  }
  if (needsHCNodePort(old) && needsHCNodePort(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
}

function normalize(spec: Obj, old: Obj): void {
  if (ips(old).length > 0 && ips(spec).length === 0 && old.clusterIP === spec.clusterIP) spec.clusterIPs = old.clusterIPs;
  if ((old.clusterIP ?? "") !== (spec.clusterIP ?? "") && sameList(ips(old), ips(spec))) {
    if (old.clusterIP && !spec.clusterIP) delete spec.clusterIPs;
    else spec.clusterIPs = [spec.clusterIP];
  }
}

function dropTypeDependent(spec: Obj, old: Obj): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if ((spec.clusterIP ?? "") === (old.clusterIP ?? "") && sameList(ips(spec), ips(old))) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(spec.ipFamilies ?? [], old.ipFamilies ?? [])) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec) && sameList(nodePorts(spec), nodePorts(old))) {
    for (const p of spec.ports ?? []) if (p) delete p.nodePort;
  }
  if (needsHCNodePort(old) && !needsHCNodePort(spec) && spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  const external = spec.type === "LoadBalancer" || spec.type === "NodePort" || (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (!external && spec.externalTrafficPolicy === old.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== "LoadBalancer") {
    if (spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === old.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (spec.type === "ExternalName" && spec.internalTrafficPolicy === old.internalTrafficPolicy) delete spec.internalTrafficPolicy;
}

export function prepareServiceUpdate(obj: KubeObject, old: KubeObject): void {
  const spec: Obj = (obj.spec ??= {});
  const oldSpec: Obj = old.spec ?? {};
  patchAllocated(spec, oldSpec);
  normalize(spec, oldSpec);
  dropTypeDependent(spec, oldSpec);
}
