// From an ownerReference's apiVersion/kind to the resource the cache holds it under, which the
// garbage collector needs to look owners up (upstream asks a RESTMapper fed by discovery). Built-in
// kinds come from the registry's table; custom resources from a resolver the runtime supplies.
import { builtinResources } from "../api/registry/builtin";
import { storageName } from "../api/registry/registry";
import type { Resource } from "./types";

export interface KindInfo {
  resource: Resource;
  namespaced: boolean;
}

export type KindResolver = (apiVersion: string, kind: string) => KindInfo | undefined;

/** "apps/v1" → "apps"; "v1" → "" (the version does not matter: every version shares storage). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

const builtin = new Map<string, KindInfo>();
for (const def of builtinResources) {
  const key = `${def.group}/${def.kind}`;
  if (!builtin.has(key)) builtin.set(key, { resource: storageName(def), namespaced: def.namespaced });
}

/** Built-in kinds first, then `fallback` (e.g. a lookup in the CRDs the runtime knows). */
export function kindResolver(fallback?: KindResolver): KindResolver {
  return (apiVersion, kind) => builtin.get(`${groupOf(apiVersion)}/${kind}`) ?? fallback?.(apiVersion, kind);
}

/** Every built-in stored resource, once each: a default for what the GC and namespace controller watch. */
export function builtinResourceNames(filter: { namespaced?: boolean } = {}): Resource[] {
  const names = new Set<Resource>();
  for (const info of builtin.values()) if (filter.namespaced === undefined || info.namespaced === filter.namespaced) names.add(info.resource);
  return [...names];
}
