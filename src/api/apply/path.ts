// One step from a node to a child, named the four ways structured-merge-diff names them: a map or
// struct field, a list-map item by its key fields, a set item by its value, or (rarely) a list
// index. The serialised form (`f:`, `k:`, `v:`, `i:`) is both the FieldsV1 key and our identity.

import { isObject } from "../object";
import { compareSequences, compareStrings, compareValues, goJSON, goJSONString, goString } from "./value";

export type PathElement =
  | { kind: "field"; name: string }
  /** Key fields sorted by name, as upstream stores them whatever order list-map-keys gives. */
  | { kind: "key"; fields: [name: string, value: unknown][] }
  | { kind: "value"; value: unknown }
  | { kind: "index"; index: number };

export type Path = readonly PathElement[];

export const field = (name: string): PathElement => ({ kind: "field", name });

export function keyElement(fields: [string, unknown][]): PathElement {
  return { kind: "key", fields: [...fields].sort((a, b) => compareStrings(a[0], b[0])) };
}

const order = { field: 0, key: 1, value: 2, index: 3 } as const;

/** Upstream's order: fields by name, then keyed items, then set values, then indices. */
export function comparePE(a: PathElement, b: PathElement): number {
  if (a.kind !== b.kind) return order[a.kind] < order[b.kind] ? -1 : 1;
  switch (a.kind) {
    case "field":
      return compareStrings(a.name, (b as typeof a).name);
    case "key":
      return compareSequences(a.fields, (b as typeof a).fields, (x, y) => compareStrings(x[0], y[0]) || compareValues(x[1], y[1]));
    case "value":
      return compareValues(a.value, (b as typeof a).value);
    case "index":
      return Math.sign(a.index - (b as typeof a).index);
  }
}

/** The FieldsV1 spelling: `f:name`, `k:{"containerPort":80,"protocol":"TCP"}`, `v:"x"`, `i:0`. */
export function serializePE(pe: PathElement): string {
  switch (pe.kind) {
    case "field":
      return `f:${pe.name}`;
    case "key":
      return `k:{${pe.fields.map(([n, v]) => `${goJSONString(n)}:${goJSON(v)}`).join(",")}}`;
    case "value":
      return `v:${goJSON(pe.value)}`;
    case "index":
      return `i:${pe.index}`;
  }
}

export function parsePE(s: string): PathElement {
  if (s.length < 2 || s[1] !== ":") throw new Error(`invalid path element ${JSON.stringify(s)}`);
  const rest = s.slice(2);
  switch (s[0]) {
    case "f":
      return field(rest);
    case "v":
      return { kind: "value", value: JSON.parse(rest) };
    case "k": {
      const obj: unknown = JSON.parse(rest);
      if (!isObject(obj)) throw new Error(`invalid key path element ${JSON.stringify(s)}`);
      return keyElement(Object.entries(obj));
    }
    case "i": {
      if (!/^-?\d+$/.test(rest)) throw new Error(`invalid index path element ${JSON.stringify(s)}`);
      return { kind: "index", index: Number(rest) };
    }
    default:
      throw new Error(`unknown path element type in ${JSON.stringify(s)}`);
  }
}

/** The human form conflicts are reported in: `.spec.template.spec.containers[name="web"].image`. */
export function pathString(path: Path): string {
  return path
    .map((pe) => {
      switch (pe.kind) {
        case "field":
          return `.${pe.name}`;
        case "key":
          return `[${pe.fields.map(([n, v]) => `${n}=${goString(v)}`).join(",")}]`;
        case "value":
          return `[=${goString(pe.value)}]`;
        case "index":
          return `[${pe.index}]`;
      }
    })
    .join("");
}
