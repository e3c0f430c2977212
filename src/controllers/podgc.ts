// Pod garbage collection (upstream pkg/controller/podgc). Force-deletes (grace 0) pods that no
// kubelet will ever finish: pods bound to a Node that has been missing for a quarantine period,
// terminating pods that were never scheduled, and terminating pods on a NotReady Node tainted
// out-of-service; a pod not yet terminal is first marked Failed, so its owner sees why. Beyond a
// threshold of terminated (Succeeded/Failed) pods the oldest are deleted, evicted ones first.
//
// The quarantine needs memory of when a node was first found missing; it lives in this
// controller instance (upstream keeps it in a delaying queue), so a restart restarts it: safe.
import type { KubeObject } from "../api/object";
import type { Obj } from "../api/validation/field";
import { keyOf, splitKey, type Action, type Cache, type Controller, type Result } from "./types";

const PODS = "pods";
const NODES = "nodes";
const OUT_OF_SERVICE = "node.kubernetes.io/out-of-service";
/** The key of the terminated-pods sweep (no pod key can contain "#"). */
export const TERMINATED_KEY = "#terminated";

export interface PodGCOptions {
  /** --terminated-pod-gc-threshold; 0 disables the sweep. */
  terminatedPodThreshold?: number;
  /** How long a pod's node must be missing before the pod is deleted. */
  quarantineMs?: number;
}

const isTerminated = (pod: KubeObject) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
const isEvicted = (pod: KubeObject) => pod.status?.phase === "Failed" && pod.status?.reason === "Evicted";

function isNodeReady(node: KubeObject): boolean {
  return (node.status?.conditions ?? []).some((c: Obj) => c?.type === "Ready" && c.status === "True");
}

function outOfService(node: KubeObject | undefined): boolean {
  return !!node && !isNodeReady(node) && (node.spec?.taints ?? []).some((t: Obj) => t?.key === OUT_OF_SERVICE);
}

/** markFailedAndDeletePodWithCondition: phase Failed (plus a condition) unless terminal, then delete now. */
function markFailedAndDelete(pod: KubeObject, condition?: Obj): Action[] {
  const { namespace, name, uid } = pod.metadata;
  const actions: Action[] = [];
  if (!isTerminated(pod)) {
    // Strategic merge: conditions merge by type, so the kubelet's conditions stay.
    const status: Obj = { phase: "Failed" };
    if (condition) status.conditions = [condition];
    actions.push({ verb: "patch", resource: PODS, namespace, name: name!, subresource: "status", patchType: "strategic", patch: { status } });
  }
  actions.push({ verb: "delete", resource: PODS, namespace, name: name!, preconditions: { uid }, gracePeriodSeconds: 0 });
  return actions;
}

/** Oldest first, evicted pods before others, name as the tie-break (byEvictionAndCreationTimestamp). */
function gcOrder(a: KubeObject, b: KubeObject): number {
  if (isEvicted(a) !== isEvicted(b)) return isEvicted(a) ? -1 : 1;
  const ta = Date.parse(a.metadata.creationTimestamp ?? "") || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? "") || 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

export function podGCController(opts: PodGCOptions = {}): Controller {
  const threshold = opts.terminatedPodThreshold ?? 12_500;
  const quarantineMs = opts.quarantineMs ?? 40_000;
  /** Node name → when it was first seen missing while pods were bound to it. */
  const missingSince = new Map<string, number>();

  function sweepTerminated(cache: Cache): Result {
    if (threshold <= 0) return { actions: [] };
    const terminated = cache.list(PODS).filter(isTerminated);
    const excess = terminated.length - threshold;
    if (excess <= 0) return { actions: [] };
    return { actions: terminated.sort(gcOrder).slice(0, excess).flatMap((pod) => markFailedAndDelete(pod)) };
  }

  function reconcilePod(key: string, cache: Cache, now: Date): Result {
    const { namespace, name } = splitKey(key);
    const pod = cache.get(PODS, namespace, name);
    if (!pod) return { actions: [] };
    const nodeName: string | undefined = pod.spec?.nodeName || undefined;
    if (!nodeName) return { actions: pod.metadata.deletionTimestamp ? markFailedAndDelete(pod) : [] };
    const node = cache.get(NODES, undefined, nodeName);
    if (node) {
      missingSince.delete(nodeName);
      return { actions: pod.metadata.deletionTimestamp && outOfService(node) ? markFailedAndDelete(pod) : [] };
    }
    const since = missingSince.get(nodeName) ?? now.getTime();
    missingSince.set(nodeName, since);
    const wait = since + quarantineMs - now.getTime();
    if (wait > 0) return { actions: [], requeueAfter: wait };
    const condition = { type: "DisruptionTarget", status: "True", reason: "DeletionByPodGC", message: "PodGC: node no longer exists" };
    return { actions: markFailedAndDelete(pod, condition) };
  }

  /** Whether a pod may need collecting now (keeps ordinary pod updates off the queue). */
  function podKeys(pod: KubeObject, cache: Cache): string[] {
    const keys = isTerminated(pod) && threshold > 0 ? [TERMINATED_KEY] : [];
    if (!cache.get(PODS, pod.metadata.namespace, pod.metadata.name!)) return keys;
    const nodeName = pod.spec?.nodeName;
    const node = nodeName ? cache.get(NODES, undefined, nodeName) : undefined;
    const candidate = nodeName ? !node || (pod.metadata.deletionTimestamp && outOfService(node)) : !!pod.metadata.deletionTimestamp;
    return candidate ? [...keys, keyOf(pod)] : keys;
  }

  /** A node gone, or out of service, concerns the pods bound to it. */
  function nodeKeys(node: KubeObject, cache: Cache): string[] {
    const current = cache.get(NODES, undefined, node.metadata.name!);
    // A node that is back ends its quarantine, so a later disappearance starts a fresh one.
    if (current) missingSince.delete(node.metadata.name!);
    if (current && !outOfService(current)) return [];
    return cache
      .list(PODS)
      .filter((p) => p.spec?.nodeName === node.metadata.name && (!current || p.metadata.deletionTimestamp))
      .map(keyOf);
  }

  return {
    name: "podgc",
    watches: [
      { resource: PODS, keys: podKeys },
      { resource: NODES, keys: nodeKeys },
    ],
    reconcile: (key, cache, now) => (key === TERMINATED_KEY ? sweepTerminated(cache) : reconcilePod(key, cache, now)),
  };
}
