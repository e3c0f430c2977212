// Objects marked x-kubernetes-embedded-resource must look like resources: apiVersion and kind
// present and well formed, metadata valid ObjectMeta (names as path segments). After
// apiextensions' objectmeta.Validate, which skips the root (the handler checks that one).
import type { FieldError } from "../errors";
import type { ObjectMeta } from "../object";
import { errInvalid, errRequired } from "../validation/field";
import { validateObjectMeta } from "../validation/meta";
import { isDNS1035Label, nameIsPathSegment } from "../validation/names";
import { resolve, type Schema, type SchemaSource } from "./types";

type Map = Record<string, unknown>;

function isMap(v: unknown): v is Map {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const child = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** schema.ParseGroupVersion's complaint, if any. */
function groupVersionError(gv: string): string | undefined {
  return gv.split("/").length > 2 ? `unexpected GroupVersion string: ${gv}` : undefined;
}

function validateTypeMeta(path: string, x: Map): FieldError[] {
  const errs: FieldError[] = [];
  if (!Object.hasOwn(x, "apiVersion")) errs.push(errRequired(child(path, "apiVersion"), "must not be empty"));
  if (!Object.hasOwn(x, "kind")) errs.push(errRequired(child(path, "kind"), "must not be empty"));
  for (const [k, v] of Object.entries(x)) {
    const field = child(path, k);
    if (k === "apiVersion") {
      if (typeof v !== "string") errs.push(errInvalid(field, v, "must be a string"));
      else if (!v) errs.push(errInvalid(field, v, "must not be empty"));
      else if (groupVersionError(v)) errs.push(errInvalid(field, v, groupVersionError(v)!));
    } else if (k === "kind") {
      const bad = typeof v === "string" ? isDNS1035Label(v.toLowerCase()) : [];
      if (typeof v !== "string") errs.push(errInvalid(field, v, "must be a string"));
      else if (!v) errs.push(errInvalid(field, v, "must not be empty"));
      else if (bad.length) errs.push(errInvalid(field, v, `may have mixed case, but should otherwise match: ${bad.join(",")}`));
    } else if (k === "metadata" && isMap(v)) {
      // Upstream fills in a name so that a nameless embedded object is not an error by itself.
      const meta = { ...v, name: typeof v.name === "string" && v.name ? v.name : "fakename" } as ObjectMeta;
      const namespaced = typeof meta.namespace === "string" && meta.namespace !== "";
      errs.push(...validateObjectMeta(meta, { namespaced, nameValidator: nameIsPathSegment, kubeFinalizers: false }, field));
    }
  }
  return errs;
}

function walk(path: string, raw: Schema | undefined, x: unknown, source: SchemaSource): FieldError[] {
  const s = raw ? resolve(raw, source) : undefined;
  if (!s) return [];
  const errs: FieldError[] = [];
  if (Array.isArray(x)) x.forEach((item, i) => errs.push(...walk(`${path}[${i}]`, s.items, item, source)));
  else if (isMap(x)) {
    if (s["x-kubernetes-embedded-resource"]) errs.push(...validateTypeMeta(path, x));
    for (const [k, v] of Object.entries(x)) {
      if (s.properties && Object.hasOwn(s.properties, k)) errs.push(...walk(child(path, k), s.properties[k], v, source));
      else if (typeof s.additionalProperties === "object") errs.push(...walk(`${path}[${k}]`, s.additionalProperties, v, source));
    }
  }
  return errs;
}

/** Errors of every embedded resource below the root of `obj`. */
export function validateEmbeddedResources(obj: unknown, schema: Schema, source: SchemaSource, rootPath = ""): FieldError[] {
  const root = resolve(schema, source);
  if (!root || !isMap(obj)) return [];
  // The root itself is the handler's business even when marked, as upstream's isResourceRoot=false.
  return walk(rootPath, { ...root, "x-kubernetes-embedded-resource": false }, obj, source);
}
