import type { Registry } from "../registry/registry";
import { builtinSchemas } from "../schema/builtin";
import { refName, type Schema, type SchemaSource } from "../schema/types";
import type { ResourceDef } from "../registry/types";

// OpenAPI v3 documents generated from the registry. kubectl reads them to decide whether the server
// validates fields itself (a PATCH operation for the kind that takes `fieldValidation`); with that,
// it sends `fieldValidation=Strict` instead of validating against downloaded schemas.

export function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** The index: one entry per group/version, each with its document's content hash so clients cache it. */
export function openapiRoot(registry: Registry) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const g of registry.groups()) {
    for (const v of g.versions) {
      const path = gvPath(g.name, v);
      paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${contentHash(openapiGroupVersion(registry, g.name, v))}` };
    }
  }
  return { paths };
}

/** FNV-1a over the document's JSON: changes whenever a CRD's schema or a version's kinds do. */
function contentHash(doc: unknown): string {
  const text = JSON.stringify(doc);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).toUpperCase().padStart(8, "0");
}

/**
 * The definition name of a kind without a built-in schema: upstream names custom resources by
 * their reversed group (stable.example.com → com.example.stable.v1.CronTab).
 */
export function schemaName(def: Pick<ResourceDef, "group" | "version" | "kind">): string {
  return [...def.group.split(".").reverse(), def.version, def.kind].join(".");
}

const QUERY = (name: string, description: string) => ({ name, in: "query", description, schema: { type: "string", uniqueItems: true } });
const WRITE_PARAMS = [
  QUERY("dryRun", "When present, indicates that modifications should not be persisted."),
  QUERY("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes."),
  QUERY("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict."),
];

function operation(def: ResourceDef, action: string, id: string, body?: string[]) {
  const ref = { $ref: def.schema?.root.$ref ?? `#/components/schemas/${schemaName(def)}` };
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

// Strategic merge is served but not advertised: kubectl then computes such patches from its own
// compiled-in types rather than from these schemas, the safer source of patch metadata.
const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];

const OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

/** Copies a named schema and everything it references into `out` (components.schemas). */
function collect(name: string, source: SchemaSource, out: Record<string, Schema>): void {
  if (out[name]) return;
  const schema = source.named(name);
  if (!schema) return;
  out[name] = schema;
  const visit = (s: Schema | boolean | undefined): void => {
    if (!s || typeof s !== "object") return;
    if (s.$ref) collect(refName(s.$ref), source, out);
    s.allOf?.forEach(visit);
    if (s.properties) Object.values(s.properties).forEach(visit);
    visit(s.items);
    visit(s.additionalProperties);
  };
  visit(schema);
}

/** The schema a kind is published under, and the definitions it needs. */
function kindSchemas(def: ResourceDef, out: Record<string, Schema>): void {
  const gvk = [{ group: def.group, kind: def.kind, version: def.version }];
  const schema = def.schema;
  if (schema?.root.$ref) {
    collect(refName(schema.root.$ref), schema.source, out);
    return;
  }
  // Custom resources: the CRD's schema inline, with metadata typed as ObjectMeta, as upstream publishes.
  const root: Schema = schema?.root ?? { type: "object", "x-kubernetes-preserve-unknown-fields": true };
  out[schemaName(def)] = {
    ...root,
    type: "object",
    properties: {
      ...root.properties,
      apiVersion: { type: "string", description: "The versioned schema of this representation of an object." },
      kind: { type: "string", description: "The REST resource this object represents." },
      metadata: { allOf: [{ $ref: `#/components/schemas/${OBJECT_META}` }], description: "Standard object metadata." },
    },
    "x-kubernetes-group-version-kind": gvk,
  };
  collect(OBJECT_META, builtinSchemas, out);
}

const cache = new WeakMap<Registry, Map<string, object>>();

export function openapiGroupVersion(registry: Registry, group: string, version: string): object {
  let docs = cache.get(registry);
  if (!docs) cache.set(registry, (docs = new Map()));
  const key = `${group}/${version}`;
  let doc = docs.get(key);
  if (!doc) docs.set(key, (doc = buildGroupVersion(registry, group, version)));
  return doc;
}

function buildGroupVersion(registry: Registry, group: string, version: string): object {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, Schema> = {};
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
    kindSchemas(def, schemas);
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "v1.32.0" },
    paths,
    components: { schemas },
  };
}

/** Swagger 2.0 for clients that still read /openapi/v2 as JSON: every group's definitions. */
export function openapiV2(registry: Registry): object {
  const definitions: Record<string, Schema> = {};
  for (const g of registry.groups()) {
    for (const v of g.versions) {
      const doc = openapiGroupVersion(registry, g.name, v) as { components: { schemas: Record<string, Schema> } };
      Object.assign(definitions, doc.components.schemas);
    }
  }
  const text = JSON.stringify(definitions).replaceAll('"#/components/schemas/', '"#/definitions/');
  return { swagger: "2.0", info: { title: "Kubernetes", version: "v1.32.0" }, paths: {}, definitions: JSON.parse(text) };
}
