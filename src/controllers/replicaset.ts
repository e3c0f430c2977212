// The ReplicaSet and ReplicationController controllers (replica_set.go; replication_controller.go is
// the same code behind an adapter): keep spec.replicas active pods by creating them from the
// template and deleting the most expendable surplus, adopt matching orphans, release pods that no
// longer match, and report what the pods look like. One piece serves both kinds; they differ only
// in resource name, kind and selector shape (a LabelSelector vs a plain map).

import type { KubeObject, OwnerReference } from "../api/object";
import type { LabelSelector } from "../api/selectors/labels";
import { eventAction, keyOf, splitKey, type Action, type Cache, type Controller, type Resource, type Result } from "./types";
import { claim, controllerOf, parseSelector, semanticJSON, specReplicas } from "./deployment/controller-utils";
import { nameSuffix } from "./deployment/hash";
import { isPodActive, isPodAvailable, isPodReady, podsToDelete, untilAvailable } from "./deployment/pods";

/** Upstream's burstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;
/** Generated names keep room for the 5-character suffix within 63 characters. */
const MAX_GENERATED_PREFIX = 58;

export interface ReplicaSetShape {
  name: string;
  resource: Resource;
  apiVersion: string;
  kind: string;
  /** The event source component, as upstream names it. */
  component: string;
  /** Undefined when unusable (absent, invalid): the set is then left alone. */
  selector(obj: KubeObject): LabelSelector | undefined;
}

export const replicaSetShape: ReplicaSetShape = {
  name: "replicaset",
  resource: "replicasets.apps",
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  component: "replicaset-controller",
  selector: (rs) => parseSelector(rs.spec?.selector),
};

export const replicationControllerShape: ReplicaSetShape = {
  name: "replicationcontroller",
  resource: "replicationcontrollers",
  apiVersion: "v1",
  kind: "ReplicationController",
  component: "replication-controller",
  // A map selector; an empty one would select every pod, which validation forbids: leave it alone.
  selector: (rc) => {
    const sel = rc.spec?.selector;
    return sel && Object.keys(sel).length ? parseSelector({ matchLabels: sel }) : undefined;
  },
};

export function replicaSetLikeController(shape: ReplicaSetShape): Controller {
  return {
    name: shape.name,
    watches: [
      { resource: shape.resource, keys: (rs) => [keyOf(rs)] },
      { resource: "pods", keys: (pod, cache) => podKeys(shape, pod, cache) },
    ],
    reconcile(key, cache, now) {
      const { namespace, name } = splitKey(key);
      const rs = cache.get(shape.resource, namespace, name);
      return rs ? syncReplicaSet(shape, rs, cache, now) : { actions: [] };
    },
  };
}

export const replicaSetController = replicaSetLikeController(replicaSetShape);
export const replicationControllerController = replicaSetLikeController(replicationControllerShape);

/** A pod wakes its controller; an orphan wakes every set that selects it (one may adopt it). */
function podKeys(shape: ReplicaSetShape, pod: KubeObject, cache: Cache): string[] {
  const ref = controllerOf(pod);
  if (ref) return ref.kind === shape.kind ? [`${pod.metadata.namespace}/${ref.name}`] : [];
  return cache
    .list(shape.resource, pod.metadata.namespace)
    .filter((rs) => shape.selector(rs)?.matches(pod.metadata.labels))
    .map(keyOf);
}

export function syncReplicaSet(shape: ReplicaSetShape, rs: KubeObject, cache: Cache, now: Date): Result {
  const selector = shape.selector(rs);
  if (!selector) return { actions: [] };
  const active = cache.list("pods", rs.metadata.namespace).filter(isPodActive);
  const { claimed, actions } = claim(rs, selector, active, "pods");
  // A set being deleted keeps its pods as they are; the garbage collector takes them.
  const pods = rs.metadata.deletionTimestamp ? claimed : manageReplicas(shape, rs, claimed, cache, now, actions);
  // The status describes the pods as they will be once these writes land: created ones count
  // (not yet ready), deleted ones (terminating, so inactive) do not.
  const status = calculateStatus(rs, pods, now);
  if (semanticJSON(status) !== semanticJSON(rs.status ?? {})) {
    actions.push({ verb: "update", resource: shape.resource, subresource: "status", object: { ...rs, status } });
  }
  // Pods ready but not yet ready for minReadySeconds become available later: look again then.
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const waits = pods.map((p) => untilAvailable(p, minReady, now)).filter((t): t is number => t !== undefined);
  return waits.length ? { actions, requeueAfter: Math.min(...waits) } : { actions };
}

