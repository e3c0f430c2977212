// Message schemas as compact data: the one type model behind protobuf decoding and the built-in
// OpenAPI schemas (src/api/schema/builtin). Each message maps a field number to one string:
//
//   "<json>[]*!:<type> <annotation>…"
//     json   the Go json tag name ("$ref", "x-kubernetes-list-type" allowed), or "..." for an inlined
//            (`json:",inline"`) struct
//     []     repeated (a Go slice)
//     *      Go pointer field: presence is meaningful, explicit zero values are kept
//     !      required in upstream's OpenAPI (json tag without omitempty and no +optional marker)
//     type   string (default when ":type" is absent) | int32 | int64 | bool | bytes | double | a message
//            ("PodSpec" in the same package, "meta.ObjectMeta" elsewhere) | "{T}" for map<string, T>
//   annotations, space-separated, after the type:
//     ~strategy(key)       patchStrategy / patchMergeKey struct tags: "~merge(name)",
//                          "~merge,retainKeys(name)", "~merge" for sets of scalars, "~retainKeys"
//     =atomic|set|map(k,…) on a list (a Go []byte counts): +listType (and +listMapKey for map)
//     =atomic|granular     on a map or struct field: +mapType / +structType
//     @1.33                added after the API level we serve: decoded (kubectl 1.33 sends it) but left out
//                          of the served schemas
//   Field number 0 holds annotations of the message itself ("=atomic": +structType=atomic).
//
// Numbers and types are upstream's generated.proto facts (k8s.io/api and apimachinery 1.32, plus the
// fields 1.33 added); json names and pointer-ness come from the Go struct tags, `!` and the annotations
// from upstream 1.32's published OpenAPI.

import { PACKAGES } from "./schemas";

export type MessageSchema = Readonly<Record<number, string>>;

export interface SchemaPackage {
  /** The proto package, used to name messages in errors (and, reversed, OpenAPI definitions). */
  readonly proto: string;
  readonly messages: Readonly<Record<string, MessageSchema>>;
}

export type Scalar = "string" | "int32" | "int64" | "bool" | "bytes" | "double";

export type ValueType = { kind: "scalar"; scalar: Scalar } | { kind: "message"; key: string };

export type ListType = "atomic" | "set" | "map";
export type MapType = "atomic" | "granular";

export interface FieldSpec {
  readonly number: number;
  /** null: the message is inlined into its parent's JSON object. */
  readonly json: string | null;
  readonly repeated: boolean;
  readonly pointer: boolean;
  readonly map: boolean;
  readonly value: ValueType;
  readonly required: boolean;
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: ListType;
  readonly listMapKeys?: readonly string[];
  readonly mapType?: MapType;
  /** The release that added the field, when newer than the API level served. */
  readonly since?: string;
}

export interface Message {
  /** "pkg.Name", the registry key. */
  readonly key: string;
  /** Upstream's full proto name, for error messages. */
  readonly name: string;
  readonly fields: ReadonlyMap<number, FieldSpec>;
  /** +structType / +mapType of the message itself. */
  readonly mapType?: MapType;
}

const SCALARS: ReadonlySet<string> = new Set<Scalar>(["string", "int32", "int64", "bool", "bytes", "double"]);
const HEAD = /^(\.\.\.|\$?[A-Za-z][A-Za-z0-9-]*)(\[\])?(\*)?(!)?(?::(?:\{([A-Za-z0-9.]+)\}|([A-Za-z0-9.]+)))?$/;
const PATCH = /^~([A-Za-z,]+)(?:\(([A-Za-z0-9]+)\))?$/;
const SHAPE = /^=(atomic|set|granular|map\(([A-Za-z0-9,]+)\))$/;
const SINCE = /^@(\d+\.\d+)$/;

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
  let mapType: MapType | undefined;
  for (const [num, spec] of Object.entries(schema)) {
    if (num === "0") mapType = parseMessageAnnotation(spec, key);
    else fields.set(Number(num), parseField(pkgName, Number(num), spec, key));
  }
  const parsed: Message = { key, name: `${pkg.proto}.${name}`, fields, ...(mapType && { mapType }) };
  cache.set(key, parsed);
  return parsed;
}

