import { StatusError } from "../api/errors";
import { CRD_CLEANUP_FINALIZER } from "../api/finalizers";
import type { KubeObject } from "../api/object";
import { qualifiedName, type Registry } from "../api/registry/registry";
import type { ResourceDef } from "../api/registry/types";
import type { UserInfo } from "./authn";
import type { Env } from "./env";
import type { RestContext } from "./rest/context";
import { deleteObject } from "./rest/delete";
import { restContext } from "./rest/dispatch";
import { updateObject } from "./rest/write";

// What upstream's namespace and CRD-finalizer controllers do, run in the worker until the
// ControllerManager exists: empty what a terminating object holds, then release its finalizer.

const SYSTEM: UserInfo = { username: "system:serviceaccount:kube-system:generic-garbage-collector", groups: ["system:serviceaccounts", "system:authenticated"] };

function context(env: Env, exec: ExecutionContext, registry: Registry, def: ResourceDef, namespace?: string, name?: string, subresource?: string): RestContext {
  const info = { isResource: true as const, verb: "delete" as const, group: def.group, version: def.version, resource: def.plural, namespace, name, subresource };
  return restContext(env, exec, registry, def, info, SYSTEM);
}

/** Deletes every object of `def` (in `namespace`, if given); returns how many were there. */
async function deleteAll(env: Env, exec: ExecutionContext, registry: Registry, def: ResourceDef, namespace?: string): Promise<number> {
  const rc = context(env, exec, registry, def, namespace);
  const { items } = await rc.storage.list(rc.storage.selection(namespace, {}));
  for (const item of items) {
    const own = context(env, exec, registry, def, item.metadata.namespace);
    await ignoreNotFound(deleteObject(own, item.metadata.name!, { propagationPolicy: "Background" }));
  }
  return items.length;
}

async function ignoreNotFound(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404)) throw e;
  }
}

/** The resources a terminating object holds: a namespace's contents, or a CRD's custom resources. */
function heldResources(registry: Registry, obj: KubeObject): { defs: ResourceDef[]; namespace?: string } {
  if (obj.kind === "Namespace") return { defs: registry.storedResources().filter((d) => d.namespaced), namespace: obj.metadata.name };
  const storage = `${obj.spec?.names?.plural}.${obj.spec?.group}`;
  return { defs: registry.storedResources().filter((d) => qualifiedName(d) === storage || d.storageResource === storage).slice(0, 1) };
}

/** Empties a terminating namespace or CRD and releases it; false when something still holds it. */
export async function finishDeletion(env: Env, exec: ExecutionContext, registry: Registry, def: ResourceDef, name: string): Promise<boolean> {
  const rc = context(env, exec, registry, def, undefined, name);
  const obj = await rc.storage.get(undefined, name);
  if (!obj?.metadata.deletionTimestamp) return obj === null;
  const { defs, namespace } = heldResources(registry, obj);
  let remaining = 0;
  for (const held of defs) remaining += await deleteAll(env, exec, registry, held, namespace);
  // Objects deleted just now are gone unless a finalizer holds them: look once more.
  if (remaining > 0) {
    for (const held of defs) {
      const { storage } = context(env, exec, registry, held, namespace);
      const { items } = await storage.list({ ...storage.selection(namespace, {}), limit: 1 });
      if (items.length) return false;
    }
  }
  const release = obj.kind === "Namespace" ? context(env, exec, registry, def, undefined, name, "finalize") : rc;
  await ignoreNotFound(
    updateObject(release, name, (current) => {
      if (current.kind === "Namespace") {
        current.spec = { ...current.spec, finalizers: (current.spec?.finalizers ?? []).filter((f: string) => f !== "kubernetes") };
      } else {
        current.metadata.finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER);
      }
      return current;
    }),
  );
  return (await rc.storage.get(undefined, name)) === null;
}

/** Runs the cleanup after a delete request, without holding up its response. */
export function startCleanup(rc: RestContext, name: string): void {
  rc.exec.waitUntil(
    finishDeletion(rc.env, rc.exec, rc.registry, rc.def, name).catch((e) => console.error(`cleanup of ${rc.def.plural}/${name}: ${String(e)}`)),
  );
}

/** The cron sweep: finish every namespace and CRD left terminating (e.g. an interrupted cleanup). */
export async function sweepTerminating(env: Env, exec: ExecutionContext, registry: Registry): Promise<void> {
  for (const def of [registry.get("", "v1", "namespaces")!, registry.get("apiextensions.k8s.io", "v1", "customresourcedefinitions")!]) {
    const rc = context(env, exec, registry, def);
    const { items } = await rc.storage.list(rc.storage.selection(undefined, {}));
    for (const obj of items) if (obj.metadata.deletionTimestamp) await finishDeletion(env, exec, registry, def, obj.metadata.name!);
  }
}
