// Where merged list items end up. Upstream's rule (design proposal "preserve order in strategic
// merge patch"): `$setElementOrder` beats the order of the patch list, which beats the order of
// the live list. Items the patch names keep the patch's relative order, server-only items keep
// theirs, and the two are interleaved using the live list's order where both items appear in it.

import type { Schema, SchemaSource } from "../../schema/types";
import { PATCH, SET_ORDER, parallelField, settle } from "./directives";
import { patchErrors } from "./errors";
import { has, isMap, put, type JSONMap, type Kind } from "./json";
import { elementKind, mergeListField, orderAfterMerge } from "./lists";
import { listFieldMeta } from "./schema";

/** Orders `merged` (the merge of `serverOrder` with `patchOrder`'s items) as upstream does. */
export function reorder(
  merged: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: Kind,
): unknown[] {
  const [inPatch, serverOnly] = partition(merged, patchOrder, mergeKey);
  const patchItems = sortByOrder(inPatch, patchOrder, mergeKey, kind);
  const serverItems = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  return interleave(serverItems, patchItems, serverOrder, mergeKey, kind);
}

/**
 * Handles each `$setElementOrder/<list>` of `patch`: merges that list (if the patch has it), then
 * orders the result by the directive. Both keys leave the patch so the main loop skips them.
 */
export function applySetElementOrder(
  original: JSONMap,
  patch: JSONMap,
  schema: Schema | undefined,
  source: SchemaSource,
): void {
  for (const directiveKey of Object.keys(patch)) {
    if (!directiveKey.startsWith(SET_ORDER)) continue;
    const order = patch[directiveKey];
    delete patch[directiveKey];
    if (!Array.isArray(order)) throw patchErrors.badArgType("list", order);
    const key = parallelField(directiveKey, SET_ORDER);

    const current = has(original, key) ? original[key] : undefined;
    const incoming = has(patch, key) ? patch[key] : undefined;
    if (has(original, key) && !Array.isArray(current)) throw patchErrors.badArgType("list", current);
    if (has(patch, key) && !Array.isArray(incoming)) throw patchErrors.badArgType("list", incoming);
    const currentList = (current ?? []) as unknown[];
    const patchList = (incoming ?? []) as unknown[];
    if (current === undefined && incoming === undefined) continue;

    const meta = listFieldMeta(schema, key, source);
    checkOrder(patchList, order, meta.mergeKey);
    let merged: unknown[];
    if (incoming === undefined) merged = currentList;
    else if (current === undefined) merged = settle(patchList) as unknown[];
    else merged = mergeListField(currentList, patchList, meta, false, source);
    delete patch[key];

    // Upstream fails here on two empty lists; there is nothing to order, so keep the merge.
    const kind = elementKind([currentList, patchList]);
    if (kind === undefined) {
      put(original, key, merged);
      continue;
    }
    const liveOrder =
      kind === "map" && meta.strategy === "merge" && current !== undefined && incoming !== undefined
        ? orderAfterMerge(currentList, patchList, meta.mergeKey)
        : currentList;
    put(original, key, reorder(merged, order, liveOrder, meta.mergeKey, kind));
  }
}

/** The patch list must be a subsequence of `$setElementOrder` (deletions and directives aside). */
function checkOrder(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? splitDeletes(patchList)[0] : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isMap(items[p]) && has(items[p] as JSONMap, PATCH)) {
      p++;
      continue;
    }
    if (sameKey(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) throw patchErrors.orderMismatch(patchList, order);
}

function sameKey(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isMap(left)) throw patchErrors.badArgType("map", left);
  if (!isMap(right)) throw patchErrors.badArgType("map", right);
  if (!has(left, mergeKey)) throw patchErrors.noMergeKey(left, mergeKey);
  if (!has(right, mergeKey)) throw patchErrors.noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/** Splits items into those present in `by` (by merge key, or by value for scalars) and the rest. */
function partition(items: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inList: unknown[] = [];
  const rest: unknown[] = [];
  for (const item of items) {
    let found: boolean;
    if (!mergeKey) {
      found = by.includes(item);
    } else {
      if (!isMap(item)) throw patchErrors.badArgType("map", item);
      if (!has(item, mergeKey)) throw patchErrors.noMergeKey(item, mergeKey);
      found = by.some((b, i) => {
        if (!isMap(b)) throw patchErrors.notAMap(i);
        return has(b, mergeKey) && b[mergeKey] === item[mergeKey];
      });
    }
    (found ? inList : rest).push(item);
  }
  return [inList, rest];
}

/** Stable sort by position in `order`; `$patch: delete` items go last. */
function sortByOrder(items: unknown[], order: unknown[], mergeKey: string, kind: Kind): unknown[] {
  let keep = items;
  let deletes: unknown[] = [];
  if (kind === "map") {
    for (const list of [items, order]) {
      for (const item of list) {
        if (!isMap(item)) throw patchErrors.badArgType("map", item);
        if (!has(item, mergeKey)) throw patchErrors.noMergeKey(item, mergeKey);
      }
    }
    [keep, deletes] = splitDeletes(items);
  }
  const ranked = keep.map((item) => ({ item, at: indexIn(order, item, mergeKey, kind) }));
  ranked.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : 0));
  return [...ranked.map((r) => r.item), ...deletes];
}

function splitDeletes(items: unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const deletes: unknown[] = [];
  for (const item of items) {
    if (!isMap(item)) throw patchErrors.badArgType("map", item);
    (item[PATCH] === "delete" ? deletes : keep).push(item);
  }
  return [keep, deletes];
}

/**
 * Merges two sorted, disjoint lists: take a server-only item before the next patch item only
 * when the live list has both and the server item comes first.
 */
function interleave(
  serverOnly: unknown[],
  patchItems: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: Kind,
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (j >= patchItems.length) out.push(serverOnly[i++]);
    else if (i >= serverOnly.length) out.push(patchItems[j++]);
    else {
      const li = indexIn(serverOrder, serverOnly[i], mergeKey, kind);
      const ri = indexIn(serverOrder, patchItems[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(patchItems[j++]);
    }
  }
  return out;
}

function indexIn(list: unknown[], item: unknown, mergeKey: string, kind: Kind): number {
  const identity = (v: unknown) => (kind !== "map" ? v : isMap(v) ? (v[mergeKey] ?? null) : null);
  const wanted = identity(item);
  return list.findIndex((v) => identity(v) === wanted);
}
