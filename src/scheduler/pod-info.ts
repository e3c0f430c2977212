// What the scheduler derives from a pod, computed once per pod object: cache objects are shared
// and never mutated, so a WeakMap keyed by the object is a safe memo, and per-pod work in a
// scheduling cycle stays proportional to the nodes examined rather than to the pods in the cluster.

import type { KubeObject } from "../api/object";
import { requiredTerms, weightedTerms, type AffinityTerm, type WeightedAffinityTerm } from "./helpers/affinity-terms";
import type { Toleration } from "./helpers/taints";
import { nonZeroDefaults, podRequests, type ResourceVector } from "./resources";

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  pod: KubeObject;
  key: string;
  namespace: string;
  labels: Record<string, string>;
  /** Effective requests (containers, init containers, sidecars, overhead). */
  requests: ResourceVector;
  /** cpu/memory with upstream's defaults for containers that request none (for spreading scores). */
  nonZeroCpu: number;
  nonZeroMemory: number;
  hostPorts: HostPort[];
  tolerations: Toleration[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
  /** Has a podAffinity or podAntiAffinity stanza at all (NodeInfo.PodsWithAffinity). */
  hasPodAffinity: boolean;
  /** The controller owner's uid: default topology spreading counts siblings by it. */
  controllerUid?: string;
  controllerKind?: string;
  terminating: boolean;
}

const memo = new WeakMap<KubeObject, PodInfo>();

export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ""}/${pod.metadata.name ?? ""}`;
}

export function podInfo(pod: KubeObject): PodInfo {
  let info = memo.get(pod);
  if (!info) memo.set(pod, (info = derive(pod)));
  return info;
}

function derive(pod: KubeObject): PodInfo {
  const spec = (pod.spec ?? {}) as Record<string, any>;
  const namespace = pod.metadata.namespace ?? "";
  const nonZero = podRequests(spec, nonZeroDefaults);
  const hostPorts: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (typeof p.hostPort === "number" && p.hostPort > 0) {
        hostPorts.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
      }
    }
  }
  const podAffinity = spec.affinity?.podAffinity;
  const podAntiAffinity = spec.affinity?.podAntiAffinity;
  const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  return {
    pod,
    key: podKey(pod),
    namespace,
    labels: pod.metadata.labels ?? {},
    requests: podRequests(spec),
    nonZeroCpu: nonZero.cpu ?? 0,
    nonZeroMemory: nonZero.memory ?? 0,
    hostPorts,
    tolerations: spec.tolerations ?? [],
    requiredAffinity: requiredTerms(namespace, podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinity: requiredTerms(namespace, podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinity: weightedTerms(namespace, podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: weightedTerms(namespace, podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    hasPodAffinity: Boolean(podAffinity || podAntiAffinity),
    controllerUid: owner?.uid,
    controllerKind: owner?.kind,
    terminating: Boolean(pod.metadata.deletionTimestamp),
  };
}

/** Pods that finished no longer hold resources (upstream's informer drops them). */
export function isTerminal(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}
