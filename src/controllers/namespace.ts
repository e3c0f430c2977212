// The namespace controller (upstream pkg/controller/namespace/deletion): a namespace marked for
// deletion is emptied, every namespaced resource the cache holds, and once nothing is left its
// "kubernetes" spec finalizer is released through the `finalize` subresource, which lets the API
// server remove it. Meanwhile its status carries upstream's five deletion conditions, the content
// and finalizer ones saying what still lingers (pods in their grace period, objects held by
// finalizers). Objects deleted in this pass are expected to go; the next pass counts any that stay.
import type { KubeObject } from "../api/object";
import type { Obj } from "../api/validation/field";
import type { Action, Cache, Controller, Resource, Result } from "./types";

export const NAMESPACES = "namespaces";
export const NAMESPACE_FINALIZER = "kubernetes";

export interface NamespaceControllerOptions {
  /** Every namespaced resource to empty (the runtime passes what its registry serves, CRDs included). */
  resources: Resource[];
  /** Safety-net recheck while content lingers (content deletions wake the namespace anyway). */
  recheckMs?: number;
}

const CONDITIONS: [type: string, okReason: string, okMessage: string][] = [
  ["NamespaceDeletionDiscoveryFailure", "ResourcesDiscovered", "All resources successfully discovered"],
  ["NamespaceDeletionGroupVersionParsingFailure", "ParsedGroupVersions", "All legacy kube types successfully parsed"],
  ["NamespaceDeletionContentFailure", "ContentDeleted", "All content successfully deleted, may be waiting on finalization"],
  ["NamespaceContentRemaining", "ContentRemoved", "All content successfully removed"],
  ["NamespaceFinalizersRemaining", "ContentRemoved", "All content successfully removed"],
];

/** Upstream prints a group/resource as "resource.group": core resources end in a bare dot. */
const gvrText = (resource: Resource) => (resource.includes(".") ? resource : `${resource}.`);

/** The conditions for what lingers; unchanged conditions keep their lastTransitionTime. */
function conditionsFor(ns: KubeObject, lingering: Map<Resource, KubeObject[]>, now: Date): { conditions: Obj[]; changed: boolean } {
  const failing = new Map<string, Obj>();
  const byResource = [...lingering].filter(([, objs]) => objs.length).map(([r, objs]) => `${gvrText(r)} has ${objs.length} resource instances`);
  if (byResource.length) {
    const message = `Some resources are remaining: ${byResource.sort().join(", ")}`;
    failing.set("NamespaceContentRemaining", { reason: "SomeResourcesRemain", message });
  }
  const byFinalizer = new Map<string, number>();
  for (const objs of lingering.values()) for (const o of objs) for (const f of o.metadata.finalizers ?? []) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
  if (byFinalizer.size) {
    const parts = [...byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`).sort();
    failing.set("NamespaceFinalizersRemaining", { reason: "SomeFinalizerRemain", message: `Some finalizers are remaining: ${parts.join(", ")}` });
  }
  const time = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const conditions: Obj[] = structuredClone(ns.status?.conditions ?? []);
  let changed = false;
  for (const [type, okReason, okMessage] of CONDITIONS) {
    const bad = failing.get(type);
    const want = { status: bad ? "True" : "False", reason: bad?.reason ?? okReason, message: bad?.message ?? okMessage };
    const old = conditions.find((c) => c?.type === type);
    if (!old) {
      conditions.push({ type, ...want, lastTransitionTime: time });
      changed = true;
    } else if (old.status !== want.status || old.reason !== want.reason || old.message !== want.message) {
      if (old.status !== want.status) old.lastTransitionTime = time;
      Object.assign(old, want);
      changed = true;
    }
  }
  return { conditions, changed };
}

export function namespaceController(opts: NamespaceControllerOptions): Controller {
  const resources = [...new Set(opts.resources)];
  const recheckMs = opts.recheckMs ?? 5_000;

  function reconcile(name: string, cache: Cache, now: Date): Result {
    const ns = cache.get(NAMESPACES, undefined, name);
    if (!ns?.metadata.deletionTimestamp || !(ns.spec?.finalizers ?? []).includes(NAMESPACE_FINALIZER)) return { actions: [] };
    const actions: Action[] = [];
    const lingering = new Map<Resource, KubeObject[]>();
    for (const resource of resources) {
      for (const obj of cache.list(resource, name)) {
        const m = obj.metadata;
        // Marked for deletion with no finalizer or grace period holding it: already gone from the store.
        if (m.deletionTimestamp && !m.finalizers?.length && !m.deletionGracePeriodSeconds) continue;
        if (m.deletionTimestamp) {
          lingering.set(resource, [...(lingering.get(resource) ?? []), obj]);
          continue;
        }
        const { uid } = obj.metadata;
        actions.push({ verb: "delete", resource, namespace: name, name: obj.metadata.name!, preconditions: { uid }, propagationPolicy: "Background" });
      }
    }
    if (actions.length === 0 && lingering.size === 0) {
      const object = structuredClone(ns);
      object.spec = { ...object.spec, finalizers: (ns.spec.finalizers as string[]).filter((f) => f !== NAMESPACE_FINALIZER) };

      return { actions: [{ verb: "update", resource: NAMESPACES, object, subresource: "finalize" }] };
    }
    const { conditions, changed } = conditionsFor(ns, lingering, now);
    if (changed) {
      const object = structuredClone(ns);
      object.status = { ...object.status, conditions };
      actions.push({ verb: "update", resource: NAMESPACES, object, subresource: "status" });
    }
    return { actions, requeueAfter: recheckMs };
  }

  const terminating = (cache: Cache, namespace: string | undefined): boolean =>
    !!namespace && !!cache.get(NAMESPACES, undefined, namespace)?.metadata.deletionTimestamp;

  return {
    name: "namespace",
    watches: [
      { resource: NAMESPACES, keys: (ns) => [ns.metadata.name!] },
      ...resources.map((resource) => ({ resource, keys: (obj: KubeObject, cache: Cache) => (terminating(cache, obj.metadata.namespace) ? [obj.metadata.namespace!] : []) })),
    ],
    reconcile,
  };
}
