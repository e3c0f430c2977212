// ClusterIP and NodePort allocation for a Service being created (or updated), as upstream's REST
// layer does it synchronously (pkg/registry/core/service/storage/alloc.go over the bitmap
// allocators). Not a controller: the API server calls `allocateService` with the Services it has.
//
// Allocation is deterministic rather than random: the free value is searched from a start point
// hashed from namespace/name, in the upper ("dynamic") part of the range first and the lower
// ("static") part last, as upstream's offset strategy (KEP-3070) keeps the low band for explicit
// requests. Hashing rather than lowest-free also makes two racing creates unlikely to pick the
// same value; uniqueness itself still needs the caller to serialise creates.
//
// The cluster is single-stack IPv4: the first family is IPv4 and IPv6 requests are refused.
import { errors, type FieldError } from "../api/errors";
import type { KubeObject } from "../api/object";
import { asArray, errInvalid, type Obj } from "../api/validation/field";
import { clusterIPsOf } from "../api/validation/core/service-ips";
import { formatIPv4, hash32, mustParseCIDR, parseIPv4, type CIDR } from "./ipv4";

export interface AllocationConfig {
  /** --service-cluster-ip-range */
  serviceCIDR: string;
  /** --service-node-port-range, "base-last" inclusive */
  nodePortRange: string;
}

export const defaultAllocationConfig: AllocationConfig = { serviceCIDR: "10.96.0.0/12", nodePortRange: "30000-32767" };

export interface ServiceAllocation {
  clusterIP?: string;
  clusterIPs?: string[];
  /** Absent for ExternalName, as upstream leaves it. */
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  /** spec.ports with nodePort filled where the type needs one. */
  ports: Obj[];
  healthCheckNodePort?: number;
}

/** A numeric range with upstream's split into a static (low) and dynamic (high) band. */
interface Band {
  size: number;
  offset: number;
}

/** min(max(min, size/step), max); 0 for tiny ranges (calculateRangeOffset in both allocators). */
function rangeOffset(size: number, step: number, max: number): number {
  return size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / step)), max);
}

/** Next free index: dynamic band from a hashed start, then the static band from its bottom. */
function nextFree(band: Band, used: Set<number>, seed: number): number | undefined {
  const upper = band.size - band.offset;
  for (let i = 0; i < upper; i++) {
    const idx = band.offset + ((seed + i) % upper);
    if (!used.has(idx)) return idx;
  }
  for (let idx = 0; idx < band.offset; idx++) if (!used.has(idx)) return idx;
  return undefined;
}

/** The IPv4 range minus network and broadcast: index i is base+1+i; index 0 is the `kubernetes` Service's. */
function ipBand(cidr: CIDR): Band {
  return { size: Math.max(0, cidr.size - 2), offset: rangeOffset(cidr.size, 16, 256) };
}

function parsePortRange(text: string): { base: number; size: number; text: string } {
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (!m || Number(m[2]) < Number(m[1])) throw new Error(`invalid port range ${JSON.stringify(text)}`);
  return { base: Number(m[1]), size: Number(m[2]) - Number(m[1]) + 1, text };
}

