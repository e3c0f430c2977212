// Patch metadata from structural schemas: the strategy and merge key of a field, and the schema
// to carry into its value (or its list items). A field the schema does not know has no schema:
// it merges like a JSON merge patch (maps merge, lists replace), as preserved unknown fields do.

import { resolve, type Schema, type SchemaSource } from "../../schema/types";
import { patchErrors } from "./errors";

export interface FieldMeta {
  /** The schema for the field's value; for list fields, the schema of one item. */
  schema: Schema | undefined;
  /** "merge", "replace" or "" — retainKeys is split off: the `$retainKeys` directive carries it. */
  strategy: string;
  mergeKey: string;
}

export function childSchema(parent: Schema | undefined, key: string, source: SchemaSource): Schema | undefined {
  const s = resolve(parent, source);
  if (!s) return undefined;
  if (s.properties && Object.hasOwn(s.properties, key)) return s.properties[key];
  if (typeof s.additionalProperties === "object") return s.additionalProperties;
  return undefined;
}

/** Metadata for a field holding a map (or a scalar). */
export function mapFieldMeta(parent: Schema | undefined, key: string, source: SchemaSource): FieldMeta {
  const field = childSchema(parent, key, source);
  return { schema: field, ...patchMeta(field, source) };
}

/** Metadata for a field holding a list: the schema handed on is the items' (upstream falls back
 * to the field's own schema when it declares no items). */
export function listFieldMeta(parent: Schema | undefined, key: string, source: SchemaSource): FieldMeta {
  const field = childSchema(parent, key, source);
  return { schema: resolve(field, source)?.items ?? field, ...patchMeta(field, source) };
}

/** How upstream's OpenAPI lookup names a schema in "cannot merge lists without merge key for X". */
export function schemaName(schema: Schema | undefined, source: SchemaSource): string {
  return resolve(schema, source)?.type ?? "Struct";
}

// OpenAPI puts the extensions at the use site, beside the $ref/allOf; fall back to the named
// schema so definitions that carry them there work too.
function patchMeta(field: Schema | undefined, source: SchemaSource): Omit<FieldMeta, "schema"> {
  const target = resolve(field, source);
  const text = field?.["x-kubernetes-patch-strategy"] ?? target?.["x-kubernetes-patch-strategy"];
  const mergeKey = field?.["x-kubernetes-patch-merge-key"] ?? target?.["x-kubernetes-patch-merge-key"] ?? "";
  return { strategy: withoutRetainKeys(text === undefined ? [] : text.split(",")), mergeKey };
}

// "merge,retainKeys" → "merge". At most one strategy may accompany retainKeys.
function withoutRetainKeys(strategies: string[]): string {
  const others = strategies.filter((s) => s !== "retainKeys");
  if (strategies.length > 2 || (strategies.length === 2 && others.length !== 1)) {
    throw patchErrors.unexpectedStrategy(strategies);
  }
  return others[0] ?? "";
}
