// Merging an applied configuration into the live object by the schema's semantics: leaves and
// atomic maps/lists take the applied value, granular maps merge key by key, sets and list-maps
// merge item by item. Nothing is deleted here; removal of dropped fields is pruning's job.

import { isObject } from "../object";
import type { Schema } from "../schema/types";
import type { PathElement } from "./path";
import { fieldSchema, indexItems, shapeOf, type Item, type ListShape, type Typing } from "./typed";

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).length === 0);

/** `live` merged with `applied`; either may be undefined (absent), not both. Shares subtrees. */
export function mergeValues(live: unknown, applied: unknown, t: Typing): unknown {
  return merge(live, applied, t.schema, t, []);
}

function merge(lhs: unknown, rhs: unknown, schema: Schema | undefined, t: Typing, path: PathElement[]): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined) return rhs;
  const shape = shapeOf(schema, rhs === null ? lhs : rhs, t.source);
  // Both empty: keep the applied form, so `{}` versus null stays as sent.
  if (shape.kind === "leaf" || (isEmpty(lhs) && isEmpty(rhs))) return rhs;
  if (shape.kind === "map") {
    const l = isObject(lhs) ? lhs : {};
    const r = isObject(rhs) ? rhs : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(l)) out[k] = k in r ? merge(v, r[k], fieldSchema(shape.schema, k), t, [...path, { kind: "field", name: k }]) : v;
    for (const [k, v] of Object.entries(r)) if (!(k in l)) out[k] = v;
    return out;
  }
  return mergeList(lhs, rhs, shape, t, path);
}

/**
 * Upstream's order-preserving list merge: live-only items stay where they were, applied items come
 * in applied order, and a live item also in the config is placed when the applied order reaches it.
 */
function mergeList(lhs: unknown, rhs: unknown, shape: ListShape, t: Typing, path: PathElement[]): unknown[] {
  const live = indexItems(shape, lhs, t, path, false);
  const applied = [...indexItems(shape, rhs, t, path, true).byKey.values()];
  const inApplied = new Set(applied.map((a) => a.key));
  const shared = applied.filter((a) => live.byKey.has(a.key)).map((a) => a.key);
  const placed = new Set<string>();
  const out: unknown[] = [];
  let next = 0; // cursor into `applied`
  let expected = 0; // cursor into `shared`: the next shared item in applied order
  const emit = (a: Item) => {
    const l = live.byKey.get(a.key);
    // A duplicated live item cannot be merged into; the applied one replaces all its copies.
    out.push(l && !l.duplicate ? merge(l.value, a.value, shape.items, t, [...path, a.pe]) : a.value);
    placed.add(a.key);
    while (expected < shared.length && placed.has(shared[expected])) expected++;
  };
  (Array.isArray(lhs) ? lhs : []).forEach((value, i) => {
    const key = live.keys[i];
    if (!inApplied.has(key)) out.push(value);
    // A shared item is placed once the applied order reaches it; out of order, it waits.
    else if (key === shared[expected]) while (next < applied.length && !placed.has(key)) emit(applied[next++]);
  });
  while (next < applied.length) emit(applied[next++]);
  return out;
}
