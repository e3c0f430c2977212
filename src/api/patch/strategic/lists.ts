// Lists. A field whose strategy is "merge" merges: lists of maps by the merge key (containers by
// name, ports by containerPort), lists of scalars as a set union (finalizers). Any other list is
// replaced by the patch's. Deletion lists (`$deleteFromPrimitiveList/x`) apply whatever the
// strategy, as upstream.

import type { SchemaSource } from "../../schema/types";
import { mergeMap } from "./apply";
import { PATCH, settle } from "./directives";
import { patchErrors } from "./errors";
import { has, isMap, kindOf, type JSONMap, type Kind } from "./json";
import { reorder } from "./order";
import { schemaName, type FieldMeta } from "./schema";

export function mergeListField(
  original: unknown[],
  patch: unknown[],
  meta: FieldMeta,
  deleteList: boolean,
  source: SchemaSource,
): unknown[] {
  if (meta.strategy !== "merge" && !deleteList) return settle(patch) as unknown[];
  if (original.length === 0 && patch.length === 0) return original;

  const kind = elementKind([original, patch]);
  if (kind === undefined) throw patchErrors.noElements();
  if (kind !== "map") {
    if (deleteList) return original.filter((v) => !patch.includes(v));
    const merged = [...new Set([...original, ...patch])];
    return reorder(merged, patch, original, "", kind);
  }
  if (!meta.mergeKey) throw patchErrors.listWithoutMergeKey(schemaName(meta.schema, source));

  const { base, items } = applySpecialItems(original as JSONMap[], patch as JSONMap[], meta.mergeKey);
  const merged = mergeByKey(base, items, meta, source);
  return reorder(merged, items, base, meta.mergeKey, kind);
}

/**
 * The one kind all elements share. Lists of lists cannot be merged (upstream's 422), and mixed
 * kinds are a malformed patch. Undefined when there are no elements at all.
 */
export function elementKind(lists: unknown[][]): Kind | undefined {
  let kind: Kind | undefined;
  for (const list of lists) {
    for (const item of list) {
      const k = kindOf(item);
      if (kind === undefined) {
        if (k === "list") throw patchErrors.noListOfLists();
        kind = k;
      } else if (k !== kind) {
        throw patchErrors.typesNotIdentical(lists);
      }
    }
  }
  return kind;
}

/**
 * Items carrying `$patch`: `delete` removes every original item with that key; `replace` makes
 * the patch's other items the whole list. What remains of the patch merges item by item.
 */
function applySpecialItems(
  original: JSONMap[],
  patch: JSONMap[],
  mergeKey: string,
): { base: JSONMap[]; items: JSONMap[] } {
  let base = original;
  let replace = false;
  const items: JSONMap[] = [];
  for (const item of patch) {
    if (!has(item, PATCH)) {
      items.push(item);
      continue;
    }
    switch (item[PATCH]) {
      case "delete": {
        if (!has(item, mergeKey)) throw patchErrors.noMergeKey(item, mergeKey);
        base = base.filter((o) => !(has(o, mergeKey) && o[mergeKey] === item[mergeKey]));
        break;
      }
      case "replace":
        // Keep going: later items may still be malformed, and other `$patch` items are dropped.
        replace = true;
        break;
      case "merge":
        throw patchErrors.mergeInList();
      default:
        throw patchErrors.badPatchType(item[PATCH], item);
    }
  }
  return replace ? { base: items.map((i) => settle(i) as JSONMap), items: [] } : { base, items };
}

/** Patch items merge into the original item with the same key, or are appended (ordered later). */
function mergeByKey(base: JSONMap[], items: JSONMap[], meta: FieldMeta, source: SchemaSource): JSONMap[] {
  const key = meta.mergeKey;
  const out = [...base];
  for (const item of items) {
    if (!has(item, key)) throw patchErrors.noMergeKey(item, key);
    const at = out.findIndex((o) => isMap(o) && has(o, key) && o[key] === item[key]);
    if (at >= 0) out[at] = mergeMap(out[at], item, meta.schema, source);
    else out.push(settle(item) as JSONMap);
  }
  return out;
}

/**
 * The live list as upstream sees it after merging into it. Go deletes items by shifting the
 * rest left within the same array, and appends new items into the tail that frees; upstream
 * then orders by that array. Its tests pin the effect (add one item and delete another: the new
 * one sorts where the deleted one's slot was), so the same bookkeeping is replayed here.
 */
export function orderAfterMerge(original: unknown[], patch: unknown[], mergeKey: string): unknown[] {
  const slots = [...original];
  let length = slots.length;
  const find = (value: unknown) =>
    slots.slice(0, length).findIndex((o) => isMap(o) && has(o, mergeKey) && o[mergeKey] === value);
  let replaced = false;
  for (const item of patch) {
    if (!isMap(item) || !has(item, PATCH)) continue;
    if (item[PATCH] === "replace") replaced = true;
    if (item[PATCH] !== "delete") continue;
    for (let at = find(item[mergeKey]); at >= 0; at = find(item[mergeKey])) {
      slots.copyWithin(at, at + 1, length);
      length--;
    }
  }
  // A replacement builds a new list, leaving the old array as the deletions left it.
  if (!replaced) {
    for (const item of patch) {
      if (isMap(item) && !has(item, PATCH) && find(item[mergeKey]) < 0) slots[length++] = item;
    }
  }
  return slots.slice(0, original.length);
}
