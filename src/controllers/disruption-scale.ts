// How many pods a PodDisruptionBudget expects and needs healthy (the disruption controller's
// getExpectedPodCount): integers count selected pods, percentages scale with the workloads' replicas.
import type { KubeObject } from "../api/object";
import type { Cache } from "./types";

type Obj = Record<string, any>;

/** intstr.GetScaledValueFromIntOrPercent, rounding up. */
export function scaledValue(v: unknown, total: number): number {
  if (typeof v === "number") return v;
  const m = typeof v === "string" ? /^(\d+)%$/.exec(v) : null;
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  return Math.ceil((Number(m[1]) * total) / 100);
}

const controllerOf = (o: KubeObject | undefined) => o?.metadata.ownerReferences?.find((r) => r.controller);
const groupOf = (apiVersion: string): string => (apiVersion.includes("/") ? apiVersion.split("/")[0]! : "");
const replicas = (o: KubeObject): number => o.spec?.replicas ?? 1;

/**
 * The scale of the workload controlling a pod, as the PDB's percentages are computed against it: a
 * Deployment's (through its ReplicaSet), a bare ReplicaSet's, a StatefulSet's or a
 * ReplicationController's replicas. Undefined when the cache does not know the controller.
 */
function controllerScale(ref: Obj, ns: string, cache: Cache): { uid: string; scale: number } | undefined {
  const group = groupOf(ref.apiVersion ?? "");
  const get = (resource: string) => {
    const o = cache.get(resource, ns, ref.name);
    return o && o.metadata.uid === ref.uid ? o : undefined;
  };
  if (ref.kind === "ReplicationController" && group === "") {
    const rc = get("replicationcontrollers");
    return rc && { uid: rc.metadata.uid!, scale: replicas(rc) };
  }
  if (ref.kind === "StatefulSet" && group === "apps") {
    const ss = get("statefulsets.apps");
    return ss && { uid: ss.metadata.uid!, scale: replicas(ss) };
  }
  if (ref.kind !== "ReplicaSet" || !["apps", "extensions"].includes(group)) return undefined;
  const rs = get("replicasets.apps");
  const owner = controllerOf(rs);
  if (!rs) return undefined;
  if (owner?.kind !== "Deployment") return { uid: rs.metadata.uid!, scale: replicas(rs) };
  const d = cache.get("deployments.apps", ns, owner.name);
  return d && d.metadata.uid === owner.uid ? { uid: d.metadata.uid!, scale: replicas(d) } : undefined;
}

/**
 * getExpectedScale: the sum of the controllers' scales. Pods with no controller are left out (and
 * reported); a controller we cannot size (a Job, a custom resource) counts its selected pods.
 */
function expectedScale(pods: KubeObject[], ns: string, cache: Cache): { expected: number; unmanaged: number } {
  const scales = new Map<string, number>();
  const counted = new Map<string, number>();
  let unmanaged = 0;
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      unmanaged++;
      continue;
    }
    if (scales.has(ref.uid) || counted.has(ref.uid)) {
      if (counted.has(ref.uid)) counted.set(ref.uid, counted.get(ref.uid)! + 1);
      continue;
    }
    const found = controllerScale(ref, ns, cache);
    if (found) scales.set(found.uid, found.scale);
    else counted.set(ref.uid, 1);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return { expected: sum(scales) + sum(counted), unmanaged };
}

export interface Counts {
  expectedPods: number;
  desiredHealthy: number;
  unmanaged: number;
}

/** getExpectedPodCount: an integer minAvailable counts selected pods; percentages and maxUnavailable use scale. */
export function expectedCounts(pdb: KubeObject, pods: KubeObject[], cache: Cache): Counts {
  const { maxUnavailable, minAvailable } = pdb.spec ?? {};
  const ns = pdb.metadata.namespace!;
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const { expected, unmanaged } = expectedScale(pods, ns, cache);
    return { expectedPods: expected, desiredHealthy: Math.max(0, expected - scaledValue(maxUnavailable, expected)), unmanaged };
  }
  if (typeof minAvailable === "number") return { expectedPods: pods.length, desiredHealthy: minAvailable, unmanaged: 0 };
  if (typeof minAvailable === "string") {
    const { expected, unmanaged } = expectedScale(pods, ns, cache);
    return { expectedPods: expected, desiredHealthy: scaledValue(minAvailable, expected), unmanaged };
  }
  return { expectedPods: 0, desiredHealthy: 0, unmanaged: 0 };
}
