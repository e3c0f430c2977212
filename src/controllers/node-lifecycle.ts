// Node lifecycle (pkg/controller/nodelifecycle): a node whose kubelet stops renewing its Lease goes
// Ready=Unknown after the grace period; node conditions and spec.unschedulable become taints
// (NoSchedule for the scheduler, NoExecute for taint eviction); pods on an unreachable node stop
// counting as Ready so Services drop them. Level-triggered on the Lease and Ready heartbeat times.
import type { KubeObject } from "../api/object";
import { type Action, type Cache, type Controller, eventAction } from "./types";

type Obj = Record<string, any>;
const LEASES = "leases.coordination.k8s.io";
export const NODE_LEASE_NAMESPACE = "kube-node-lease";
const COMPONENT = "node-controller";

export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";
export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

/** Which condition status becomes which NoSchedule taint (nodeConditionToTaintKeyStatusMap). */
const conditionTaints: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: "node.kubernetes.io/memory-pressure" },
  DiskPressure: { True: "node.kubernetes.io/disk-pressure" },
  NetworkUnavailable: { True: "node.kubernetes.io/network-unavailable" },
  PIDPressure: { True: "node.kubernetes.io/pid-pressure" },
};
const managedNoSchedule = new Set([TAINT_UNSCHEDULABLE, ...Object.values(conditionTaints).flatMap((m) => Object.values(m))]);
/** Conditions the controller sets Unknown; NetworkUnavailable belongs to the network plugin. */
const kubeletConditions = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

export interface NodeLifecycleOptions {
  /** How long a silent kubelet is trusted (node-monitor-grace-period). Default 40 s. */
  gracePeriodMs?: number;
  /** The same for a node that never posted a Ready condition (node-startup-grace-period). Default 60 s. */
  startupGracePeriodMs?: number;
}

const metaTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const ms = (t: unknown): number => (typeof t === "string" ? Date.parse(t) || 0 : 0);
const condition = (node: KubeObject, type: string): Obj | undefined =>
  (node.status?.conditions ?? []).find((c: Obj) => c?.type === type);

/**
 * When the kubelet was last heard from: its Lease renewal or its Ready heartbeat, whichever is
 * later; a node never heard from counts from its creation.
 */
export function lastHeard(node: KubeObject, lease: KubeObject | undefined): number {
  return Math.max(ms(node.metadata.creationTimestamp), ms(condition(node, "Ready")?.lastHeartbeatTime), ms(lease?.spec?.renewTime));
}

/** The kubelet's conditions turned Unknown, as the controller posts them; undefined when nothing changes. */
export function unknownConditions(node: KubeObject, now: Date): Obj[] | undefined {
  const conditions: Obj[] = (node.status?.conditions ?? []).map((c: Obj) => ({ ...c }));
  let changed = false;
  for (const type of kubeletConditions) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({
        type,
        status: "Unknown",
        reason: "NodeStatusNeverUpdated",
        message: "Kubelet never posted node status.",
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: metaTime(now),
      });
      changed = true;
    } else if (c.status !== "Unknown") {
      Object.assign(c, { status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: metaTime(now) });
      changed = true;
    }
  }
  return changed ? conditions : undefined;
}

/**
 * The node's taints with the controller-owned ones made to match its state: kept ones keep their
 * timeAdded, new ones are stamped `now`, others' taints are untouched. Undefined when nothing changes.
 * `evict` false withholds the NoExecute taints (every node down looks like our own outage, not theirs).
 */
export function reconcileTaints(node: KubeObject, now: Date, evict = true): Obj[] | undefined {
  const want: Obj[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = conditionTaints[c?.type]?.[c?.status];
    if (key) want.push({ key, effect: "NoSchedule" });
  }
  if (node.spec?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: "NoSchedule" });
  const ready = condition(node, "Ready")?.status;
  if (evict && ready === "False") want.push({ key: TAINT_NOT_READY, effect: "NoExecute" });
  if (evict && ready === "Unknown") want.push({ key: TAINT_UNREACHABLE, effect: "NoExecute" });

  const owned = (t: Obj) =>
    (t.effect === "NoSchedule" && managedNoSchedule.has(t.key)) ||
    (t.effect === "NoExecute" && (t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE));
  const same = (a: Obj, b: Obj) => a.key === b.key && a.effect === b.effect;
  const current: Obj[] = node.spec?.taints ?? [];
  const kept = current.filter((t) => !owned(t) || want.some((w) => same(w, t)));
  const added = want.filter((w) => !current.some((t) => same(w, t))).map((w) => ({ ...w, timeAdded: metaTime(now) }));
  if (added.length === 0 && kept.length === current.length) return undefined;
  return [...kept, ...added];
}

