// Value validation of a custom resource against its OpenAPI schema, worded as kube-openapi's
// validator and mapped to field errors as apiextensions does (`spec.replicas in body must be of
// type integer: "string"`). Validators run per node in upstream's order: type, string, format,
// number, array, enum, object. Updates ratchet: errors inside a part equal to the old object's
// correlated part are dropped (CRDValidationRatcheting, on by default in 1.32).
import type { FieldError } from "../errors";
import { validateEmbeddedResources } from "./embedded";
import { formatChecker } from "./formats";
import { goNumber, goQuote } from "./go-text";
import { correlate, validateListTypes } from "./listtype";
import { resolve, type Schema, type SchemaSource } from "./types";

interface Ctx {
  source: SchemaSource;
  /** Field path the kube-openapi names hang under ("status" for a status-only validator). */
  prefix: string;
}

/** The old value correlated with the node being validated, when there is one. */
type Old = { value: unknown } | undefined;

/** kube-openapi names: "" is the root, children are `a.b`, `a[0]`; a root key reads `.key`. */
const childName = (name: string, key: string) => `${name}.${key}`;
const propName = (name: string, key: string) => (name ? `${name}.${key}` : key);

function fieldOf(ctx: Ctx, name: string): string {
  const rel = name.startsWith(".") ? name.slice(1) : name;
  if (!ctx.prefix) return rel;
  return rel ? `${ctx.prefix}.${rel}` : ctx.prefix;
}

/** field.Invalid with the message kube-openapi gives (value "" when the error carries none). */
const invalid = (ctx: Ctx, name: string, value: unknown, detail: string, type = "FieldValueInvalid"): FieldError => ({
  type,
  field: fieldOf(ctx, name),
  value: value === undefined ? "" : value,
  detail,
});

function jsonType(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v === "object" ? "object" : typeof v;
}

function typesOf(s: Schema): string[] {
  if (s["x-kubernetes-int-or-string"]) return ["integer", "string"];
  return s.type ? [s.type] : [];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const rb = b as Record<string, unknown>;
    return ka.length === Object.keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && deepEqual((a as Record<string, unknown>)[k], rb[k]));
  }
  return false;
}

function checkType(ctx: Ctx, s: Schema, name: string, v: unknown, errs: FieldError[]): void {
  const types = typesOf(s);
  if (!types.length) return;
  const actual = jsonType(v);
  if (actual === "null" ? s.nullable : types.includes(actual) || (actual === "integer" && types.includes("number"))) return;
  const want = types.join(",");
  errs.push(invalid(ctx, name, actual, `${name} in body must be of type ${want}: "${actual}"`, "FieldValueTypeInvalid"));
}

const patterns = new Map<string, RegExp | Error>();

/**
 * kube-openapi compiles patterns as Go RE2. JS agrees on the common subset; RE2's leading `(?i)`
 * and `(?P<name>` are translated, and a pattern the Unicode mode rejects is retried without it.
 */
