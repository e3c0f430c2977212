// The `$`-keys a strategic merge patch may carry, and what happens to patch content that has
// nothing to merge into.

import { resolve, type Schema, type SchemaSource } from "../../schema/types";
import { patchErrors } from "./errors";
import { has, isMap, put, type JSONMap } from "./json";
import { childSchema } from "./schema";

export const PATCH = "$patch";
export const RETAIN_KEYS = "$retainKeys";
/** `$setElementOrder/<list>`: the order the client wants the merged list in. */
export const SET_ORDER = "$setElementOrder";
/** `$deleteFromPrimitiveList/<list>`: values to drop from a list of scalars. */
export const DELETE_FROM = "$deleteFromPrimitiveList";

export function isDirectiveKey(key: string): boolean {
  return key === PATCH || key === RETAIN_KEYS || key.startsWith(SET_ORDER) || key.startsWith(DELETE_FROM);
}

/** The list a parallel-list key is about: "$setElementOrder/containers" → "containers". */
export function parallelField(key: string, prefix: typeof SET_ORDER | typeof DELETE_FROM): string {
  const slash = key.indexOf("/");
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === SET_ORDER ? patchErrors.badSetElementOrder() : patchErrors.badPrimitiveList();
  }
  return key.slice(slash + 1);
}

/** `$patch` on a map: replace keeps only the patch's content, delete empties the map. */
export function mapDirective(patch: JSONMap): JSONMap {
  const directive = patch[PATCH];
  if (directive === "replace") {
    delete patch[PATCH];
    return settle(patch) as JSONMap;
  }
  if (directive === "delete") return {};
  // `$patch: merge` is only a client-side notion upstream; applying it is an error there too.
  throw patchErrors.badPatchType(directive, patch);
}

/**
 * `$retainKeys` (fields with the "retainKeys" strategy, e.g. a volume's source): clear every
 * key of the original the list does not name. Every key the patch sets must be named.
 */
export function applyRetainKeys(original: JSONMap, patch: JSONMap): void {
  if (!has(patch, RETAIN_KEYS)) return;
  const keys = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(keys)) throw patchErrors.badRetainKeys();
  const keep = new Set<unknown>(keys);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM) || key.startsWith(SET_ORDER)) continue;
    if (!keep.has(key)) throw patchErrors.badRetainKeys();
  }
  for (const key of Object.keys(original)) if (!keep.has(key)) delete original[key];
}

/**
 * Patch content landing where the original has nothing (a new key, a new list item, a
 * replacement): nulls are dropped, maps carrying `$patch` vanish, and directive keys are removed.
 * Upstream strips the first two and lets decoding into Go structs discard the rest; we store
 * JSON, so this yields what upstream would store. Returns undefined for "drop this value".
 */
export function settle(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(settle).filter((v) => v !== undefined);
  }
  if (!isMap(value)) return value;
  if (has(value, PATCH)) return undefined;
  const out: JSONMap = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || isDirectiveKey(key)) continue;
    const settled = settle(v);
    if (settled !== undefined) put(out, key, settled);
  }
  return out;
}

/**
 * Rejects `$`-keys that are not directives where the schema describes the keys (kubeflare's
 * choice; upstream would pass them on to decoding, which drops or rejects them). Schema-less,
 * free-form (RawExtension) and preserve-unknown-fields subtrees may hold such keys as data, and
 * a schema that declares one (JSONSchemaProps' `$ref`) wins.
 */
export function checkDirectives(value: unknown, schema: Schema | undefined, source: SchemaSource): void {
  const s = resolve(schema, source);
  if (Array.isArray(value)) {
    for (const item of value) checkDirectives(item, s?.items, source);
    return;
  }
  if (!isMap(value)) return;
  const typed =
    s !== undefined &&
    !s["x-kubernetes-preserve-unknown-fields"] &&
    (s.properties !== undefined || typeof s.additionalProperties === "object");
  for (const [key, v] of Object.entries(value)) {
    const declared = s?.properties !== undefined && Object.hasOwn(s.properties, key);
    if (key.startsWith("$") && !declared) {
      if (isDirectiveKey(key)) continue;
      if (typed) throw patchErrors.unknownDirective(key, value);
    }
    checkDirectives(v, childSchema(s, key, source), source);
  }
}
