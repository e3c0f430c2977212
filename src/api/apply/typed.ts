// How a schema node behaves for field ownership. Upstream converts OpenAPI into its own type
// model; we read the structural schema directly: objects are granular maps unless
// `x-kubernetes-map-type: atomic`, arrays are atomic unless `x-kubernetes-list-type` says set or
// map. Where there is no schema (or preserve-unknown-fields), the shape is deduced from the value
// as upstream's "deduced" type does: objects granular, arrays atomic.

import { isObject } from "../object";
import { resolve, type Schema, type SchemaSource } from "../schema/types";
import { FieldSet } from "./fieldset";
import { field, keyElement, pathString, serializePE, type Path, type PathElement } from "./path";

export type Shape =
  | { kind: "leaf" }
  /** A granular map or struct; `schema` undefined means deduced (every key unnamed, untyped). */
  | { kind: "map"; schema: Schema | undefined }
  | { kind: "list"; listType: "set" | "map"; keys: string[]; items: Schema | undefined };

export interface Typing {
  schema: Schema | undefined;
  source: SchemaSource;
}

export type ListShape = Extract<Shape, { kind: "list" }>;

/** Input that does not fit its type (list-map items without keys, duplicates in applied config). */
export class ShapeError extends Error {
  constructor(path: Path, message: string) {
    super(path.length ? `${pathString(path)}: ${message}` : message);
    this.name = "ShapeError";
  }
}

const nothingNamed: SchemaSource = { named: () => undefined };

export function typing(schema: Schema | undefined, source: SchemaSource | undefined): Typing {
  return { schema, source: source ?? nothingNamed };
}

const leaf: Shape = { kind: "leaf" };

function isMapSchema(s: Schema): boolean {
  return s.type === "object" || !!s.properties || (s.additionalProperties !== undefined && s.additionalProperties !== false);
}

/** The shape of `value` under `schema`; a value that does not fit its schema is owned as a whole. */
export function shapeOf(schema: Schema | undefined, value: unknown, source: SchemaSource): Shape {
  const s = resolve(schema, source);
  const isNull = value === null || value === undefined;
  if (s && s.type !== "array" && !s.items && isMapSchema(s)) {
    if (!isNull && !isObject(value)) return leaf;
    return s["x-kubernetes-map-type"] === "atomic" ? leaf : { kind: "map", schema: s };
  }
  if (s && (s.type === "array" || s.items)) {
    const listType = s["x-kubernetes-list-type"];
    if ((!isNull && !Array.isArray(value)) || (listType !== "set" && listType !== "map")) return leaf;
    return { kind: "list", listType, keys: s["x-kubernetes-list-map-keys"] ?? [], items: s.items };
  }
  if (s && (s.type || s["x-kubernetes-int-or-string"])) return leaf;
  return isObject(value) ? { kind: "map", schema: undefined } : leaf;
}

/** The schema of a map entry: a declared property, else the additionalProperties schema. */
export function fieldSchema(map: Schema | undefined, name: string): Schema | undefined {
  const declared = map?.properties?.[name];
  if (declared) return declared;
  return isObject(map?.additionalProperties) ? (map.additionalProperties as Schema) : undefined;
}

/** Struct fields are "named"; map keys are not (upstream owns map keys even when non-leaf). */
export function isNamed(map: Schema | undefined, name: string): boolean {
  return !!map?.properties && Object.hasOwn(map.properties, name);
}

/** The path element naming one item of a set or list-map. */
export function itemElement(shape: ListShape, item: unknown, t: Typing, at: Path): PathElement {
  if (shape.listType === "set") {
    if (isObject(item) || Array.isArray(item)) throw new ShapeError(at, "set items must be scalars");
    return { kind: "value", value: item };
  }
  if (!isObject(item)) throw new ShapeError(at, "list-map items must be objects");
  const itemSchema = resolve(shape.items, t.source);
  const fields: [string, unknown][] = [];
  for (const k of shape.keys) {
    // An omitted key field takes its schema default (protocol: TCP), so `{containerPort: 80}`
    // names the same item as the defaulted live one.
    const v = item[k] ?? resolve(itemSchema?.properties?.[k], t.source)?.default;
    if (v !== undefined && v !== null) fields.push([k, v]);
  }
  if (shape.keys.length && !fields.length) {
    throw new ShapeError(at, `list-map item has none of its key fields ${JSON.stringify(shape.keys)}`);
  }
  return keyElement(fields);
}

export interface Item {
  pe: PathElement;
  key: string;
  value: unknown;
  /** Another item in the same list has the same key or value. */
  duplicate: boolean;
}

/** Items of a granular list by identity (first occurrence kept) and each position's identity. */
export function indexItems(shape: ListShape, list: unknown, t: Typing, at: Path, strict: boolean) {
  const byKey = new Map<string, Item>();
  const keys: string[] = [];
  (Array.isArray(list) ? list : []).forEach((value, i) => {
    const pe = itemElement(shape, value, t, [...at, { kind: "index", index: i }]);
    const key = serializePE(pe);
    const first = byKey.get(key);
    // Applied configuration must name each item once; live objects are tolerated as upstream does.
    if (first && strict) throw new ShapeError(at, `duplicate entries for ${pathString([pe])}`);
    if (first) first.duplicate = true;
    else byKey.set(key, { pe, key, value, duplicate: false });
    keys.push(key);
  });
  return { byKey, keys };
}

/** Every field the value sets, as upstream's ToFieldSet: leaves, list items, and map keys. */
export function toFieldSet(value: unknown, t: Typing, strict = false): FieldSet {
  const set = new FieldSet();
  const walk = (v: unknown, schema: Schema | undefined, path: PathElement[]): void => {
    const shape = shapeOf(schema, v, t.source);
    if (shape.kind === "leaf") {
      set.insert(path);
    } else if (shape.kind === "map") {
      if (!isObject(v)) return;
      for (const [k, child] of Object.entries(v)) {
        const p = [...path, field(k)];
        walk(child, fieldSchema(shape.schema, k), p);
        // Null and {} are owned as values; map keys (unlike struct fields) are owned themselves.
        const emptyMap = isObject(child) && Object.keys(child).length === 0;
        if (child === null || emptyMap || !isNamed(shape.schema, k)) set.insert(p);
      }
    } else {
      for (const item of indexItems(shape, v, t, path, strict).byKey.values()) {
        const p = [...path, item.pe];
        // A duplicated item is owned as a whole: upstream cannot tell its copies apart.
        if (!item.duplicate) walk(item.value, shape.items, p);
        set.insert(p);
      }
    }
  };
  walk(value, t.schema, []);
  return set;
}

/**
 * Upstream's EnsureNamedFieldsAreMembers: a struct field with owned fields below it counts as
 * owned too, so pruning can drop a whole struct nobody owns anything in any more.
 */
export function withNamedFieldMembers(set: FieldSet, t: Typing): FieldSet {
  return set.promote(t.schema, (pe, schema) => {
    const s = resolve(schema, t.source);
    if (pe.kind === "field") return { member: isNamed(s, pe.name), ctx: fieldSchema(s, pe.name) };
    return { member: false, ctx: s?.items };
  });
}
