// Fields a schema does not know: what strict decoding reports for built-ins (fieldValidation=Strict)
// and what CRD pruning drops, after apiextensions' pruning algorithm and its ObjectMeta handling.
// Paths read as upstream's: `spec.foo`, `spec.containers[0].imagePullPolicyy`, `metadata.bar`.
import { goQuote } from "./go-text";
import { resolve, type Schema, type SchemaSource } from "./types";

export interface UnknownFieldOptions {
  /**
   * Order the paths as the custom-resource decoder does: root metadata first, then the schema's
   * paths sorted, then embedded resources' metadata sorted. Default: document order, as Go's strict
   * JSON decoding reports built-ins.
   */
  sorted?: boolean;
  /**
   * Built-in schemas describe Go types such as RawExtension or FieldsV1 as a bare `type: object`
   * (or give no schema at all), and those accept anything; in a CRD the same schema means "no fields".
   */
  freeFormObjects?: boolean;
}

/** ObjectMeta's JSON fields as metav1 (1.32) decodes them; root and embedded metadata are this type. */
const str: Schema = { type: "string" };
const strMap: Schema = { type: "object", additionalProperties: str };
export const OBJECT_META: Schema = {
  type: "object",
  properties: {
    ...Object.fromEntries(["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"].map((k) => [k, str])),
    generation: { type: "integer" },
    deletionGracePeriodSeconds: { type: "integer" },
    labels: strMap,
    annotations: strMap,
    finalizers: { type: "array", items: str },
    ownerReferences: {
      type: "array",
      items: {
        type: "object",
        properties: { apiVersion: str, kind: str, name: str, uid: str, controller: { type: "boolean" }, blockOwnerDeletion: { type: "boolean" } },
      },
    },
    managedFields: {
      type: "array",
      items: {
        type: "object",
        properties: {
          ...Object.fromEntries(["manager", "operation", "apiVersion", "time", "fieldsType", "subresource"].map((k) => [k, str])),
          fieldsV1: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
        },
      },
    },
  },
};

const TYPE_META = new Set(["apiVersion", "kind", "metadata"]);

type Bucket = "rootMeta" | "schema" | "embeddedMeta";

interface Walk {
  source: SchemaSource;
  freeForm: boolean;
  remove: boolean;
  found: { path: string; bucket: Bucket }[];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function record(w: Walk, parent: Record<string, unknown>, key: string, path: string, bucket: Bucket): void {
  w.found.push({ path, bucket });
  if (w.remove) delete parent[key];
}

/** The schema for a map's value under `key`: a property, else additionalProperties (true = anything). */
function childSchema(s: Schema, key: string): Schema | "any" | undefined {
  if (s.properties && Object.hasOwn(s.properties, key)) return s.properties[key];
  if (s.additionalProperties === true) return "any";
  if (s.additionalProperties && typeof s.additionalProperties === "object") return s.additionalProperties;
  return undefined;
}

/** A schema that cannot say what is unknown below it. */
function opaque(w: Walk, s: Schema | undefined, value: unknown): boolean {
  if (!w.freeForm) return false;
  if (!s) return true;
  return Array.isArray(value) ? !s.items : !s.properties && !s.additionalProperties;
}

/** Metadata of the root or of an embedded resource: walked as ObjectMeta, whatever the schema says. */
function walkMeta(w: Walk, obj: Record<string, unknown>, path: string, bucket: Bucket): void {
  if (isMap(obj.metadata)) walk(w, obj.metadata, OBJECT_META, join(path, "metadata"), false, bucket);
}

/**
 * One value against its schema. `preserving` is upstream's skip-prune mode: under
 * x-kubernetes-preserve-unknown-fields unknown keys stay, but known ones are still walked.
 */
function walk(w: Walk, value: unknown, schema: Schema | undefined, path: string, preserving: boolean, bucket: Bucket = "schema"): void {
  const s = schema ? resolve(schema, w.source) : undefined;
  if (schema && !s) return; // an unresolvable $ref: nothing to judge by
  if (s?.["x-kubernetes-preserve-unknown-fields"]) preserving = true;
  if (preserving && !s) return;
  if (opaque(w, s, value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(w, item, s?.items, `${path}[${i}]`, preserving, bucket));
    return;
  }
  if (!isMap(value)) return;
  const embedded = s?.["x-kubernetes-embedded-resource"] === true;
  if (embedded) walkMeta(w, value, path, path ? "embeddedMeta" : "rootMeta");
  for (const key of Object.keys(value)) {
    if (embedded && TYPE_META.has(key)) continue;
    const child = s ? childSchema(s, key) : undefined;
    if (child === "any") continue;
    if (child) walk(w, value[key], child, join(path, key), false, bucket);
    else if (!preserving) record(w, value, key, join(path, key), bucket);
  }
}

function run(obj: unknown, schema: Schema | undefined, source: SchemaSource, remove: boolean, options: UnknownFieldOptions): string[] {
  const w: Walk = { source, freeForm: options.freeFormObjects ?? false, remove, found: [] };
  if (!isMap(obj)) return [];
  // The root is always a resource: apiVersion, kind and metadata are never the schema's business.
  const root = schema ? resolve(schema, source) : undefined;
  walk(w, obj, { ...(root ?? {}), "x-kubernetes-embedded-resource": true }, "", false);
  if (!options.sorted) return w.found.map((f) => f.path);
  const of = (b: Bucket) => w.found.filter((f) => f.bucket === b).map((f) => f.path);
  return [...of("rootMeta"), ...of("schema").sort(), ...of("embeddedMeta").sort()];
}

/** Paths of fields `obj` carries that `schema` does not know. */
export function unknownFields(obj: unknown, schema: Schema | undefined, source: SchemaSource, options: UnknownFieldOptions = {}): string[] {
  return run(obj, schema, source, false, options);
}

/** CRD pruning: removes exactly the fields unknownFields reports (mutates), and returns obj. */
export function prune<T>(obj: T, schema: Schema | undefined, source: SchemaSource, options: UnknownFieldOptions = {}): T {
  run(obj, schema, source, true, options);
  return obj;
}

/** sigs.k8s.io/json's strict error for one path: `unknown field "spec.foo"`. */
export function unknownFieldMessage(path: string): string {
  return `unknown field ${goQuote(path)}`;
}

/** runtime.NewStrictDecodingError's text over several paths. */
export function strictDecodingMessage(paths: string[]): string {
  return `strict decoding error: ${paths.map(unknownFieldMessage).join(", ")}`;
}
