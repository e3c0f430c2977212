// The map merge at the heart of strategic merge patch (apimachinery's mergeMap with the options
// the API server uses: parallel lists applied, unmatched nulls ignored). It works in place on
// private copies; index.ts makes them.

import type { Schema, SchemaSource } from "../../schema/types";
import { DELETE_FROM, PATCH, applyRetainKeys, mapDirective, parallelField, settle } from "./directives";
import { patchErrors } from "./errors";
import { has, isMap, kindOf, put, type JSONMap } from "./json";
import { mergeListField } from "./lists";
import { applySetElementOrder } from "./order";
import { listFieldMeta, mapFieldMeta } from "./schema";

export function mergeMap(
  original: JSONMap,
  patch: JSONMap,
  schema: Schema | undefined,
  source: SchemaSource,
): JSONMap {
  if (has(patch, PATCH)) return mapDirective(patch);

  // Order matters as upstream: retainKeys clears first, then $setElementOrder merges and
  // reorders its lists (removing them from the patch), then the remaining keys merge.
  applyRetainKeys(original, patch);
  applySetElementOrder(original, patch, schema, source);

  for (const patchKey of Object.keys(patch)) {
    const value = patch[patchKey];
    const deleteList = patchKey.startsWith(DELETE_FROM);
    const key = deleteList ? parallelField(patchKey, DELETE_FROM) : patchKey;
    if (deleteList && !Array.isArray(value)) throw patchErrors.badPrimitiveList();

    if (value === null) {
      delete original[key];
      continue;
    }
    if (!has(original, key) || kindOf(original[key]) !== kindOf(value)) {
      // Nothing to merge into: take the patch's value — but a deletion list never adds.
      if (!deleteList) setSettled(original, key, value);
      continue;
    }

    const current = original[key];
    if (isMap(current)) {
      const meta = mapFieldMeta(schema, key, source);
      if (meta.strategy === "replace") setSettled(original, key, value);
      else put(original, key, mergeMap(current, value as JSONMap, meta.schema, source));
    } else if (Array.isArray(current)) {
      const meta = listFieldMeta(schema, key, source);
      put(original, key, mergeListField(current, value as unknown[], meta, deleteList, source));
    } else {
      put(original, key, value);
    }
  }
  return original;
}

function setSettled(map: JSONMap, key: string, value: unknown): void {
  const settled = settle(value);
  if (settled === undefined) delete map[key];
  else put(map, key, settled);
}
