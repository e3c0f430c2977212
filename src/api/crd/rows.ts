// A CustomResourceDefinition as registry rows: one ResourceDef per served version, all sharing the
// storage version's store. Kinds are configuration, so a CRD is just another way to write rows.
import type { KubeObject } from "../object";
import { qualifiedName } from "../registry/registry";
import type { ResourceDef, Verb } from "../registry/types";
import { applyDefaults } from "../schema/defaults";
import { refName, type Schema, type SchemaSource } from "../schema/types";
import { prune } from "../schema/walk-unknown";
import { crdColumns } from "./columns";
import { requestedNames } from "./status";
import { crdStrategy } from "./strategy";

type Obj = Record<string, any>;

const VERBS: Verb[] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** A version without a schema (not allowed in v1, but harmless to serve) keeps whatever it is sent. */
const ANYTHING: Schema = { type: "object", "x-kubernetes-preserve-unknown-fields": true };

function versionsOf(crd: KubeObject): Obj[] {
  return Array.isArray(crd.spec?.versions) ? crd.spec.versions : [];
}

function versionNamed(crd: KubeObject, version: string): Obj | undefined {
  return versionsOf(crd).find((v) => v?.name === version);
}

export function crdVersionSchema(crd: KubeObject, version: string): Schema {
  const schema = versionNamed(crd, version)?.schema?.openAPIV3Schema;
  return schema && typeof schema === "object" ? (schema as Schema) : ANYTHING;
}

/** The OpenAPI definition name upstream publishes for a CRD version: reversed group, version, kind. */
export function crdDefinitionName(crd: KubeObject, version: string): string {
  const group = String(crd.spec?.group ?? "").split(".").reverse().join(".");
  return `${group}.${version}.${requestedNames(crd).kind}`;
}

/**
 * A SchemaSource over one version's schema. CRD schemas carry no $refs of their own; the source
 * answers for the version's definition name so OpenAPI documents can refer to it.
 */
export function crdSchemaSource(crd: KubeObject, version: string): SchemaSource {
  const name = crdDefinitionName(crd, version);
  const schema = crdVersionSchema(crd, version);
  return { named: (ref) => (refName(ref) === name ? schema : undefined) };
}

function scaleOf(v: Obj): ResourceDef["scale"] {
  const scale = v.subresources?.scale;
  if (!scale || typeof scale !== "object") return undefined;
  const out: NonNullable<ResourceDef["scale"]> = { specReplicasPath: String(scale.specReplicasPath ?? ""), statusReplicasPath: String(scale.statusReplicasPath ?? "") };
  if (scale.labelSelectorPath) out.labelSelectorPath = String(scale.labelSelectorPath);
  return out;
}

/** Conversion strategy None: only apiVersion changes; each side keeps only what its schema knows. */
function noneConversion(crd: KubeObject, version: string, storage: string): ResourceDef["convert"] {
  const group = String(crd.spec?.group ?? "");
  const to = (obj: KubeObject, v: string, withDefaults: boolean) => {
    const out = structuredClone(obj);
    out.apiVersion = `${group}/${v}`;
    const schema = crdVersionSchema(crd, v);
    const source = crdSchemaSource(crd, v);
    prune(out, schema, source);
    if (withDefaults) applyDefaults(out, schema, source);
    return out;
  };
  return { toStorage: (obj) => to(obj, storage, false), fromStorage: (obj) => to(obj, version, true) };
}

/** One row per served version of `crd`. */
export function crdToResourceDefs(crd: KubeObject): ResourceDef[] {
  const names = requestedNames(crd);
  const group = String(crd.spec?.group ?? "");
  const plural = String(names.plural ?? "");
  const kind = String(names.kind ?? "");
  const namespaced = crd.spec?.scope === "Namespaced";
  const storage = versionsOf(crd).find((v) => v?.storage === true)?.name ?? "";
  const rows: ResourceDef[] = [];
  for (const v of versionsOf(crd)) {
    if (v?.served !== true) continue;
    const version = String(v.name);
    const scale = scaleOf(v);
    const def: ResourceDef = {
      group,
      version,
      kind,
      plural,
      singular: String(names.singular),
      namespaced,
      verbs: [...VERBS],
      generation: true,
      storageResource: qualifiedName({ group, plural }),
      columns: crdColumns(v),
      strategy: crdStrategy({ group, version, kind, namespaced, scale, schema: crdVersionSchema(crd, version), source: crdSchemaSource(crd, version) }),
    };
    if (Array.isArray(names.shortNames) && names.shortNames.length) def.shortNames = [...names.shortNames];
    if (Array.isArray(names.categories) && names.categories.length) def.categories = [...names.categories];
    if (v.subresources?.status && typeof v.subresources.status === "object") def.status = true;
    if (scale) def.scale = scale;
    if (version !== storage && storage) def.convert = noneConversion(crd, version, storage);
    rows.push(def);
  }
  return rows;
}
