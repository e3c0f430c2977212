import type { KubeObject } from "../../api/object";
import { qualifiedName } from "../../api/registry/registry";
import type { Env } from "../env";
import { builtinRegistry } from "../registry";
import { ResourceStorage, writeListeners } from "../storage";

/** How long "this namespace has none" is trusted; any write of the resource here forgets it. */
const EMPTY_MS = 2000;
const emptyUntil = new Map<string, number>();

writeListeners.push((def, obj) => emptyUntil.delete(`${qualifiedName(def)}|${obj.metadata.namespace}`));

/**
 * The quotas or limit ranges of a namespace, for admission. Most namespaces have none, so that
 * answer is cached briefly; when some exist they are always read live, so usage is never stale.
 */
export async function namespaceObjects(env: Env, resource: "resourcequotas" | "limitranges", namespace: string): Promise<KubeObject[]> {
  const key = `${resource}|${namespace}`;
  if ((emptyUntil.get(key) ?? 0) > Date.now()) return [];
  const storage = new ResourceStorage(env, builtinRegistry.byQualifiedName(resource)!);
  const { items } = await storage.list(storage.selection(namespace, {}));
  if (items.length === 0) emptyUntil.set(key, Date.now() + EMPTY_MS);
  return items;
}
