// The strategy every custom resource gets from its CRD version, after apiextensions'
// customResourceStrategy and customResourceValidator: type meta must name this kind, ObjectMeta
// is validated with DNS-subdomain names, the schema checks values (ratcheting on update), then
// the scale subresource's replica fields, embedded resources and list-type uniqueness. Defaulting
// prunes unknown fields first, so stored objects never carry them.
import type { FieldError } from "../errors";
import type { KubeObject } from "../object";
import type { Strategy } from "../registry/types";
import { applyDefaults, pruneNulls } from "../schema/defaults";
import { validateEmbeddedResources } from "../schema/embedded";
import { validateListTypes } from "../schema/listtype";
import type { Schema, SchemaSource } from "../schema/types";
import { validateSchema } from "../schema/validate";
import { prune } from "../schema/walk-unknown";
import { errInvalid } from "../validation/field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../validation/meta";
import { nameIsDNSSubdomain } from "../validation/names";

type Obj = Record<string, any>;

export interface CRDVersionContext {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
  schema: Schema;
  source: SchemaSource;
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
}

const MAX_INT32 = 2147483647;

function validateTypeMeta(obj: KubeObject, c: CRDVersionContext): FieldError[] {
  const errs: FieldError[] = [];
  const apiVersion = `${c.group}/${c.version}`;
  if (obj.kind !== c.kind) errs.push(errInvalid("kind", obj.kind ?? "", `must be ${c.kind}`));
  if (obj.apiVersion !== apiVersion) errs.push(errInvalid("apiVersion", obj.apiVersion ?? "", `must be ${apiVersion}`));
  return errs;
}

/** Go's %T of a decoded JSON value. */
function goType(v: unknown): string {
  if (v === null) return "<nil>";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  return Array.isArray(v) ? "[]interface {}" : "map[string]interface {}";
}

/** unstructured.NestedInt64/NestedString at a `.a.b` path: the value, or the accessor error. */
function nested(obj: Obj, path: string, want: "int64" | "string"): { value: unknown; error?: string } {
  const fields = path.replace(/^\./, "").split(".");
  let cur: unknown = obj;
  for (const f of fields) {
    if (!cur || typeof cur !== "object" || Array.isArray(cur) || !Object.hasOwn(cur, f)) return { value: want === "int64" ? 0 : "" };
    cur = (cur as Obj)[f];
  }
  const ok = want === "int64" ? typeof cur === "number" && Number.isInteger(cur) : typeof cur === "string";
  if (ok) return { value: cur };
  const shown = cur === null ? "<nil>" : typeof cur === "object" ? JSON.stringify(cur) : String(cur);
  return { value: want === "int64" ? 0 : "", error: `.${fields.join(".")} accessor error: ${shown} is of the type ${goType(cur)}, expected ${want}` };
}

function validateReplicas(obj: KubeObject, path: string): FieldError[] {
  const { value, error } = nested(obj, path, "int64");
  const n = value as number;
  if (error) return [errInvalid(path, n, error)];
  if (n < 0) return [errInvalid(path, n, "should be a non-negative integer")];
  if (n > MAX_INT32) return [errInvalid(path, n, `should be less than or equal to ${MAX_INT32}`)];
  return [];
}

function validateScale(obj: KubeObject, c: CRDVersionContext): FieldError[] {
  if (!c.scale) return [];
  const errs = [...validateReplicas(obj, c.scale.specReplicasPath), ...validateReplicas(obj, c.scale.statusReplicasPath)];
  if (c.scale.labelSelectorPath) {
    const { value, error } = nested(obj, c.scale.labelSelectorPath, "string");
    if (error) errs.push(errInvalid(c.scale.labelSelectorPath, value, error));
  }
  return errs;
}

export function crdStrategy(c: CRDVersionContext): Strategy {
  return {
    defaults(obj) {
      prune(obj, c.schema, c.source, { sorted: true });
      pruneNulls(obj, c.schema, c.source);
      applyDefaults(obj, c.schema, c.source);
    },
    validate(obj) {
      const typeErrs = validateTypeMeta(obj, c);
      if (typeErrs.length) return typeErrs;
      return [
        ...validateObjectMeta(obj.metadata, { namespaced: c.namespaced, nameValidator: nameIsDNSSubdomain, kubeFinalizers: false }),
        ...validateSchema(obj, c.schema, c.source),
        ...validateScale(obj, c),
        ...validateEmbeddedResources(obj, c.schema, c.source),
        ...validateListTypes(obj, c.schema, c.source),
      ];
    },
    validateUpdate(obj, old) {
      const typeErrs = validateTypeMeta(obj, c);
      if (typeErrs.length) return typeErrs;
      const oldListsValid = validateListTypes(old, c.schema, c.source).length === 0;
      return [
        ...validateObjectMetaUpdate(obj.metadata, old.metadata, "metadata", false),
        ...validateSchema(obj, c.schema, c.source, "", { value: old }),
        ...validateScale(obj, c),
        ...validateEmbeddedResources(obj, c.schema, c.source),
        ...(oldListsValid ? validateListTypes(obj, c.schema, c.source) : []),
      ];
    },
  };
}