/**
 * The all-zones-down guard: when no node (outside those labelled exclude-disruption) is Ready, the
 * likelier fault is ours, so nothing gets NoExecute taints and nothing is evicted.
 */
function clusterFullyDisrupted(cache: Cache): boolean {
  const nodes = cache.list("nodes").filter((n) => !(n.metadata.labels ?? {})["node.kubernetes.io/exclude-disruption"]);
  return nodes.length > 0 && nodes.every((n) => condition(n, "Ready")?.status !== "True");
}

function podsOn(cache: Cache, node: string): KubeObject[] {
  return cache.list("pods").filter((p) => p.spec?.nodeName === node);
}

const podReady = (p: KubeObject): boolean => (p.status?.conditions ?? []).some((c: Obj) => c?.type === "Ready" && c.status === "True");

/** MarkPodsNotReady: the kubelet is gone and cannot say so itself. */
function markPodsNotReady(cache: Cache, node: string, now: Date): Action[] {
  return podsOn(cache, node)
    .filter(podReady)
    .flatMap((pod) => {
      const copy = structuredClone(pod);
      for (const c of copy.status.conditions) if (c?.type === "Ready") Object.assign(c, { status: "False", lastTransitionTime: metaTime(now) });
      return [
        { verb: "update", resource: "pods", object: copy, subresource: "status" } satisfies Action,
        eventAction(pod, "Warning", "NodeNotReady", "Node is not ready", COMPONENT, now),
      ];
    });
}

export function createNodeLifecycleController(opts: NodeLifecycleOptions = {}): Controller {
  const grace = opts.gracePeriodMs ?? 40_000;
  const startupGrace = opts.startupGracePeriodMs ?? 60_000;
  return {
    name: "node-lifecycle",
    watches: [
      { resource: "nodes", keys: (node) => [node.metadata.name!] },
      { resource: LEASES, keys: (l) => (l.metadata.namespace === NODE_LEASE_NAMESPACE ? [l.metadata.name!] : []) },
      {
        // Only a ready pod landing on an unreachable node needs this controller.
        resource: "pods",
        keys: (pod, cache) => {
          const node = pod.spec?.nodeName ? cache.get("nodes", undefined, pod.spec.nodeName) : undefined;
          return node && podReady(pod) && condition(node, "Ready")?.status === "Unknown" ? [node.metadata.name!] : [];
        },
      },
    ],
    reconcile(key, cache, now) {
      const node = cache.get("nodes", undefined, key);
      if (!node) return { actions: [] };
      const ready = condition(node, "Ready");
      const deadline = lastHeard(node, cache.get(LEASES, NODE_LEASE_NAMESPACE, key)) + (ready ? grace : startupGrace);

      if (now.getTime() > deadline) {
        const conditions = unknownConditions(node, now);
        if (conditions) {
          // Status first; the write's echo re-queues this node and the taints follow from the new state.
          const copy = structuredClone(node);
          copy.status = { ...copy.status, conditions };
          const actions: Action[] = [{ verb: "update", resource: "nodes", object: copy, subresource: "status" }];
          if (ready?.status === "True") actions.push(eventAction(node, "Normal", "NodeNotReady", `Node ${key} status is now: NodeNotReady`, COMPONENT, now));
          return { actions };
        }
      }

      const actions: Action[] = [];
      const taints = reconcileTaints(node, now, !clusterFullyDisrupted(cache));
      if (taints) {
        const copy = structuredClone(node);
        copy.spec = { ...copy.spec, taints };
        actions.push({ verb: "update", resource: "nodes", object: copy });
      }
      if (ready?.status === "Unknown") actions.push(...markPodsNotReady(cache, key, now));
      // Wake when the kubelet's silence would outlast the grace period.
      return now.getTime() <= deadline ? { actions, requeueAfter: deadline - now.getTime() + 1 } : { actions };
    },
  };
}
