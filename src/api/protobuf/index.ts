// Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`) into the JSON object model.
// Layout: the magic "k8s\0", then a runtime.Unknown envelope {1: typeMeta {1: apiVersion, 2: kind},
// 2: raw (the object's own message), 3: contentEncoding, 4: contentType}.

import { errors } from "../errors";
import type { KubeObject, ObjectMeta } from "../object";
import { decodeMessage } from "./decode";
import { ProtobufError, UnknownFieldError } from "./errors";
import { messageForKind } from "./kinds";
import { Reader, WIRE_BYTES } from "./wire";

export { ProtobufError, UnknownFieldError } from "./errors";

const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const ENVELOPE = "k8s.io.apimachinery.pkg.runtime.Unknown";
const TYPE_META = "k8s.io.apimachinery.pkg.runtime.TypeMeta";

interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

/**
 * Decodes one protobuf-encoded object. Throws StatusErrors: 400 for a missing magic, malformed bytes or
 * unknown fields; 415 for a kind (or an inner encoding) this decoder has no schema for.
 */
export function decodeProtobufObject(body: Uint8Array): KubeObject {
  if (body.length < MAGIC.length || MAGIC.some((b, i) => body[i] !== b)) {
    throw errors.badRequest("protobuf body does not start with the Kubernetes magic number k8s\\x00");
  }
  const env = readEnvelope(body.subarray(MAGIC.length));
  if (!env.kind) throw errors.badRequest("Object 'Kind' is missing in protobuf body");
  if (!env.apiVersion) throw errors.badRequest("Object 'apiVersion' is missing in protobuf body");
  // A compressed or differently typed payload is a format we do not read, not a broken one.
  if (env.contentEncoding !== "") throw errors.unsupportedMediaType();
  if (env.contentType !== "" && env.contentType !== "application/vnd.kubernetes.protobuf") {
    throw errors.unsupportedMediaType();
  }
  const key = messageForKind(env.apiVersion, env.kind);
  if (!key) throw errors.unsupportedMediaType();
  const { metadata, ...rest } = decodeMessage(env.raw, key);
  return { apiVersion: env.apiVersion, kind: env.kind, metadata: (metadata ?? {}) as ObjectMeta, ...rest };
}

function readEnvelope(bytes: Uint8Array): Envelope {
  const env: Envelope = { apiVersion: "", kind: "", raw: new Uint8Array(0), contentEncoding: "", contentType: "" };
  const r = new Reader(bytes);
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field > 4) throw new UnknownFieldError(ENVELOPE, field, "");
    // All four fields are length-delimited.
    if (wire !== WIRE_BYTES) throw new ProtobufError(`field ${field} of ${ENVELOPE} has wire type ${wire}`);
    if (field === 1) readTypeMeta(r.bytes(), env);
    else if (field === 2) env.raw = r.bytes();
    else if (field === 3) env.contentEncoding = r.string();
    else env.contentType = r.string();
  }
  return env;
}

function readTypeMeta(bytes: Uint8Array, env: Envelope): void {
  const r = new Reader(bytes);
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field > 2) throw new UnknownFieldError(TYPE_META, field, "typeMeta");
    if (wire !== WIRE_BYTES) throw new ProtobufError(`field ${field} of ${TYPE_META} has wire type ${wire}`);
    if (field === 1) env.apiVersion = r.string();
    else env.kind = r.string();
  }
}
