import type { Registry } from "../registry/registry";
import type { ResourceDef } from "../registry/types";

// OpenAPI v3 documents generated from the registry. kubectl reads them to decide whether the server
// validates fields itself (a PATCH operation for the kind that takes `fieldValidation`); with that,
// it sends `fieldValidation=Strict` instead of validating against downloaded schemas.

export function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** The index: one entry per group/version, each with a content hash so clients can cache it. */
export function openapiRoot(registry: Registry, hash: string) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const g of registry.groups()) {
    for (const v of g.versions) {
      const path = gvPath(g.name, v);
      paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
    }
  }
  return { paths };
}

/** upstream's schema names: io.k8s.api.<package>.<version>.<Kind>. */
export function schemaName(def: Pick<ResourceDef, "group" | "version" | "kind">): string {
  if (def.group === "apiextensions.k8s.io") return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${def.version}.${def.kind}`;
  const pkg = def.group === "" ? "core" : def.group.split(".")[0];
  return `io.k8s.api.${pkg}.${def.version}.${def.kind}`;
}

const QUERY = (name: string, description: string) => ({ name, in: "query", description, schema: { type: "string", uniqueItems: true } });
const WRITE_PARAMS = [
  QUERY("dryRun", "When present, indicates that modifications should not be persisted."),
  QUERY("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes."),
  QUERY("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict."),
];

function operation(def: ResourceDef, action: string, id: string, body?: string[]) {
  const ref = { $ref: `#/components/schemas/${schemaName(def)}` };
  const op: Record<string, unknown> = {
    operationId: id,
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": { group: def.group, version: def.version, kind: def.kind },
    responses: { "200": { description: "OK", content: { "application/json": { schema: ref } } } },
  };
  if (body) {
    op.parameters = [...WRITE_PARAMS, ...(action === "patch" ? [QUERY("force", "Force is going to \"force\" Apply requests.")] : [])];
    op.requestBody = { required: true, content: Object.fromEntries(body.map((t) => [t, { schema: action === "patch" ? { type: "object" } : ref }])) };
  }
  return op;
}

const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json"];

export function openapiGroupVersion(registry: Registry, group: string, version: string) {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const prefix = `/${gvPath(group, version)}`;
  for (const def of registry.inGroupVersion(group, version)) {
    const id = `${def.kind}`;
    const collection = def.namespaced ? `${prefix}/namespaces/{namespace}/${def.plural}` : `${prefix}/${def.plural}`;
    paths[collection] = {
      get: operation(def, "list", `list${id}`),
      post: operation(def, "post", `create${id}`, ["application/json", "application/yaml"]),
    };
    if (def.namespaced) paths[`${prefix}/${def.plural}`] = { get: operation(def, "list", `list${id}ForAllNamespaces`) };
    paths[`${collection}/{name}`] = {
      get: operation(def, "get", `read${id}`),
      put: operation(def, "put", `replace${id}`, ["application/json", "application/yaml"]),
      patch: operation(def, "patch", `patch${id}`, PATCH_TYPES),
      delete: operation(def, "delete", `delete${id}`),
    };
    schemas[schemaName(def)] = {
      type: "object",
      description: `${def.kind} (${def.group || "core"}/${def.version})`,
      "x-kubernetes-group-version-kind": [{ group: def.group, kind: def.kind, version: def.version }],
      "x-kubernetes-preserve-unknown-fields": true,
      properties: {
        apiVersion: { type: "string" },
        kind: { type: "string" },
        metadata: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
      },
    };
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "v1.32.0" },
    paths,
    components: { schemas },
  };
}
