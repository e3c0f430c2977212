// x-kubernetes-list-type invariants for custom resources, after apiextensions' listtype package:
// a `set` holds no element twice and a `map` no two elements with the same key fields. Only the
// second appearance of a value is reported, as upstream does. Also the ratcheting correlation of
// list items, which upstream allows for map lists only.
import type { FieldError } from "../errors";
import { goJSON } from "./go-text";
import { resolve, type Schema, type SchemaSource } from "./types";

type Map = Record<string, unknown>;

function isMap(v: unknown): v is Map {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const child = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** Go map keys: scalars compare by value, compound values by their JSON text. */
function identity(v: unknown): string {
  return v !== null && typeof v === "object" ? `c:${goJSON(v)}` : `s:${typeof v}:${String(v)}`;
}

/** Indices of each value's second appearance (validateListSet). */
function secondAppearances(values: unknown[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const id = identity(v);
    const times = seen.get(id) ?? 0;
    if (times === 1) out.push(i);
    seen.set(id, times + 1);
  });
  return out;
}

/** An element's key fields as upstream builds them: only the keys it has. */
function keyOf(item: unknown, keys: string[]): Map {
  const out: Map = {};
  if (isMap(item)) for (const k of keys) if (Object.hasOwn(item, k)) out[k] = item[k];
  return out;
}

const UNSPECIFIED = Symbol("unspecified");

function mapListErrors(path: string, keys: string[], list: unknown[]): FieldError[] {
  const bad = list.findIndex((x) => x !== null && !isMap(x));
  if (bad >= 0) return [{ type: "FieldValueInvalid", field: `${path}[${bad}]`, value: list[bad], detail: "must be an object for an array of list-type map" }];
  if (list.length <= 1) return [];
  if (keys.length === 1) {
    const [k] = keys as [string];
    const values = list.map((x) => (isMap(x) && Object.hasOwn(x, k) ? x[k] : UNSPECIFIED));
    const ids = values.map((v) => (v === UNSPECIFIED ? "unspecified" : identity(v)));
    return secondAppearances(ids).map((i) => ({ type: "FieldValueDuplicate", field: `${path}[${i}]`, value: values[i] === UNSPECIFIED ? {} : { [k]: values[i] } }));
  }
  const keyed = list.map((x) => keyOf(x, keys));
  return secondAppearances(keyed).map((i) => ({ type: "FieldValueDuplicate", field: `${path}[${i}]`, value: keyed[i] }));
}

function walk(path: string, raw: Schema | undefined, value: unknown, source: SchemaSource): FieldError[] {
  const s = raw ? resolve(raw, source) : undefined;
  if (!s) return [];
  const errs: FieldError[] = [];
  if (Array.isArray(value)) {
    const type = s["x-kubernetes-list-type"];
    if (type === "set" && value.length > 1) {
      for (const i of secondAppearances(value)) errs.push({ type: "FieldValueDuplicate", field: `${path}[${i}]`, value: value[i] });
    } else if (type === "map") errs.push(...mapListErrors(path, s["x-kubernetes-list-map-keys"] ?? [], value));
    value.forEach((item, i) => errs.push(...walk(`${path}[${i}]`, s.items, item, source)));
  } else if (isMap(value)) {
    const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
    if (extra) for (const k of Object.keys(value)) errs.push(...walk(`${path}[${k}]`, extra, value[k], source));
    if (s.properties) for (const k of Object.keys(value)) if (Object.hasOwn(s.properties, k)) errs.push(...walk(child(path, k), s.properties[k], value[k], source));
  }
  return errs;
}

/** ValidateListSetsAndMaps over an object; `rootPath` prefixes the field paths. */
export function validateListTypes(obj: unknown, schema: Schema, source: SchemaSource, rootPath = ""): FieldError[] {
  return isMap(obj) ? walk(rootPath, schema, obj, source) : [];
}

/** The old element a new list item is compared with when ratcheting: same keys in a map list. */
export function correlate(list: Schema, items: unknown[], i: number, old: unknown): { value: unknown } | undefined {
  if (list["x-kubernetes-list-type"] !== "map" || !Array.isArray(old)) return undefined;
  const keys = list["x-kubernetes-list-map-keys"] ?? [];
  const want = goJSON(keyOf(items[i], keys));
  const match = old.find((o) => isMap(o) && goJSON(keyOf(o, keys)) === want);
  return match === undefined ? undefined : { value: match };
}
