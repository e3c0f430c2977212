// Structural defaulting as apiextensions does it for custom resources: a property's default is set
// only where its parent object exists, and defaults are applied top-down, so a defaulted object
// then receives the defaults of its own properties. Runs after pruning, as upstream's decoder does.
import { resolve, type Schema, type SchemaSource } from "./types";

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function valueSchema(s: Schema | undefined, source: SchemaSource): Schema | undefined {
  return s ? resolve(s, source) : undefined;
}

function additional(s: Schema): Schema | undefined {
  return typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
}

/** A schema as used at one place: a default or nullable beside a $ref belongs to the use site. */
interface Use {
  schema: Schema | undefined;
  default: unknown;
  nullable: boolean;
}

function use(raw: Schema | undefined, source: SchemaSource): Use {
  const schema = valueSchema(raw, source);
  const def = raw?.default !== undefined ? raw.default : schema?.default;
  return { schema, default: def, nullable: Boolean(raw?.nullable || schema?.nullable) };
}

/** A null the schema does not allow (upstream's isNonNullableNull); a missing schema allows it. */
const disallowedNull = (v: unknown, u: Use) => v === null && u.schema !== undefined && !u.nullable;

const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** Fill in schema defaults in place (upstream's structuraldefaulting.Default). */
export function applyDefaults<T>(obj: T, schema: Schema | undefined, source: SchemaSource): T {
  defaultValue(obj, valueSchema(schema, source), source);
  return obj;
}

function defaultValue(x: unknown, s: Schema | undefined, source: SchemaSource): void {
  if (!s) return;
  if (Array.isArray(x)) {
    const items = use(s.items, source);
    x.forEach((item, i) => {
      if (disallowedNull(item, items) && items.default !== undefined) x[i] = copy(items.default);
      defaultValue(x[i], items.schema, source);
    });
    return;
  }
  if (!isMap(x)) return;
  for (const [key, raw] of Object.entries(s.properties ?? {})) {
    const prop = use(raw, source);
    if (prop.default === undefined) continue;
    if (!Object.hasOwn(x, key) || disallowedNull(x[key], prop)) x[key] = copy(prop.default);
  }
  for (const key of Object.keys(x)) {
    const raw = s.properties?.[key];
    if (raw) {
      defaultValue(x[key], valueSchema(raw, source), source);
      continue;
    }
    const extra = use(additional(s), source);
    if (!extra.schema) continue;
    if (disallowedNull(x[key], extra) && extra.default !== undefined) x[key] = copy(extra.default);
    defaultValue(x[key], extra.schema, source);
  }
}

/**
 * PruneNonNullableNullsWithoutDefaults: drop nulls the schema does not allow and cannot default.
 * Upstream runs it right after pruning; the nulls that do have defaults are then defaulted.
 */
export function pruneNulls<T>(obj: T, schema: Schema | undefined, source: SchemaSource): T {
  dropNulls(obj, valueSchema(schema, source), source);
  return obj;
}

function dropNulls(x: unknown, s: Schema | undefined, source: SchemaSource): void {
  if (Array.isArray(x)) {
    const items = s ? valueSchema(s.items, source) : undefined;
    for (const item of x) dropNulls(item, items, source);
    return;
  }
  if (!isMap(x)) return;
  for (const key of Object.keys(x)) {
    const child = use(s?.properties?.[key] ?? (s ? additional(s) : undefined), source);
    if (disallowedNull(x[key], child) && child.default === undefined) delete x[key];
    else dropNulls(x[key], child.schema, source);
  }
}