/** initIPFamilyFields for a single-stack IPv4 cluster: default and check policy and families. */
function ipFamilyFields(spec: Obj): { ipFamilies: string[]; ipFamilyPolicy: string } | FieldError[] {
  const ips = clusterIPsOf(spec);
  const headlessSelectorless = ips[0] === "None" && Object.keys(spec.selector ?? {}).length === 0;
  const policy: string = spec.ipFamilyPolicy ?? (headlessSelectorless ? "RequireDualStack" : "SingleStack");
  const families: string[] = [...asArray(spec.ipFamilies)];
  const errs: FieldError[] = [];
  if (policy === "SingleStack") {
    const why = "must be 'RequireDualStack' or 'PreferDualStack' when multiple";
    if (ips.length === 2) errs.push(errInvalid("spec.ipFamilyPolicy", policy, `${why} cluster IPs are specified`));
    if (families.length === 2) errs.push(errInvalid("spec.ipFamilyPolicy", policy, `${why} IP families are specified`));
  }
  for (let i = 0; i < ips.length && ips[i] !== "None"; i++) {
    if (i < families.length) continue;
    const family = ips[i]!.includes(":") ? "IPv6" : "IPv4";
    if (family === "IPv4") families.push(family);
    else errs.push(errInvalid(`spec.clusterIPs[${i}]`, ips, `${family} is not configured on this cluster`));
  }
  if (errs.length) return errs;
  // Headless without a selector may name families the cluster lacks: nothing is allocated for them.
  if (headlessSelectorless) {
    if (families.length === 0) families.push("IPv4");
    if (families.length < 2 && policy !== "SingleStack") families.push(families[0] === "IPv4" ? "IPv6" : "IPv4");
    return { ipFamilies: families, ipFamilyPolicy: policy };
  }
  if (policy === "RequireDualStack") errs.push(errInvalid("spec.ipFamilyPolicy", policy, "this cluster is not configured for dual-stack services"));
  families.forEach((f, i) => f !== "IPv4" && errs.push(errInvalid(`spec.ipFamilies[${i}]`, f, "not configured on this cluster")));
  if (errs.length) return errs;
  if (families.length === 0) families.push("IPv4");
  return { ipFamilies: families, ipFamilyPolicy: policy };
}

function allocateClusterIP(svc: KubeObject, others: KubeObject[], cidr: CIDR): string | FieldError[] {
  const ips = clusterIPsOf(svc.spec ?? {});
  const band = ipBand(cidr);
  const offsetOf = (ip: string) => (parseIPv4(ip) ?? -1) - cidr.base - 1;
  const used = new Set(others.flatMap((o) => clusterIPsOf(o.spec ?? {}).map(offsetOf)));
  const isKubernetes = svc.metadata.namespace === "default" && svc.metadata.name === "kubernetes";
  if (!isKubernetes) used.add(0);
  const requested = ips[0];
  if (requested) {
    const idx = offsetOf(requested);
    const fail = (why: string) => [errInvalid("spec.clusterIPs", ips, `failed to allocate IP ${requested}: ${why}`)];
    if (idx < 0 || idx >= band.size) return fail(`provided IP is not in the valid range. The range of valid IPs is ${cidr.text}`);
    if (used.has(idx)) return fail("provided IP is already allocated");
    return formatIPv4(cidr.base + 1 + idx);
  }
  const idx = isKubernetes && !used.has(0) ? 0 : nextFree(band, used, hash32(`${svc.metadata.namespace}/${svc.metadata.name}`));
  if (idx === undefined) throw errors.internal("failed to allocate a serviceIP: range is full");
  return formatIPv4(cidr.base + 1 + idx);
}

/** initNodePorts + allocHealthCheckNodePort; fills `ports` in place. */
type PortRange = ReturnType<typeof parsePortRange>;

