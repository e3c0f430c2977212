import { StatusError } from "../api/errors";
import type { KubeObject } from "../api/object";
import type { Registry } from "../api/registry/registry";
import type { UserInfo } from "./authn";
import type { Env } from "./env";
import type { RestContext } from "./rest/context";
import { deleteObject } from "./rest/delete";
import { restContext } from "./rest/dispatch";
import { updateObject } from "./rest/write";
import { ResourceStorage } from "./storage";

// The namespace controller's job, run in the worker until the ControllerManager exists: empty a
// terminating namespace, then drop its "kubernetes" finalizer so the namespace itself goes.

const SYSTEM: UserInfo = { username: "system:serviceaccount:kube-system:namespace-controller", groups: ["system:serviceaccounts", "system:authenticated"] };

export function startNamespaceDeletion(rc: RestContext, name: string): void {
  rc.exec.waitUntil(
    finalizeNamespace(rc.env, rc.exec, rc.registry, name).catch((e) => console.error(`namespace ${name}: ${String(e)}`)),
  );
}

/** Returns whether the namespace is gone; false means something still holds it (retried by cron). */
export async function finalizeNamespace(env: Env, exec: ExecutionContext, registry: Registry, name: string): Promise<boolean> {
  const namespaceDef = registry.get("", "v1", "namespaces")!;
  let remaining = 0;
  for (const def of registry.storedResources()) {
    if (!def.namespaced) continue;
    const rc = restContext(env, exec, registry, def, { isResource: true, verb: "delete", group: def.group, version: def.version, resource: def.plural, namespace: name }, SYSTEM);
    const { items } = await rc.storage.list({ ...rc.storage.selection(name, {}) });
    for (const item of items) {
      remaining++;
      await ignoreNotFound(deleteObject(rc, item.metadata.name!, { propagationPolicy: "Background" }));
    }
  }
  if (remaining > 0) {
    // Deleted objects without finalizers are gone now; look again before finalizing.
    return finalizeAgainIfEmpty(env, exec, registry, name);
  }
  const rc = restContext(env, exec, registry, namespaceDef, { isResource: true, verb: "update", group: "", version: "v1", resource: "namespaces", name, subresource: "finalize" }, SYSTEM);
  await ignoreNotFound(
    updateObject(rc, name, (ns: KubeObject) => {
      ns.spec = { ...ns.spec, finalizers: (ns.spec?.finalizers ?? []).filter((f: string) => f !== "kubernetes") };
      return ns;
    }),
  );
  return (await new ResourceStorage(env, namespaceDef).get(undefined, name)) === null;
}

async function finalizeAgainIfEmpty(env: Env, exec: ExecutionContext, registry: Registry, name: string): Promise<boolean> {
  for (const def of registry.storedResources()) {
    if (!def.namespaced) continue;
    const storage = new ResourceStorage(env, def);
    const { items } = await storage.list({ ...storage.selection(name, {}), limit: 1 });
    if (items.length) return false;
  }
  return finalizeNamespace(env, exec, registry, name);
}

async function ignoreNotFound(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404)) throw e;
  }
}

/** The cron sweep: finish every namespace left terminating (e.g. its deletion was interrupted). */
export async function sweepTerminatingNamespaces(env: Env, exec: ExecutionContext, registry: Registry): Promise<void> {
  const storage = new ResourceStorage(env, registry.get("", "v1", "namespaces")!);
  const { items } = await storage.list(storage.selection(undefined, {}));
  for (const ns of items) {
    if (ns.metadata.deletionTimestamp) await finalizeNamespace(env, exec, registry, ns.metadata.name!);
  }
}
