// One message table → one structural schema. Nested messages become `$ref`s to their own definitions
// (plain $ref, with the use site's description beside it, as upstream's current v3 documents do and
// kubectl 1.32's explain reads); inlined Go structs contribute their fields to the parent.

import { message, type FieldSpec, type Message, type Scalar } from "../../protobuf/schema";
import type { Schema } from "../types";
import { describe } from "./describe";
import { definitionName, topLevelKinds } from "./names";
import { INLINE_SCHEMAS } from "./values";

const REF = "#/components/schemas/";

export const ref = (name: string): Schema => ({ $ref: REF + name });

const SCALARS: Readonly<Record<Scalar, Schema>> = {
  string: { type: "string" },
  int32: { type: "integer", format: "int32" },
  int64: { type: "integer", format: "int64" },
  bool: { type: "boolean" },
  bytes: { type: "string", format: "byte" },
  double: { type: "number", format: "double" },
};

/** Every object kind carries these from metav1.TypeMeta, which the proto tables leave out. */
export function typeMetaFields(name: string): Record<string, Schema> {
  return {
    apiVersion: withDescription({ type: "string" }, describe(name, "apiVersion")),
    kind: withDescription({ type: "string" }, describe(name, "kind")),
  };
}

/** The schema of the message `key`, published as definition `name`. */
export function messageSchema(key: string, name: string): Schema {
  const msg = message(key);
  const top = topLevelKinds().get(key);
  const properties: Record<string, Schema> = top ? typeMetaFields(name) : {};
  const required: string[] = [];
  addFields(msg, name, properties, required);
  return {
    type: "object",
    ...withDescription({}, describe(name, "")),
    properties,
    ...(required.length > 0 && { required }),
    ...(msg.mapType && { "x-kubernetes-map-type": msg.mapType }),
    ...(top && { "x-kubernetes-group-version-kind": [{ ...top.gvk }] }),
  };
}

// Fields in number order; an inlined struct's fields land here, described under the outer name first
// (that is where upstream documents them), then under the struct's own.
function addFields(msg: Message, name: string, properties: Record<string, Schema>, required: string[]): void {
  const fields = [...msg.fields.values()].sort((a, b) => a.number - b.number);
  for (const f of fields) {
    if (f.since) continue; // newer than the API level we serve
    if (f.json === null) {
      if (f.value.kind === "message") addInline(f.value.key, name, properties, required);
      continue;
    }
    properties[f.json] = fieldSchema(f, describe(name, f.json));
    if (f.required) required.push(f.json);
  }
}

function addInline(key: string, outer: string, properties: Record<string, Schema>, required: string[]): void {
  const inner: Record<string, Schema> = {};
  addFields(message(key), definitionName(key), inner, required);
  for (const [json, s] of Object.entries(inner)) {
    properties[json] = withDescription(s, describe(outer, json) ?? s.description);
  }
}

function fieldSchema(f: FieldSpec, description: string | undefined): Schema {
  const value = valueSchema(f);
  let s: Schema;
  if (f.map) s = { type: "object", additionalProperties: value };
  else if (f.repeated) s = { type: "array", items: value };
  else s = { ...value };
  if (f.patchStrategy) s["x-kubernetes-patch-strategy"] = f.patchStrategy;
  if (f.patchMergeKey) s["x-kubernetes-patch-merge-key"] = f.patchMergeKey;
  if (f.listType) s["x-kubernetes-list-type"] = f.listType;
  if (f.listMapKeys) s["x-kubernetes-list-map-keys"] = [...f.listMapKeys];
  if (f.mapType) s["x-kubernetes-map-type"] = f.mapType;
  return withDescription(s, description);
}

function valueSchema(f: FieldSpec): Schema {
  if (f.value.kind === "scalar") return { ...SCALARS[f.value.scalar] };
  const inline = INLINE_SCHEMAS[f.value.key];
  return inline ? structuredClone(inline) : ref(definitionName(f.value.key));
}

function withDescription(s: Schema, description: string | undefined): Schema {
  const { description: _, ...rest } = s;
  return description ? { ...rest, description } : rest;
}
