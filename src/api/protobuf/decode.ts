// Schema-driven decoding of one message into Kubernetes' JSON shape: Go json names, omitempty for
// non-pointer zero values, pointer fields kept even when zero, maps as objects, bytes as base64.

import { bytesToBase64 } from "../base64";
import { FINISHERS } from "./builtins";
import { ProtobufError, UnknownFieldError } from "./errors";
import { message, type FieldSpec, type Message, type Scalar } from "./schema";
import { Reader, WIRE_BYTES, wireTypeOf } from "./wire";

type Obj = Record<string, unknown>;

// Real objects nest about 15 deep. No schema here is recursive yet; this guards a future recursive one
// (CRD's JSONSchemaProps) against hostile nesting.
const MAX_DEPTH = 64;

/** Decodes `bytes` as the message registered under `key` ("apps.Deployment"). */
export function decodeMessage(bytes: Uint8Array, key: string): Obj {
  const out: Obj = {};
  decodeInto(out, bytes, message(key), "", 0);
  return out;
}

// Where a value is being read: for error messages and the depth bound.
interface Site {
  readonly msg: Message;
  readonly field: FieldSpec;
  readonly path: string;
  readonly depth: number;
}

function decodeInto(target: Obj, bytes: Uint8Array, msg: Message, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new ProtobufError(`nesting deeper than ${MAX_DEPTH} levels at ${path}`);
  const r = new Reader(bytes);
  while (!r.done) {
    const { field: number, wire } = r.tag();
    const field = msg.fields.get(number);
    if (!field) throw new UnknownFieldError(msg.name, number, path);
    if (field.json === null && field.value.kind === "message") {
      // Inlined struct: its fields land in this object, as Go's `json:",inline"` does.
      expectWire(wire, WIRE_BYTES, msg, field);
      decodeInto(target, r.bytes(), message(field.value.key), path, depth + 1);
      continue;
    }
    const json = field.json ?? "";
    const site: Site = { msg, field, path: path ? `${path}.${json}` : json, depth };
    if (field.map) readMapEntry(target, json, site, r, wire);
    else if (field.repeated) readRepeated(target, json, site, r, wire);
    else readSingle(target, json, site, r, wire);
  }
}

function readSingle(target: Obj, json: string, site: Site, r: Reader, wire: number): void {
  const { field } = site;
  if (field.value.kind === "message" && !FINISHERS.has(field.value.key)) {
    // A repeated occurrence of a singular message merges into the earlier one (protobuf semantics).
    expectWire(wire, WIRE_BYTES, site.msg, field);
    const prev = target[json];
    const obj = isObj(prev) ? prev : {};
    decodeInto(obj, r.bytes(), message(field.value.key), site.path, site.depth + 1);
    if (field.pointer || Object.keys(obj).length > 0) target[json] = obj;
    else delete target[json];
    return;
  }
  const value = readValue(site, r, wire, field.pointer, site.path);
  if (value === undefined || (!field.pointer && isZeroScalar(value))) delete target[json];
  else target[json] = value;
}

function readRepeated(target: Obj, json: string, site: Site, r: Reader, wire: number): void {
  const list = (Array.isArray(target[json]) ? target[json] : (target[json] = [])) as unknown[];
  const v = site.field.value;
  if (v.kind === "scalar" && wire === WIRE_BYTES && wireTypeOf(v.scalar) !== WIRE_BYTES) {
    // Packed numbers: Go writes them unpacked, but both forms are valid protobuf.
    const packed = new Reader(r.bytes());
    while (!packed.done) list.push(readScalar(v.scalar, packed));
    return;
  }
  list.push(readValue(site, r, wire, true, `${site.path}[${list.length}]`));
}

function readMapEntry(target: Obj, json: string, site: Site, r: Reader, wire: number): void {
  expectWire(wire, WIRE_BYTES, site.msg, site.field);
  const entry = new Reader(r.bytes());
  let key = "";
  let value: unknown;
  while (!entry.done) {
    const t = entry.tag();
    if (t.field === 1) {
      expectWire(t.wire, WIRE_BYTES, site.msg, site.field);
      key = entry.string();
    } else if (t.field === 2) value = readValue(site, entry, t.wire, true, `${site.path}[${key}]`);
    else throw new UnknownFieldError(`${site.msg.name}.${json} map entry`, t.field, site.path);
  }
  // A missing value is the type's zero value, as in Go.
  if (value === undefined) value = zeroValue(site);
  const map = (isObj(target[json]) ? target[json] : (target[json] = {})) as Obj;
  // defineProperty: a "__proto__" key from the wire must become data, not a prototype.
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One value of the field's type; `keep` asks finishers to keep zero values (pointers, elements). */
function readValue(site: Site, r: Reader, wire: number, keep: boolean, path: string): unknown {
  const v = site.field.value;
  if (v.kind === "scalar") {
    expectWire(wire, wireTypeOf(v.scalar), site.msg, site.field);
    return readScalar(v.scalar, r);
  }
  expectWire(wire, WIRE_BYTES, site.msg, site.field);
  const obj: Obj = {};
  decodeInto(obj, r.bytes(), message(v.key), path, site.depth + 1);
  const finish = FINISHERS.get(v.key);
  return finish ? finish(obj, keep) : obj;
}

function readScalar(scalar: Scalar, r: Reader): unknown {
  switch (scalar) {
    case "string":
      return r.string();
    case "bytes":
      return bytesToBase64(r.bytes());
    case "int32":
      return r.int32();
    case "int64":
      return r.int64();
    case "bool":
      return r.bool();
    case "double":
      return r.double();
  }
}

function zeroValue({ field, path, depth }: Site): unknown {
  const v = field.value;
  if (v.kind === "scalar") {
    if (v.scalar === "bool") return false;
    return v.scalar === "string" || v.scalar === "bytes" ? "" : 0;
  }
  const obj: Obj = {};
  decodeInto(obj, new Uint8Array(0), message(v.key), path, depth + 1);
  const finish = FINISHERS.get(v.key);
  return finish ? finish(obj, true) : obj;
}

function expectWire(wire: number, want: number, msg: Message, f: FieldSpec): void {
  if (wire !== want) {
    throw new ProtobufError(`field ${f.number} of ${msg.name} has wire type ${wire}, expected ${want}`);
  }
}

function isZeroScalar(v: unknown): boolean {
  return v === "" || v === 0 || v === false;
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
