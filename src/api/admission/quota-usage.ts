// What an object costs against a ResourceQuota (upstream's quota evaluators in pkg/quota/v1/evaluator/core
// plus the generic object counter), shared by the quota admission and the ResourceQuota controller.
import type { KubeObject } from "../object";
import { computeQOS } from "../strategies/qos";
import { one, podResources, type ResourceMap, toResourceMap } from "./resources";

type Obj = Record<string, any>;
export type QuotaOperation = "CREATE" | "UPDATE" | "DELETE";

export interface Evaluator {
  /** Whether this evaluator accounts for the quota resource name `name`. */
  matches(name: string): boolean;
  usage(obj: KubeObject, now: Date): ResourceMap;
  /** Whether this operation can change usage (pods are immutable in what they cost, so CREATE only). */
  handles(op: QuotaOperation, obj: KubeObject, old?: KubeObject): boolean;
  /** Only pods understand quota scopes; for others a scoped quota never matches. */
  scope?(name: string, operator: string, values: string[], obj: KubeObject): boolean;
}

const podNames = new Set([
  "pods", "count/pods", "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory",
  "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage",
]);

/** An extended resource (domain-prefixed, outside kubernetes.io); quota tracks it only as requests.<name>. */
const isExtended = (r: string): boolean => r.includes("/") && !r.includes("kubernetes.io/") && !r.startsWith("requests.");
const isExtendedRequest = (name: string): boolean => name.startsWith("requests.") && isExtended(name.slice("requests.".length));

export const isTerminating = (pod: KubeObject): boolean =>
  typeof pod.spec?.activeDeadlineSeconds === "number" && pod.spec.activeDeadlineSeconds >= 0;

/** QuotaV1Pod: terminal pods, and pods stuck past their deletion grace, stop costing compute quota. */
function chargeable(pod: KubeObject, now: Date): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  const del = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds;
  return !(del && typeof grace === "number" && now.getTime() > Date.parse(del) + grace * 1000);
}

/** podComputeUsageHelper: what the aggregated requests/limits mean as quota resource names. */
export function computeUsage(requests: ResourceMap, limits: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map([["pods", one]]);
  for (const r of ["cpu", "memory", "ephemeral-storage"]) {
    if (requests.has(r)) out.set(r, requests.get(r)!).set(`requests.${r}`, requests.get(r)!);
    if (limits.has(r)) out.set(`limits.${r}`, limits.get(r)!);
  }
  for (const [r, q] of requests) {
    if (r.startsWith("hugepages-")) out.set(r, q).set(`requests.${r}`, q);
    else if (isExtended(r)) out.set(`requests.${r}`, q);
  }
  return out;
}

function crossNamespaceAffinity(pod: KubeObject): boolean {
  const a = pod.spec?.affinity ?? {};
  const crosses = (t: Obj | undefined) => !!t && ((t.namespaces?.length ?? 0) > 0 || t.namespaceSelector != null);
  return [a.podAffinity, a.podAntiAffinity].some(
    (x: Obj | undefined) =>
      (x?.requiredDuringSchedulingIgnoredDuringExecution ?? []).some(crosses) ||
      (x?.preferredDuringSchedulingIgnoredDuringExecution ?? []).some((w: Obj) => crosses(w?.podAffinityTerm)),
  );
}

const podEvaluator: Evaluator = {
  matches: (n) => podNames.has(n) || n.startsWith("hugepages-") || n.startsWith("requests.hugepages-") || isExtendedRequest(n),
  usage(pod, now) {
    // count/pods tracks every stored pod; "pods" and compute only the live ones.
    if (!chargeable(pod, now)) return new Map([["count/pods", one]]);
    const usage = computeUsage(podResources(pod.spec, "requests", true), podResources(pod.spec, "limits", true));
    return usage.set("count/pods", one);
  },
  // An update matters only when it moves the pod between the Terminating and NotTerminating scopes.
  handles: (op, pod, old) => op === "CREATE" || (op === "UPDATE" && !!old && isTerminating(old) !== isTerminating(pod)),
  scope(name, operator, values, pod) {
    switch (name) {
      case "Terminating":
        return isTerminating(pod);
      case "NotTerminating":
        return !isTerminating(pod);
      case "BestEffort":
        return computeQOS(pod.spec) === "BestEffort";
      case "NotBestEffort":
        return computeQOS(pod.spec) !== "BestEffort";
      case "CrossNamespacePodAffinity":
        return crossNamespaceAffinity(pod);
      case "PriorityClass": {
        // A label selector over {PriorityClass: <name>}, present only when the pod names a class.
        const pc: string = pod.spec?.priorityClassName ?? "";
        if (operator === "Exists") return pc !== "";
        if (operator === "DoesNotExist") return pc === "";
        if (operator === "In") return pc !== "" && values.includes(pc);
        if (operator === "NotIn") return pc === "" || !values.includes(pc);
        return false;
      }
    }
    return false;
  },
};