/** Whether "pkg.Name" is a registered message (no throw). */
export function hasMessage(key: string): boolean {
  const [pkgName, name] = splitKey(key);
  const pkg = lookup(PACKAGES, pkgName);
  return pkg !== undefined && lookup(pkg.messages, name) !== undefined;
}

export function parseField(pkg: string, number: number, spec: string, where = pkg): FieldSpec {
  const bad = () => new Error(`protobuf schema: bad field ${where} ${number}: "${spec}"`);
  const [head = "", ...annotations] = spec.split(" ");
  const m = HEAD.exec(head);
  if (!m || !Number.isInteger(number) || number < 1) throw bad();
  const [, json, repeated, pointer, required, mapType, plainType] = m;
  const type = mapType ?? plainType ?? "string";
  const value: ValueType = SCALARS.has(type)
    ? { kind: "scalar", scalar: type as Scalar }
    : { kind: "message", key: type.includes(".") ? type : `${pkg}.${type}` };
  const inline = json === "...";
  if (inline && (value.kind !== "message" || repeated || pointer || mapType || required || annotations.length)) {
    throw new Error(`protobuf schema: inline field ${where} ${number} must be a plain message`);
  }
  const field: Mutable<FieldSpec> = {
    number,
    json: inline ? null : json,
    repeated: repeated !== undefined,
    pointer: pointer !== undefined,
    map: mapType !== undefined,
    value,
    required: required !== undefined,
  };
  for (const a of annotations) {
    if (!applyAnnotation(field, a)) throw bad();
  }
  return field;
}

// One annotation onto a field; false when it does not parse or does not fit the field's shape.
function applyAnnotation(field: Mutable<FieldSpec>, a: string): boolean {
  const patch = PATCH.exec(a);
  if (patch) {
    field.patchStrategy = patch[1];
    if (patch[2]) field.patchMergeKey = patch[2];
    return true;
  }
  const since = SINCE.exec(a);
  if (since) {
    field.since = since[1];
    return true;
  }
  const shape = SHAPE.exec(a);
  if (!shape) return false;
  // A Go []byte is a slice too: its +listType lands on the bytes field.
  const bytes = field.value.kind === "scalar" && field.value.scalar === "bytes" && !field.map;
  const list = (field.repeated && !field.map) || bytes;
  if (shape[2] !== undefined) {
    if (!list) return false;
    field.listType = "map";
    field.listMapKeys = shape[2].split(",");
  } else if (shape[1] === "set") {
    if (!list) return false;
    field.listType = "set";
  } else if (shape[1] === "granular") {
    if (list) return false;
    field.mapType = "granular";
  } else if (list) field.listType = "atomic";
  else field.mapType = "atomic";
  return true;
}

function parseMessageAnnotation(spec: string, where: string): MapType {
  const shape = SHAPE.exec(spec);
  if (shape?.[1] === "atomic" || shape?.[1] === "granular") return shape[1];
  throw new Error(`protobuf schema: bad message annotation ${where}: "${spec}"`);
}

/** Every registered message key, for schema self-checks. */
export function allMessageKeys(): string[] {
  return Object.entries(PACKAGES).flatMap(([pkg, p]) => Object.keys(p.messages).map((name) => `${pkg}.${name}`));
}

/** The proto package of a registered package short name ("apps" → "k8s.io.api.apps.v1"). */
export function protoPackage(pkg: string): string | undefined {
  return lookup(PACKAGES, pkg)?.proto;
}

/** Every package short name, for building name indexes. */
export function packageNames(): string[] {
  return Object.keys(PACKAGES);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function splitKey(key: string): [string, string] {
  const dot = key.indexOf(".");
  return dot < 0 ? ["", key] : [key.slice(0, dot), key.slice(dot + 1)];
}

// Own properties only: message names come from schema data, never from the wire, but "constructor"
// must still not resolve to Object's.
function lookup<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