function compile(pattern: string): RegExp | Error {
  let re = patterns.get(pattern);
  if (re) return re;
  const insensitive = pattern.startsWith("(?i)");
  const body = (insensitive ? pattern.slice(4) : pattern).replace(/\(\?P</g, "(?<");
  const flags = insensitive ? "i" : "";
  try {
    re = new RegExp(body, `${flags}u`);
  } catch {
    try {
      re = new RegExp(body, flags);
    } catch (e) {
      re = e as Error;
    }
  }
  patterns.set(pattern, re);
  return re;
}

function checkString(ctx: Ctx, s: Schema, name: string, v: string, errs: FieldError[]): void {
  const length = [...v].length;
  if (s.maxLength !== undefined && length > s.maxLength) {
    errs.push({ type: "FieldValueTooLong", field: fieldOf(ctx, name), detail: `may not be more than ${s.maxLength} bytes` });
  } else if (s.minLength !== undefined && length < s.minLength) {
    errs.push(invalid(ctx, name, v, `${name} in body should be at least ${s.minLength} chars long`));
  } else if (s.pattern !== undefined) {
    const re = compile(s.pattern);
    if (re instanceof Error) errs.push(invalid(ctx, name, v, `${name} in body should match '${s.pattern}, but pattern is invalid: ${re.message}'`));
    else if (!re.test(v)) errs.push(invalid(ctx, name, v, `${name} in body should match '${s.pattern}'`));
  }
  const check = formatChecker(s.format);
  if (check && !check(v)) errs.push(invalid(ctx, name, v, `${name} in body must be of type ${s.format}: ${goQuote(v)}`, "FieldValueTypeInvalid"));
}

/** Integral data is compared and printed as Go's int64 (bounds truncated), the rest as float64. */
function checkNumber(ctx: Ctx, s: Schema, name: string, v: number, errs: FieldError[]): void {
  const int = Number.isInteger(v);
  const bound = (b: number) => (int ? Math.trunc(b) : b);
  if (s.multipleOf !== undefined) {
    const f = bound(s.multipleOf);
    if (f <= 0) errs.push(invalid(ctx, name, f, `factor MultipleOf declared for ${name} must be positive: ${goNumber(f)}`));
    else {
      const q = f < 1 ? v * (1 / f) : v / f;
      if (Math.abs(q - Math.round(q)) > 1e-9 * Math.max(1, Math.abs(q))) errs.push(invalid(ctx, name, v, `${name} in body should be a multiple of ${goNumber(f)}`));
    }
  }
  if (s.minimum !== undefined) {
    const m = bound(s.minimum);
    if (s.exclusiveMinimum ? v <= m : v < m) {
      errs.push(invalid(ctx, name, v, `${name} in body should be greater than ${s.exclusiveMinimum ? "" : "or equal to "}${goNumber(m)}`));
    }
  }
  if (s.maximum !== undefined) {
    const m = bound(s.maximum);
    if (s.exclusiveMaximum ? v >= m : v > m) {
      errs.push(invalid(ctx, name, v, `${name} in body should be less than ${s.exclusiveMaximum ? "" : "or equal to "}${goNumber(m)}`));
    }
  }
}

function checkArray(ctx: Ctx, s: Schema, name: string, v: unknown[], old: Old, errs: FieldError[]): void {
  const items = s.items;
  if (items) v.forEach((item, i) => errs.push(...node(ctx, items, `${name}[${i}]`, item, correlate(s, v, i, old?.value))));
  if (s.minItems !== undefined && v.length < s.minItems) errs.push(invalid(ctx, name, v.length, `${name} in body should have at least ${s.minItems} items`));
  if (s.maxItems !== undefined && v.length > s.maxItems) {
    errs.push({ type: "FieldValueTooMany", field: fieldOf(ctx, name), value: v.length, detail: `must have at most ${s.maxItems} items` });
  }
  if (s.uniqueItems && v.some((x, i) => v.slice(0, i).some((y) => deepEqual(x, y)))) {
    errs.push(invalid(ctx, name, undefined, `${name} in body shouldn't contain duplicates`));
  }
}

function checkEnum(ctx: Ctx, s: Schema, name: string, v: unknown, errs: FieldError[]): void {
  if (!s.enum?.length || (v !== null && s.enum.some((e) => deepEqual(e, v)))) return;
  const values = s.enum.map((e) => (typeof e === "string" ? e : JSON.stringify(e)));
  errs.push({ type: "FieldValueNotSupported", field: fieldOf(ctx, name), value: v, detail: `supported values: ${values.map(goQuote).join(", ")}` });
}

function checkObject(ctx: Ctx, s: Schema, name: string, v: Record<string, unknown>, old: Old, errs: FieldError[]): void {
  const count = Object.keys(v).length;
  const oldMap = old && old.value && typeof old.value === "object" && !Array.isArray(old.value) ? (old.value as Record<string, unknown>) : undefined;
  // The root's apiVersion and kind are never correlated: a changed kind must not ratchet.
  const oldOf = (key: string): Old => (oldMap && Object.hasOwn(oldMap, key) && !(name === "" && (key === "apiVersion" || key === "kind")) ? { value: oldMap[key] } : undefined);
  if (s.minProperties !== undefined && count < s.minProperties) errs.push(invalid(ctx, name, count, `${name} in body should have at least ${s.minProperties} properties`));
  if (s.maxProperties !== undefined && count > s.maxProperties) {
    errs.push({ type: "FieldValueTooMany", field: fieldOf(ctx, name), value: count, detail: `must have at most ${s.maxProperties} items` });
  }
  const props = s.properties ?? {};
  for (const key of Object.keys(v)) {
    if (Object.hasOwn(props, key)) continue;
    if (s.additionalProperties === false) errs.push(invalid(ctx, name, key, `${childName(name, key)} in body is a forbidden property`));
    else if (typeof s.additionalProperties === "object") errs.push(...node(ctx, s.additionalProperties, childName(name, key), v[key], oldOf(key)));
  }
  for (const [key, prop] of Object.entries(props)) {
    if (Object.hasOwn(v, key)) errs.push(...node(ctx, prop, propName(name, key), v[key], oldOf(key)));
  }
  for (const key of s.required ?? []) {
    if (!Object.hasOwn(v, key)) errs.push({ type: "FieldValueRequired", field: fieldOf(ctx, childName(name, key)) });
  }
}

function node(ctx: Ctx, schema: Schema, name: string, v: unknown, old: Old): FieldError[] {
  const s = resolve(schema, ctx.source);
  if (!s) return [];
  const errs: FieldError[] = [];
  checkType(ctx, s, name, v, errs);
  if (typeof v === "string") checkString(ctx, s, name, v, errs);
  if (typeof v === "number") checkNumber(ctx, s, name, v, errs);
  if (Array.isArray(v)) checkArray(ctx, s, name, v, old, errs);
  checkEnum(ctx, s, name, v, errs);
  if (v && typeof v === "object" && !Array.isArray(v)) checkObject(ctx, s, name, v as Record<string, unknown>, old, errs);
  // Ratcheting: an unchanged, correlated part may keep the errors it already had.
  return errs.length && old && deepEqual(v, old.value) ? [] : errs;
}

/** kube-openapi's schema validation alone (what ValidateCustomResource reports). */
export function validateSchema(obj: unknown, schema: Schema, source: SchemaSource, rootPath = "", old?: Old): FieldError[] {
  return node({ source, prefix: rootPath }, schema, "", obj, old);
}

/** Everything a CR's schema checks on create: values, embedded resources, list-type uniqueness. */
export function validateValue(obj: unknown, schema: Schema, source: SchemaSource, rootPath = ""): FieldError[] {
  return [...validateSchema(obj, schema, source, rootPath), ...validateEmbeddedResources(obj, schema, source, rootPath), ...validateListTypes(obj, schema, source, rootPath)];
}

/** On update: values ratchet against `old`; list-type uniqueness is only enforced if old was unique. */
export function validateValueUpdate(obj: unknown, old: unknown, schema: Schema, source: SchemaSource, rootPath = ""): FieldError[] {
  const lists = validateListTypes(old, schema, source, rootPath).length ? [] : validateListTypes(obj, schema, source, rootPath);
  return [...validateSchema(obj, schema, source, rootPath, { value: old }), ...validateEmbeddedResources(obj, schema, source, rootPath), ...lists];
}
