// Message schemas as compact data. Each message maps a field number to one string:
//
//   "<json>[]*:<type>"   json   the Go json tag name, or "..." for an inlined (`json:",inline"`) struct
//                        []     repeated (a Go slice)
//                        *      Go pointer field: presence is meaningful, explicit zero values are kept
//                        type   string (default when ":type" is absent) | int32 | int64 | bool | bytes |
//                               double | a message ("PodSpec" in the same package, "meta.ObjectMeta"
//                               elsewhere) | "{T}" for map<string, T>
//
// Numbers and types are upstream's generated.proto facts (k8s.io/api and apimachinery v0.33);
// json names and pointer-ness come from the Go struct tags behind them.

import { PACKAGES } from "./schemas";

export type MessageSchema = Readonly<Record<number, string>>;

export interface SchemaPackage {
  /** The proto package, used to name messages in errors. */
  readonly proto: string;
  readonly messages: Readonly<Record<string, MessageSchema>>;
}

export type Scalar = "string" | "int32" | "int64" | "bool" | "bytes" | "double";

export type ValueType = { kind: "scalar"; scalar: Scalar } | { kind: "message"; key: string };

export interface FieldSpec {
  readonly number: number;
  /** null: the message is inlined into its parent's JSON object. */
  readonly json: string | null;
  readonly repeated: boolean;
  readonly pointer: boolean;
  readonly map: boolean;
  readonly value: ValueType;
}

export interface Message {
  /** "pkg.Name", the registry key. */
  readonly key: string;
  /** Upstream's full proto name, for error messages. */
  readonly name: string;
  readonly fields: ReadonlyMap<number, FieldSpec>;
}

const SCALARS: ReadonlySet<string> = new Set<Scalar>(["string", "int32", "int64", "bool", "bytes", "double"]);
const FIELD = /^(\.\.\.|[A-Za-z][A-Za-z0-9]*)(\[\])?(\*)?(?::(?:\{([A-Za-z0-9.]+)\}|([A-Za-z0-9.]+)))?$/;

const cache = new Map<string, Message>();

/** The parsed schema for "pkg.Name"; parsed on first use, then cached. Throws on unknown keys. */
export function message(key: string): Message {
  const hit = cache.get(key);
  if (hit) return hit;
  const [pkgName, name] = splitKey(key);
  const pkg = lookup(PACKAGES, pkgName);
  const schema = pkg && lookup(pkg.messages, name);
  if (!pkg || !schema) throw new Error(`protobuf schema: no message ${key}`);
  const fields = new Map<number, FieldSpec>();
  for (const [num, spec] of Object.entries(schema)) {
    fields.set(Number(num), parseField(pkgName, Number(num), spec, key));
  }
  const parsed: Message = { key, name: `${pkg.proto}.${name}`, fields };
  cache.set(key, parsed);
  return parsed;
}

export function parseField(pkg: string, number: number, spec: string, where = pkg): FieldSpec {
  const m = FIELD.exec(spec);
  if (!m || !Number.isInteger(number) || number < 1) {
    throw new Error(`protobuf schema: bad field ${where} ${number}: "${spec}"`);
  }
  const [, json, repeated, pointer, mapType, plainType] = m;
  const type = mapType ?? plainType ?? "string";
  const value: ValueType = SCALARS.has(type)
    ? { kind: "scalar", scalar: type as Scalar }
    : { kind: "message", key: type.includes(".") ? type : `${pkg}.${type}` };
  const inline = json === "...";
  if (inline && (value.kind !== "message" || repeated || pointer || mapType)) {
    throw new Error(`protobuf schema: inline field ${where} ${number} must be a plain message`);
  }
  return {
    number,
    json: inline ? null : json,
    repeated: repeated !== undefined,
    pointer: pointer !== undefined,
    map: mapType !== undefined,
    value,
  };
}

/** Every registered message key, for schema self-checks. */
export function allMessageKeys(): string[] {
  return Object.entries(PACKAGES).flatMap(([pkg, p]) => Object.keys(p.messages).map((name) => `${pkg}.${name}`));
}

function splitKey(key: string): [string, string] {
  const dot = key.indexOf(".");
  return dot < 0 ? ["", key] : [key.slice(0, dot), key.slice(dot + 1)];
}

// Own properties only: message names come from schema data, never from the wire, but "constructor"
// must still not resolve to Object's.
function lookup<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
