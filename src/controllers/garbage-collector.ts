// The garbage collector (upstream pkg/controller/garbagecollector), reading ownership from the
// cache's owner-uid index rather than keeping its own graph:
// - an object none of whose owners exists any more is deleted (Background, or Foreground/Orphan if
//   it carries those finalizers already);
// - an owner being deleted with the `foregroundDeletion` finalizer has its dependents deleted first
//   (each dependent's own pass does it, Foreground when it has dependents too); the finalizer goes
//   once no dependent with blockOwnerDeletion is left;
// - an owner with the `orphan` finalizer has its ownerReference removed from every dependent, then
//   the finalizer.
// Keys name the resource too: "deployments.apps|ns/name", "nodes|name".
import type { KubeObject, OwnerReference } from "../api/object";
import { kindResolver, type KindResolver } from "./owner-kinds";
import type { Action, Cache, Controller, Resource, Result } from "./types";

export const FOREGROUND = "foregroundDeletion";
export const ORPHAN = "orphan";

export interface GarbageCollectorOptions {
  /** Every resource whose objects may be owners or dependents (the cache must hold them). */
  resources: Resource[];
  /** apiVersion/kind → resource; built-ins are known, custom resources need a fallback. */
  resolve?: KindResolver;
  /**
   * A dependent younger than this whose owner is not in the cache is left alone for now: the
   * owner's notification may simply not have arrived (stores notify independently).
   */
  ownerGraceMs?: number;
  /** How soon an orphaning owner is looked at again after its dependents were patched. */
  recheckMs?: number;
}

export function gcKey(resource: Resource, obj: KubeObject): string {
  const { namespace, name } = obj.metadata;
  return `${resource}|${namespace ? `${namespace}/` : ""}${name}`;
}

