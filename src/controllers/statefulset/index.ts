// The StatefulSet controller (upstream pkg/controller/statefulset): ordered, stably named members
// with their own PersistentVolumeClaims, rolled by revision (ControllerRevisions) highest ordinal
// first down to the partition, and the status `kubectl rollout status` reads.
import type { KubeObject } from "../../api/object";
import { REVISIONS } from "../daemonset/history";
import { canonicalJSON, controlled, ownerKeys, type Obj } from "../job/shared";
import { keyOf, splitKey, type Action, type Cache, type Controller, type Result } from "../types";
import { ordinalOf, replicaCount } from "./pods";
import { setRevisions, truncateHistory } from "./revisions";
import { updateStatefulSet, type Counts } from "./update";

const STATEFULSETS = "statefulsets.apps";

/** StatefulSetStatus as Go serialises it: zero counters other than replicas are omitted. */
function statusOf(set: KubeObject, counts: Counts, current: string, update: string, collisionCount: number): Obj {
  // completeRollingUpdate: every member updated and ready, so the update revision becomes current.
  const want = replicaCount(set);
  const complete =
    set.spec?.updateStrategy?.type === "RollingUpdate" &&
    counts.updatedReplicas === want && counts.readyReplicas === want && counts.replicas === want;
  const status: Obj = {
    observedGeneration: set.metadata.generation ?? 0,
    replicas: counts.replicas,
    readyReplicas: counts.readyReplicas,
    currentReplicas: complete ? counts.updatedReplicas : counts.currentReplicas,
    updatedReplicas: counts.updatedReplicas,
    currentRevision: complete ? update : current,
    updateRevision: update,
    collisionCount,
    availableReplicas: counts.availableReplicas,
  };
  for (const k of ["observedGeneration", "readyReplicas", "currentReplicas", "updatedReplicas"]) if (!status[k]) delete status[k];
  return status;
}

function sync(set: KubeObject, cache: Cache, now: Date): Result {
  // Members are the pods it controls whose names say they are its own.
  const pods = controlled(cache, "pods", set).filter((p) => ordinalOf(p).parent === set.metadata.name);
  const revisions = setRevisions(set, cache);
  const { actions, counts } = updateStatefulSet(set, pods, revisions, cache, now);
  const status = statusOf(set, counts, revisions.current.metadata.name!, revisions.update.metadata.name!, revisions.collisionCount);
  const out: Action[] = [...revisions.actions, ...actions];
  if (canonicalJSON(status) !== canonicalJSON(set.status ?? {})) {
    out.push({ verb: "update", resource: STATEFULSETS, subresource: "status", object: { ...structuredClone(set), status } });
  }
  out.push(...truncateHistory(set, pods, revisions));
  // Ready members still inside minReadySeconds become available later: look again then.
  const minReady: number = set.spec?.minReadySeconds ?? 0;
  const requeueAfter = minReady > 0 && counts.availableReplicas !== replicaCount(set) ? minReady * 1000 : undefined;
  return { actions: out, requeueAfter };
}

export const statefulSetController: Controller = {
  name: "statefulset",
  watches: [
    { resource: STATEFULSETS, keys: (o) => [keyOf(o)] },
    { resource: "pods", keys: ownerKeys("StatefulSet") },
    { resource: REVISIONS, keys: ownerKeys("StatefulSet") },
    // Watched so the cache holds claims (they exist before their pods); only owned ones wake a set.
    { resource: "persistentvolumeclaims", keys: ownerKeys("StatefulSet") },
  ],
  reconcile(key: string, cache: Cache, now: Date): Result {
    const { namespace, name } = splitKey(key);
    const set = cache.get(STATEFULSETS, namespace, name);
    return set ? sync(set, cache, now) : { actions: [] };
  },
};
