// The contract between pure reconcilers and the control-loop runtime that hosts them (the
// ControllerManager and Scheduler Durable Objects). A reconciler reads a cache snapshot and returns
// the writes it wants; the runtime performs them through the API pipeline, as a system user, and
// feeds the results back into the cache, so a second pass over the same state yields no writes.

import type { KubeObject } from "../api/object";

/** Resources are named as the registry qualifies them: "pods", "deployments.apps", "leases.coordination.k8s.io". */
export type Resource = string;

/** A read-only view of the informer caches. Objects are shared: never mutate them; clone first. */
export interface Cache {
  get(resource: Resource, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: Resource, namespace?: string): KubeObject[];
  /** Objects of `resource` with an ownerReference to `ownerUid` (an index, not a scan). */
  ownedBy(resource: Resource, ownerUid: string): KubeObject[];
}

export type PatchType = "merge" | "json" | "strategic";

export type Action =
  | { verb: "create"; resource: Resource; namespace?: string; object: KubeObject; subresource?: string; name?: string }
  /** Full update; `object.metadata.resourceVersion` makes it conditional (409 → retried by the runtime). */
  | { verb: "update"; resource: Resource; object: KubeObject; subresource?: "status" | "finalize" }
  | { verb: "patch"; resource: Resource; namespace?: string; name: string; patchType: PatchType; patch: unknown; subresource?: string }
  | {
      verb: "delete";
      resource: Resource;
      namespace?: string;
      name: string;
      /** Guards against deleting a newer object of the same name. */
      preconditions?: { uid?: string; resourceVersion?: string };
      propagationPolicy?: "Background" | "Foreground" | "Orphan";
      gracePeriodSeconds?: number;
    };

export interface Result {
  actions: Action[];
  /** Reconcile this key again after this many milliseconds (timeouts, backoff, schedules). */
  requeueAfter?: number;
}

/** How a change to a watched resource turns into keys of this controller's queue. */
export interface Watch {
  resource: Resource;
  keys(obj: KubeObject, cache: Cache): string[];
}

export interface Controller {
  name: string;
  /** The resource whose keys this controller reconciles, plus what else should wake it. */
  watches: Watch[];
  /** `key` is "namespace/name" (or "name" for cluster-scoped). NotFound = done: return no actions. */
  reconcile(key: string, cache: Cache, now: Date): Result;
}

/** "namespace/name" or "name". */
export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf("/");
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** Events a controller records (core/v1 Event objects are built by the runtime from these). */
export function eventAction(
  regarding: KubeObject,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  component: string,
  now: Date,
): Action {
  const time = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const ns = regarding.metadata.namespace ?? "default";
  // Upstream's event names: the object's name and the time in nanoseconds, in hex.
  const nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(Math.floor(Math.random() * 1_000_000));
  return {
    verb: "create",
    resource: "events",
    namespace: ns,
    object: {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `${regarding.metadata.name}.${nanos.toString(16)}`, namespace: ns },
      involvedObject: {
        apiVersion: regarding.apiVersion,
        kind: regarding.kind,
        name: regarding.metadata.name,
        namespace: regarding.metadata.namespace,
        uid: regarding.metadata.uid,
        resourceVersion: regarding.metadata.resourceVersion,
      },
      reason,
      message,
      type,
      source: { component },
      firstTimestamp: time,
      lastTimestamp: time,
      count: 1,
      reportingComponent: component,
      reportingInstance: component,
    },
  };
}