const serviceNames = new Set(["services", "count/services", "services.nodeports", "services.loadbalancers"]);
const serviceEvaluator: Evaluator = {
  matches: (n) => serviceNames.has(n),
  usage(svc) {
    const out: ResourceMap = new Map([["services", one], ["count/services", one]]);
    const ports: Obj[] = svc.spec?.ports ?? [];
    const n = (k: number) => ({ ...one, num: BigInt(k) });
    if (svc.spec?.type === "NodePort") out.set("services.nodeports", n(ports.length));
    if (svc.spec?.type === "LoadBalancer") {
      // With node port allocation off, only explicitly requested node ports count.
      const explicit = svc.spec.allocateLoadBalancerNodePorts === false;
      out.set("services.nodeports", n(explicit ? ports.filter((p) => p?.nodePort).length : ports.length));
      out.set("services.loadbalancers", one);
    }
    return out;
  },
  handles: (op) => op === "CREATE" || op === "UPDATE",
};

const classSuffix = ".storageclass.storage.k8s.io/";
const pvcNames = new Set(["persistentvolumeclaims", "count/persistentvolumeclaims", "requests.storage"]);
const pvcEvaluator: Evaluator = {
  matches: (n) =>
    pvcNames.has(n) || (n.includes(classSuffix) && (n.endsWith("/persistentvolumeclaims") || n.endsWith("/requests.storage"))),
  usage(pvc) {
    const out: ResourceMap = new Map([["persistentvolumeclaims", one], ["count/persistentvolumeclaims", one]]);
    const cls: string = pvc.spec?.storageClassName ?? pvc.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? "";
    if (cls) out.set(`${cls}${classSuffix}persistentvolumeclaims`, one);
    const storage = toResourceMap(pvc.spec?.resources?.requests).get("storage");
    if (storage) {
      out.set("requests.storage", storage);
      if (cls) out.set(`${cls}${classSuffix}requests.storage`, storage);
    }
    return out;
  },
  handles: (op) => op === "CREATE" || op === "UPDATE",
};

/** Kinds whose object count also has a pre-"count/" name. */
const legacyCounts = new Set(["configmaps", "secrets", "replicationcontrollers", "resourcequotas"]);

/** Any other resource: one per stored object, as count/<resource> (count/deployments.apps). */
function countEvaluator(resource: string): Evaluator {
  const names = new Set([`count/${resource}`, ...(legacyCounts.has(resource) ? [resource] : [])]);
  return {
    matches: (n) => names.has(n),
    usage: () => new Map([...names].map((n) => [n, one])),
    handles: (op) => op === "CREATE",
  };
}

/** The evaluator for a registry-qualified resource ("pods", "deployments.apps"). */
export function evaluatorFor(resource: string): Evaluator {
  if (resource === "pods") return podEvaluator;
  if (resource === "services") return serviceEvaluator;
  if (resource === "persistentvolumeclaims") return pvcEvaluator;
  return countEvaluator(resource);
}

/** spec.scopes (as Exists) plus spec.scopeSelector's expressions, as upstream merges them. */
function scopesOf(quota: KubeObject): { scopeName: string; operator: string; values: string[] }[] {
  const plain = ((quota.spec?.scopes ?? []) as string[]).map((s) => ({ scopeName: s, operator: "Exists", values: [] }));
  const sel = ((quota.spec?.scopeSelector?.matchExpressions ?? []) as Obj[]).map((e) => ({
    scopeName: String(e.scopeName),
    operator: String(e.operator),
    values: (e.values ?? []) as string[],
  }));
  return [...plain, ...sel];
}

/** generic.Matches' scope half: every scope must match, and non-pods match no scope at all. */
export function matchesScopes(ev: Evaluator, quota: KubeObject, obj: KubeObject): boolean {
  return scopesOf(quota).every((s) => ev.scope?.(s.scopeName, s.operator, s.values, obj) ?? false);
}