/** Creates or deletes (at most BURST_REPLICAS) toward spec.replicas; returns the pods as they will be. */
function manageReplicas(shape: ReplicaSetShape, rs: KubeObject, pods: KubeObject[], cache: Cache, now: Date, actions: Action[]): KubeObject[] {
  const diff = pods.length - specReplicas(rs);
  const event = (reason: string, message: string) => eventAction(rs, "Normal", reason, message, shape.component, now);
  if (diff < 0) {
    if (!rs.spec?.template) return pods;
    // The runtime performs actions in order and stops at the first failure, which is slow start
    // at its most cautious: a failing API (quota, admission) sees one attempt, not hundreds.
    const created = newPods(shape, rs, Math.min(-diff, BURST_REPLICAS), cache, now);
    for (const pod of created) {
      actions.push({ verb: "create", resource: "pods", namespace: rs.metadata.namespace, object: pod });
      actions.push(event("SuccessfulCreate", `Created pod: ${pod.metadata.name}`));
    }
    return [...pods, ...created];
  }
  if (diff === 0) return pods;
  const victims = podsToDelete(pods, relatedPods(shape, rs, cache), Math.min(diff, BURST_REPLICAS), now);
  for (const pod of victims) {
    const { namespace, name, uid } = pod.metadata;
    actions.push({ verb: "delete", resource: "pods", namespace, name: name!, preconditions: { uid } });
    actions.push(event("SuccessfulDelete", `Deleted pod: ${name}`));
  }
  return pods.filter((p) => !victims.includes(p));
}

/**
 * GetPodFromTemplate, named here rather than by the API's generateName so the event can name the
 * pod: the prefix (kept as generateName) plus a suffix from the same alphabet, chosen from a
 * hash of the set, the time and an index — reproducible, and clear of names already taken.
 */
function newPods(shape: ReplicaSetShape, rs: KubeObject, count: number, cache: Cache, now: Date): KubeObject[] {
  const { namespace, name, uid } = rs.metadata;
  const template = rs.spec.template;
  const prefix = `${name}-`.slice(0, MAX_GENERATED_PREFIX);
  const ref: OwnerReference = { apiVersion: shape.apiVersion, kind: shape.kind, name: name!, uid: uid!, controller: true, blockOwnerDeletion: true };
  const taken = new Set<string>();
  const out: KubeObject[] = [];
  for (let i = 0; out.length < count; i++) {
    const podName = prefix + nameSuffix(`${uid}/${now.toISOString()}/${i}`);
    if (taken.has(podName) || cache.get("pods", namespace, podName)) continue;
    taken.add(podName);
    const meta = template.metadata ?? {};
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: podName, generateName: prefix, namespace, labels: { ...meta.labels }, ownerReferences: [ref] },
      spec: structuredClone(template.spec ?? {}),
    };
    if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
    if (meta.finalizers?.length) pod.metadata.finalizers = [...meta.finalizers];
    out.push(pod);
  }
  return out;
}

/** Pods of every set with the same controller (the deployment's other revisions), for ranking by node. */
function relatedPods(shape: ReplicaSetShape, rs: KubeObject, cache: Cache): KubeObject[] {
  const owner = controllerOf(rs)?.uid;
  const sets = owner ? cache.list(shape.resource, rs.metadata.namespace).filter((o) => controllerOf(o)?.uid === owner) : [rs];
  const pods = cache.list("pods", rs.metadata.namespace);
  const seen = new Set<string>();
  return sets.flatMap((set) => {
    const selector = shape.selector(set);
    return pods.filter((p) => selector?.matches(p.metadata.labels) && !seen.has(p.metadata.uid!) && seen.add(p.metadata.uid!));
  });
}

function calculateStatus(rs: KubeObject, pods: KubeObject[], now: Date): Record<string, any> {
  const templateLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const fullyLabeled = pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v));
  const ready = pods.filter(isPodReady);
  const status: Record<string, any> = {
    ...structuredClone(rs.status ?? {}),
    replicas: pods.length,
    fullyLabeledReplicas: fullyLabeled.length,
    readyReplicas: ready.length,
    availableReplicas: ready.filter((p) => isPodAvailable(p, minReady, now)).length,
    observedGeneration: rs.metadata.generation,
  };
  // ReplicaFailure reports a failed create or delete; this sync had none to report.
  const conditions = (status.conditions ?? []).filter((c: { type?: string }) => c.type !== "ReplicaFailure");
  if (conditions.length) status.conditions = conditions;
  else delete status.conditions;
  // Go prints these only when non-zero (omitempty); replicas always.
  for (const k of ["fullyLabeledReplicas", "readyReplicas", "availableReplicas", "observedGeneration"]) if (!status[k]) delete status[k];
  return status;
}
