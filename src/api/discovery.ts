import { apiVersionOf } from "./registry/registry";
import type { Registry } from "./registry/registry";
import type { ResourceDef } from "./registry/types";

// Discovery documents, built from the registry: the legacy per-group-version lists and the
// aggregated apidiscovery.k8s.io/v2 form kubectl asks for first.

interface Sub {
  name: string;
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

function subresources(def: ResourceDef): Sub[] {
  const subs: Sub[] = [];
  if (def.kind === "Namespace") subs.push({ name: "finalize", kind: def.kind, verbs: ["update"] });
  if (def.kind === "Pod" && def.group === "") {
    subs.push({ name: "binding", kind: "Binding", verbs: ["create"] });
    subs.push({ name: "eviction", kind: "Eviction", group: "policy", version: "v1", verbs: ["create"] });
  }
  if (def.scale) subs.push({ name: "scale", kind: "Scale", group: "autoscaling", version: "v1", verbs: ["get", "patch", "update"] });
  if (def.status) subs.push({ name: "status", kind: def.kind, verbs: ["get", "patch", "update"] });
  return subs;
}

export function apiVersions(serverAddress: string) {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

function groupDoc(registry: Registry, name: string) {
  const group = registry.group(name)!;
  const versions = group.versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(registry: Registry) {
  const groups = registry.groups().filter((g) => g.name !== "").map((g) => groupDoc(registry, g.name));
  return { kind: "APIGroupList", apiVersion: "v1", groups };
}

export function apiGroup(registry: Registry, name: string) {
  return { kind: "APIGroup", apiVersion: "v1", ...groupDoc(registry, name) };
}

export function apiResourceList(registry: Registry, group: string, version: string) {
  const resources: Record<string, unknown>[] = [];
  for (const def of registry.inGroupVersion(group, version)) {
    const row: Record<string, unknown> = {
      name: def.plural,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: def.verbs,
    };
    if (def.shortNames) row.shortNames = def.shortNames;
    if (def.categories) row.categories = def.categories;
    resources.push(row);
    for (const sub of subresources(def)) {
      const subRow: Record<string, unknown> = { name: `${def.plural}/${sub.name}`, singularName: "", namespaced: def.namespaced };
      if (sub.group !== undefined) Object.assign(subRow, { group: sub.group, version: sub.version });
      resources.push({ ...subRow, kind: sub.kind, verbs: sub.verbs });
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: apiVersionOf({ group, version }), resources };
}

/** Aggregated discovery: every group (or just the core group, for /api) in one document. */
export function aggregatedDiscovery(registry: Registry, core: boolean) {
  const items = registry
    .groups()
    .filter((g) => (g.name === "") === core)
    .map((g) => ({
      metadata: { name: g.name, creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        resources: registry.inGroupVersion(g.name, version).map((def) => {
          const row: Record<string, unknown> = {
            resource: def.plural,
            responseKind: { group: def.group, version: def.version, kind: def.kind },
            scope: def.namespaced ? "Namespaced" : "Cluster",
            singularResource: def.singular,
            verbs: def.verbs,
          };
          if (def.shortNames) row.shortNames = def.shortNames;
          if (def.categories) row.categories = def.categories;
          const subs = subresources(def);
          if (subs.length) {
            row.subresources = subs.map((s) => ({
              subresource: s.name,
              responseKind: { group: s.group ?? def.group, version: s.version ?? def.version, kind: s.kind },
              verbs: s.verbs,
            }));
          }
          return row;
        }),
        freshness: "Current",
      })),
    }));
  return { kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {}, items };
}

export const AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

/** Whether the client asked for aggregated discovery v2 (before any plain JSON). */
export function wantsAggregated(accept: string | null): boolean {
  if (!accept) return false;
  for (const part of accept.split(",")) {
    const params = part.split(";").map((s) => s.trim());
    if (params.includes("as=APIGroupDiscoveryList") && params.includes("v=v2") && params.includes("g=apidiscovery.k8s.io")) return true;
    if (params[0] === "application/json" && params.length === 1) return false;
  }
  return false;
}
