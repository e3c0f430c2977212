// What changed between two versions of an object, as field sets (upstream's typed Compare):
// leaves (scalars, atomic maps/lists, both-empty containers) are added, removed or modified;
// a granular map, list or list item that appears or disappears is itself added or removed, which
// is where the `.` entries of Update managers come from.

import { isObject } from "../object";
import type { Schema } from "../schema/types";
import { FieldSet } from "./fieldset";
import { field, type PathElement } from "./path";
import { fieldSchema, indexItems, shapeOf, type Typing } from "./typed";
import { deepEqual } from "./value";

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).length === 0);

const kind = (v: unknown) => (Array.isArray(v) ? "list" : isObject(v) ? "map" : "scalar");

export function compareObjects(lhs: unknown, rhs: unknown, t: Typing): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };

  const appearance = (l: unknown, r: unknown, path: PathElement[]) => {
    if (l === undefined) c.added.insert(path);
    else if (r === undefined) c.removed.insert(path);
  };

  const walk = (l: unknown, r: unknown, schema: Schema | undefined, path: PathElement[]): void => {
    const shape = shapeOf(schema, r === undefined || r === null ? l : r, t.source);
    // Values of different kinds (a map replaced by a string) change as a whole.
    const mismatch = l !== undefined && r !== undefined && l !== null && r !== null && kind(l) !== kind(r);
    if (shape.kind === "leaf" || mismatch || (isEmpty(l) && isEmpty(r))) {
      if (l !== undefined && r !== undefined && !deepEqual(l, r)) c.modified.insert(path);
      else appearance(l, r, path);
      return;
    }
    if (shape.kind === "map") {
      const lm = isObject(l) ? l : {};
      const rm = isObject(r) ? r : {};
      for (const k of Object.keys(lm)) walk(lm[k], rm[k], fieldSchema(shape.schema, k), [...path, field(k)]);
      for (const k of Object.keys(rm)) if (!(k in lm)) walk(undefined, rm[k], fieldSchema(shape.schema, k), [...path, field(k)]);
    } else {
      // Duplicated items are compared by their first copy (upstream compares copies as a block).
      const li = indexItems(shape, l, t, path, false).byKey;
      const ri = indexItems(shape, r, t, path, false).byKey;
      for (const [k, item] of li) walk(item.value, ri.get(k)?.value, shape.items, [...path, item.pe]);
      for (const [k, item] of ri) if (!li.has(k)) walk(undefined, item.value, shape.items, [...path, item.pe]);
    }
    appearance(l, r, path);
  };

  walk(lhs, rhs, t.schema, []);
  return c;
}

/** The comparison without the excluded subtrees (upstream's ignore filter for reset fields). */
export function excluding(c: Comparison, ignored: FieldSet): Comparison {
  if (ignored.empty) return c;
  return {
    added: c.added.recursiveDifference(ignored),
    modified: c.modified.recursiveDifference(ignored),
    removed: c.removed.recursiveDifference(ignored),
  };
}