function parseKey(key: string): { resource: Resource; namespace?: string; name: string } {
  const bar = key.indexOf("|");
  const rest = key.slice(bar + 1);
  const slash = rest.indexOf("/");
  const resource = key.slice(0, bar);
  return slash < 0 ? { resource, name: rest } : { resource, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

type Dependent = { resource: Resource; obj: KubeObject };

/**
 * Marked for deletion with nothing (finalizer, pod grace period) holding it: the store has removed
 * it, whatever a cache written from the delete's answer still shows.
 */
function isGone(obj: KubeObject): boolean {
  const m = obj.metadata;
  return !!m.deletionTimestamp && !m.finalizers?.length && !m.deletionGracePeriodSeconds;
}

function patchMeta(resource: Resource, obj: KubeObject, meta: Record<string, unknown>): Action {
  // The resourceVersion makes the patch conditional: a stale view gets a 409, not a lost write.
  const patch = { metadata: { ...meta, resourceVersion: obj.metadata.resourceVersion } };
  return { verb: "patch", resource, namespace: obj.metadata.namespace, name: obj.metadata.name!, patchType: "merge", patch };
}

function removeFinalizer(resource: Resource, obj: KubeObject, finalizer: string): Action {
  const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  return patchMeta(resource, obj, { finalizers: rest.length ? rest : null });
}

function dropOwners(resource: Resource, obj: KubeObject, uids: Set<string>): Action {
  const rest = (obj.metadata.ownerReferences ?? []).filter((r) => !uids.has(r.uid));
  return patchMeta(resource, obj, { ownerReferences: rest.length ? rest : null });
}

function deleteAction(resource: Resource, obj: KubeObject, propagationPolicy: "Background" | "Foreground" | "Orphan"): Action {
  const { namespace, name, uid } = obj.metadata;
  return { verb: "delete", resource, namespace, name: name!, preconditions: { uid }, propagationPolicy };
}

export function garbageCollector(opts: GarbageCollectorOptions): Controller {
  const watched = new Set(opts.resources);
  const resources = [...watched];
  const resolve = opts.resolve ?? kindResolver();
  const graceMs = opts.ownerGraceMs ?? 10_000;
  const recheckMs = opts.recheckMs ?? 500;

  const dependents = (cache: Cache, uid: string): Dependent[] =>
    resources.flatMap((resource) => cache.ownedBy(resource, uid).flatMap((obj) => (isGone(obj) ? [] : [{ resource, obj }])));

  /** The owner an ownerReference names, "absent", or "unknown" (a kind or resource we cannot see). */
  function lookup(cache: Cache, ref: OwnerReference, dependent: KubeObject): { resource: Resource; obj: KubeObject } | "absent" | "unknown" {
    const info = resolve(ref.apiVersion, ref.kind);
    if (!info || !watched.has(info.resource)) return "unknown";
    // A cluster-scoped object cannot be owned by a namespaced one: such a reference dangles.
    if (info.namespaced && !dependent.metadata.namespace) return "absent";
    const owner = cache.get(info.resource, info.namespaced ? dependent.metadata.namespace : undefined, ref.name);
    return owner && owner.metadata.uid === ref.uid && !isGone(owner) ? { resource: info.resource, obj: owner } : "absent";
  }

  /** attemptToDeleteItem: classify the owners, then keep, unlink or delete the object. */
  function collect(cache: Cache, resource: Resource, obj: KubeObject, now: Date): Result {
    const refs = obj.metadata.ownerReferences ?? [];
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = lookup(cache, ref, obj);
      if (owner === "unknown") solid.push(ref);
      else if (owner === "absent") dangling.push(ref);
      else if (owner.obj.metadata.deletionTimestamp && owner.obj.metadata.finalizers?.includes(FOREGROUND)) waiting.push(ref);
      else solid.push(ref);
    }
    if (dangling.length) {
      const age = now.getTime() - Date.parse(obj.metadata.creationTimestamp ?? "");
      if (age < graceMs) return { actions: [], requeueAfter: graceMs - age };
    }
    if (solid.length) {
      const gone = new Set([...dangling, ...waiting].map((r) => r.uid));
      return { actions: gone.size ? [dropOwners(resource, obj, gone)] : [] };
    }
    if (refs.length === 0) return { actions: [] };
    // Owners wait for this object's deletion: if it has dependents of its own, they go first.
    if (waiting.length && dependents(cache, obj.metadata.uid!).length) return { actions: [deleteAction(resource, obj, "Foreground")] };
    const finalizers = obj.metadata.finalizers ?? [];
    const policy = finalizers.includes(ORPHAN) ? "Orphan" : finalizers.includes(FOREGROUND) ? "Foreground" : "Background";
    return { actions: [deleteAction(resource, obj, policy)] };
  }

  function reconcile(key: string, cache: Cache, now: Date): Result {
    const { resource, namespace, name } = parseKey(key);
    const obj = cache.get(resource, namespace, name);
    if (!obj || isGone(obj)) return { actions: [] };
    const finalizers = obj.metadata.finalizers ?? [];
    if (!obj.metadata.deletionTimestamp) return collect(cache, resource, obj, now);
    if (finalizers.includes(ORPHAN)) {
      const deps = dependents(cache, obj.metadata.uid!);
      if (deps.length === 0) return { actions: [removeFinalizer(resource, obj, ORPHAN)] };
      const uid = new Set([obj.metadata.uid!]);
      return { actions: deps.map((d) => dropOwners(d.resource, d.obj, uid)), requeueAfter: recheckMs };
    }
    if (finalizers.includes(FOREGROUND)) {
      // Dependents are deleted by their own passes (this change enqueued them); only blocking ones hold the owner.
      const blocking = dependents(cache, obj.metadata.uid!).filter((d) =>
        (d.obj.metadata.ownerReferences ?? []).some((r) => r.uid === obj.metadata.uid && r.blockOwnerDeletion),
      );
      return { actions: blocking.length ? [] : [removeFinalizer(resource, obj, FOREGROUND)] };
    }
    return { actions: [] };
  }

  /** A change to `obj` concerns itself, its dependents when it is going, and owners waiting on it. */
  function keysFor(resource: Resource, obj: KubeObject, cache: Cache): string[] {
    const keys: string[] = [];
    const current = cache.get(resource, obj.metadata.namespace, obj.metadata.name!);
    const going = !current || current.metadata.uid !== obj.metadata.uid || !!current.metadata.deletionTimestamp;
    if (current && (current.metadata.ownerReferences?.length || current.metadata.deletionTimestamp)) keys.push(gcKey(resource, current));
    if (going && obj.metadata.uid) for (const d of dependents(cache, obj.metadata.uid)) keys.push(gcKey(d.resource, d.obj));
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const owner = lookup(cache, ref, obj);
      if (typeof owner === "object" && owner.obj.metadata.deletionTimestamp) keys.push(gcKey(owner.resource, owner.obj));
    }
    return keys;
  }

  return {
    name: "garbagecollector",
    watches: resources.map((resource) => ({ resource, keys: (obj: KubeObject, cache: Cache) => keysFor(resource, obj, cache) })),
    reconcile,
  };
}
