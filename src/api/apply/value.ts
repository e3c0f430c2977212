// JSON values as structured-merge-diff sees them: a total order (so list keys and set items sort
// the way upstream writes them into FieldsV1), deep equality, and the two spellings upstream
// prints values in — Go's encoding/json inside FieldsV1 keys, Go's %v/%q inside conflict paths.

import { isObject } from "../object";

/** Upstream's rank of value kinds when values of different kinds are compared. */
function rank(v: unknown): number {
  if (typeof v === "number") return 0;
  if (typeof v === "string") return 1;
  if (typeof v === "boolean") return 2;
  if (Array.isArray(v)) return 3;
  if (isObject(v)) return 4;
  return 5; // null (and undefined, which JSON never carries)
}

/** Go compares strings bytewise in UTF-8, which is code point order, not UTF-16 unit order. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) return compareSequences(a, b, compareValues);
  if (isObject(a) && isObject(b)) {
    const entries = (o: Record<string, unknown>) =>
      Object.keys(o)
        .sort(compareStrings)
        .map((k) => [k, o[k]] as const);
    return compareSequences(entries(a), entries(b), (p, q) => compareStrings(p[0], q[0]) || compareValues(p[1], q[1]));
  }
  return 0;
}

/** Item by item, then the shorter first: how upstream orders lists and key field lists. */
export function compareSequences<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = cmp(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Go's encoding/json: HTML-significant characters and the JS line separators come out escaped. */
export function goJSONString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value as Go's encoding/json writes it (map keys sorted), used inside `k:` and `v:` elements. */
export function goJSON(v: unknown): string {
  if (typeof v === "string") return goJSONString(v);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(",")}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort(compareStrings);
    return `{${keys.map((k) => `${goJSONString(k)}:${goJSON(v[k])}`).join(",")}}`;
  }
  return v === undefined ? "null" : JSON.stringify(v);
}

/** Go's strconv.Quote (what %q prints) for the common cases: C escapes and \x for other controls. */
export function goQuote(s: string): string {
  const named: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v" };
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '"' || c === "\\") out += `\\${c}`;
    else if (named[c]) out += named[c];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return `${out}"`;
}

/** Upstream's value.ToString: how list keys and set values appear in `.spec.ports[port=80]`. */
export function goString(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(",")}]`;
  if (isObject(v)) return Object.keys(v).map((k) => `${k}=${goString(v[k])}`).join("");
  return String(v);
}