function allocateNodePorts(svc: KubeObject, ports: Obj[], others: KubeObject[], range: PortRange): { errors?: FieldError[]; healthCheckNodePort?: number } {
  const spec = svc.spec ?? {};
  const band: Band = { size: range.size, offset: rangeOffset(range.size, 32, 128) };
  const used = new Set<number>();
  for (const o of others) {
    for (const p of asArray(o.spec?.ports)) if (p?.nodePort) used.add(p.nodePort - range.base);
    if (o.spec?.healthCheckNodePort) used.add(o.spec.healthCheckNodePort - range.base);
  }
  const take = (port: number): string | undefined => {
    const idx = port - range.base;
    if (idx < 0 || idx >= range.size) return `provided port is not in the valid range. The range of valid ports is ${range.text}`;
    if (used.has(idx)) return "provided port is already allocated";
    used.add(idx);
    return undefined;
  };
  const seed = hash32(`${svc.metadata.namespace}/${svc.metadata.name}`);
  const next = (what: string): number => {
    const idx = nextFree(band, used, seed);
    if (idx === undefined) throw errors.internal(`failed to allocate ${what}: range is full`);
    used.add(idx);
    return range.base + idx;
  };
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") {
    const allocateNew = spec.type === "NodePort" || spec.allocateLoadBalancerNodePorts !== false;
    // One node port serves every protocol of the same service port number (e.g. DNS on TCP and UDP).
    const byPort = new Map<number, number>();
    for (const [i, p] of ports.entries()) {
      if (!p.nodePort && !allocateNew) continue;
      const field = `spec.ports[${i}].nodePort`;
      const prior = byPort.get(p.port);
      if (prior === undefined) {
        const requested: number | undefined = ports.find((q) => q.port === p.port && q.nodePort)?.nodePort;
        const why = requested ? take(requested) : undefined;
        if (why) return { errors: [errInvalid(field, requested, why)] };
        p.nodePort = requested ?? next("a nodePort");
        byPort.set(p.port, p.nodePort);
      } else if (p.nodePort !== prior) {
        const why = p.nodePort ? take(p.nodePort) : undefined;
        if (why) return { errors: [errInvalid(field, p.nodePort, why)] };
        p.nodePort ||= prior;
      }
    }
  }
  if (spec.type !== "LoadBalancer" || spec.externalTrafficPolicy !== "Local") return {};
  // Upstream reports health-check port failures as internal errors, not field errors.
  if (!spec.healthCheckNodePort) return { healthCheckNodePort: next("a HealthCheck NodePort 0") };
  const why = take(spec.healthCheckNodePort);
  if (why) throw errors.internal(`failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${why}`);
  return { healthCheckNodePort: spec.healthCheckNodePort };
}

/**
 * What the API server writes into a new Service's spec: IP families, cluster IP(s), node ports.
 * `existing` are the Services already stored (the Service itself, by namespace/name, is ignored,
 * so an update may call this too). Invalid requests come back as field errors; an exhausted range
 * throws an InternalError Status, as upstream answers.
 */
export function allocateService(svc: KubeObject, existing: KubeObject[], config: AllocationConfig = defaultAllocationConfig): ServiceAllocation | FieldError[] {
  const spec: Obj = svc.spec ?? {};
  const ports: Obj[] = structuredClone(asArray(spec.ports));
  if (spec.type === "ExternalName") return { ports };
  const families = ipFamilyFields(spec);
  if (Array.isArray(families)) return families;
  const self = (o: KubeObject) => o.metadata.namespace === svc.metadata.namespace && o.metadata.name === svc.metadata.name;
  const others = existing.filter((o) => !self(o));
  const result: ServiceAllocation = { ...families, ports };
  const ips = clusterIPsOf(spec);
  if (ips[0] === "None") Object.assign(result, { clusterIP: "None", clusterIPs: ["None"] });
  else {
    const ip = allocateClusterIP(svc, others, mustParseCIDR(config.serviceCIDR));
    if (Array.isArray(ip)) return ip;
    Object.assign(result, { clusterIP: ip, clusterIPs: [ip] });
  }
  const np = allocateNodePorts(svc, ports, others, parsePortRange(config.nodePortRange));
  if (np.errors) return np.errors;
  if (np.healthCheckNodePort !== undefined) result.healthCheckNodePort = np.healthCheckNodePort;
  return result;
}

/** The Service with an allocation written into its spec (a copy). */
export function applyAllocation(svc: KubeObject, a: ServiceAllocation): KubeObject {
  const out = structuredClone(svc);
  const spec: Obj = (out.spec ??= {});
  for (const key of ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "healthCheckNodePort"] as const) {
    if (a[key] !== undefined) spec[key] = a[key];
  }
  if (Array.isArray(spec.ports)) spec.ports = a.ports;
  return out;
}
