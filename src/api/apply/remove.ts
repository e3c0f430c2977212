// Removing the members of a field set from an object (upstream's RemoveItems), used by apply to
// prune fields an applier stopped sending. A member path goes with everything below it; atomic
// values are never entered. A map or list emptied by removal is dropped rather than left as null.

import { isObject } from "../object";
import type { Schema } from "../schema/types";
import type { FieldSet } from "./fieldset";
import { field, type PathElement } from "./path";
import { fieldSchema, indexItems, shapeOf, type Typing } from "./typed";

export function removeFields(value: unknown, set: FieldSet, t: Typing): unknown {
  return set.empty ? value : remove(value, set, t.schema, t, []) ?? {};
}

function remove(value: unknown, set: FieldSet, schema: Schema | undefined, t: Typing, path: PathElement[]): unknown {
  const shape = shapeOf(schema, value, t.source);
  if (shape.kind === "leaf") return value;
  if (shape.kind === "map") {
    if (!isObject(value) || Object.keys(value).length === 0) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = descend(v, set.node(field(k)), fieldSchema(shape.schema, k), t, [...path, field(k)]);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (!Array.isArray(value) || value.length === 0) return value;
  const { byKey, keys } = indexItems(shape, value, t, path, false);
  const out: unknown[] = [];
  value.forEach((v, i) => {
    const pe = byKey.get(keys[i])!.pe;
    const kept = descend(v, set.node(pe), shape.items, t, [...path, pe]);
    if (kept !== undefined) out.push(kept);
  });
  return out.length ? out : undefined;
}

function descend(
  v: unknown,
  node: { member: boolean; children: FieldSet } | undefined,
  schema: Schema | undefined,
  t: Typing,
  path: PathElement[],
): unknown {
  if (!node) return v;
  if (node.member) return undefined;
  return remove(v, node.children, schema, t, path);
}
