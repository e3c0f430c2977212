import { builtinResources } from "../api/registry/builtin";
import { Registry, qualifiedName } from "../api/registry/registry";
import type { ResourceDef } from "../api/registry/types";
import { kindFieldSelectors } from "../api/selectors/kinds";
import { strategies } from "../api/strategies";
import { printColumns } from "../api/tables";
import { conversions } from "../api/conversion";
import { crdSchemaSource, crdToResourceDefs, crdVersionSchema } from "../api/crd";
import { builtinSchemas, kindSchemaName } from "../api/schema/builtin";
import type { KubeObject } from "../api/object";
import type { Env } from "./env";
import { ResourceStorage, writeListeners } from "./storage";
import { crdStatus } from "../api/crd";
import type { Strategy } from "../api/registry/types";
import { CRD_CLEANUP_FINALIZER } from "../api/finalizers";

/** A row plus the behaviour registered for its qualified name: rows stay data. */
function withBehaviour(def: ResourceDef): ResourceDef {
  const name = qualifiedName(def);
  const out: ResourceDef = { ...def };
  const strategy = strategies[name];
  const columns = printColumns[name];
  const fields = kindFieldSelectors[name];
  const convert = conversions[`${def.group}/${def.version}/${def.plural}`];
  if (strategy) out.strategy = strategy;
  if (columns) out.columns = columns;
  if (fields) out.fieldSelectors = fields;
  if (convert) out.convert = convert;
  const schema = kindSchemaName(def.group, def.version, def.kind);
  if (schema) {
    out.schema = { root: { $ref: `#/components/schemas/${schema}` }, source: builtinSchemas };
    out.strategicMerge = true;
  }
  return out;
}

/**
 * CRDs are established as they are written (upstream's establishing controller runs at once here)
 * and carry the cleanup finalizer, so deleting one first removes its custom resources.
 */
function crdStrategy(base: Strategy): Strategy {
  return {
    ...base,
    prepareForCreate(crd) {
      base.prepareForCreate?.(crd);
      const finalizers = crd.metadata.finalizers ?? [];
      if (!finalizers.includes(CRD_CLEANUP_FINALIZER)) crd.metadata.finalizers = [...finalizers, CRD_CLEANUP_FINALIZER];
      crd.status = { ...crd.status, ...crdStatus(crd, new Date()) };
    },
    prepareForUpdate(crd, old) {
      base.prepareForUpdate?.(crd, old);
      crd.status = { ...crd.status, ...crdStatus(crd, new Date()) };
    },
  };
}

export const builtinRegistry = new Registry(
  builtinResources.map(withBehaviour).map((d) => (d.kind === "CustomResourceDefinition" ? { ...d, strategy: crdStrategy(d.strategy ?? {}) } : d)),
);

export const namespaceDef = builtinRegistry.get("", "v1", "namespaces")!;
export const crdDef = builtinRegistry.get("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;

/** How long an isolate trusts its view of the CRDs; a miss or a CRD write refreshes it at once. */
const REGISTRY_TTL_MS = 2000;

let cached: { registry: Registry; at: number } | undefined;
let loading: Promise<Registry> | undefined;

/** Rows served for the CRDs; a CRD may not shadow a built-in resource. */
export function registryWith(crds: KubeObject[]): Registry {
  const rows = crds
    .flatMap((crd) =>
      crdToResourceDefs(crd).map((d) => ({
        ...d,
        schema: { root: crdVersionSchema(crd, d.version), source: crdSchemaSource(crd, d.version) },
      })),
    )
    .filter((d) => !builtinRegistry.get(d.group, d.version, d.plural));
  return new Registry([...builtinRegistry.resources, ...rows]);
}

/** The registry for a request: built-ins plus every CRD's resources, at most `maxAgeMs` old. */
export async function currentRegistry(env: Env, maxAgeMs = REGISTRY_TTL_MS): Promise<Registry> {
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.registry;
  loading ??= (async () => {
    try {
      const storage = new ResourceStorage(env, crdDef);
      const { items } = await storage.list(storage.selection(undefined, {}));
      const registry = registryWith(items);
      cached = { registry, at: Date.now() };
      return registry;
    } finally {
      loading = undefined;
    }
  })();
  return loading;
}

// A CRD written through this isolate is served by its next request.
writeListeners.push((def) => {
  if (def === crdDef) cached = undefined;
});
