// Field paths and error constructors in the shape of upstream's field.Path / field.Error, so every
// validator reports `spec.template.spec.containers[0].image`-style paths and the same cause types.
import type { FieldError } from "../errors";

/** A decoded JSON object; validators read kind-specific fields through it. */
export type Obj = Record<string, any>;

/** `a.b` (root-aware: child("", "spec") is "spec"). */
export function child(base: string, ...names: string[]): string {
  return names.reduce((p, n) => (p ? `${p}.${n}` : n), base);
}

/** `a[3]` */
export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** `a[key]` — upstream prints map keys unquoted. */
export function key(base: string, k: string): string {
  return `${base}[${k}]`;
}

export function errRequired(field: string, detail = ""): FieldError {
  return detail ? { type: "FieldValueRequired", field, detail } : { type: "FieldValueRequired", field };
}

export function errInvalid(field: string, value: unknown, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, value: value ?? null, detail };
}

export function errNotSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
  const e: FieldError = { type: "FieldValueNotSupported", field, value: value ?? null };
  if (valid.length) e.detail = `supported values: ${valid.map((v) => JSON.stringify(v)).join(", ")}`;
  return e;
}

export function errDuplicate(field: string, value: unknown): FieldError {
  return { type: "FieldValueDuplicate", field, value };
}

export function errForbidden(field: string, detail: string): FieldError {
  return { type: "FieldValueForbidden", field, detail };
}

/** Upstream's field.TooLong: the value is never echoed, only the byte limit. */
export function errTooLong(field: string, maxBytes: number): FieldError {
  return { type: "FieldValueTooLong", field, detail: `must have at most ${maxBytes} bytes` };
}

export function errNotFound(field: string, value: unknown): FieldError {
  return { type: "FieldValueNotFound", field, value };
}

export const isNegativeMsg = "must be greater than or equal to 0";
export const immutableMsg = "field is immutable";

/** ValidateNonnegativeField; absent values are not checked (callers default them first). */
export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === "number" && value < 0 ? [errInvalid(field, value, isNegativeMsg)] : [];
}

/** Go's len(string): UTF-8 bytes, which is what upstream's length limits count. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function asObj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

export function asArray(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObj(v) && Object.keys(v).length === 0;
}

/**
 * apiequality.Semantic.DeepEqual over JSON: like upstream, an absent, null, empty list or empty map
 * compare equal (the Go types cannot tell them apart once decoded).
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

/** ValidateImmutableField. */
export function immutable(next: unknown, prev: unknown, field: string): FieldError[] {
  return semanticEqual(next, prev) ? [] : [errInvalid(field, next, immutableMsg)];
}

/** Run a list of upstream "[]string of messages" checks as Invalid errors on one field. */
export function msgs(field: string, value: unknown, messages: string[]): FieldError[] {
  return messages.map((m) => errInvalid(field, value, m));
}
