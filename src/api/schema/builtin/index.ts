// The built-in kinds' structural schemas, under upstream's OpenAPI definition names, built on first use
// from the message tables in src/api/protobuf/schemas (one source of truth for both).

import { refName, type Schema, type SchemaSource } from "../types";
import { messageSchema, ref, typeMetaFields } from "./build";
import { describe } from "./describe";
import { definitionName, messageKeyOf, packageFor, topLevelKinds } from "./names";
import { VALUE_SCHEMAS } from "./values";

const LIST_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";

const cache = new Map<string, Schema | null>();

export const builtinSchemas: SchemaSource = {
  named(r: string): Schema | undefined {
    const name = refName(r);
    let hit = cache.get(name);
    if (hit === undefined) cache.set(name, (hit = build(name) ?? null));
    return hit ?? undefined;
  },
};

/** The definition name of a built-in (or request-only) kind, e.g. io.k8s.api.apps.v1.Deployment. */
export function kindSchemaName(group: string, version: string, kind: string): string | undefined {
  const pkg = packageFor(group, version);
  return pkg && topLevelKinds().has(`${pkg}.${kind}`) ? definitionName(`${pkg}.${kind}`) : undefined;
}

/** The definition name of a built-in kind's list (io.k8s.api.apps.v1.DeploymentList). */
export function listSchemaName(group: string, version: string, kind: string): string | undefined {
  const pkg = packageFor(group, version);
  return pkg && topLevelKinds().get(`${pkg}.${kind}`)?.listed ? `${definitionName(`${pkg}.${kind}`)}List` : undefined;
}

/** Every definition reachable from the built-in kinds and their lists, sorted. */
export function builtinSchemaNames(): string[] {
  const seen = new Set<string>();
  const visit = (s: Schema | boolean | undefined): void => {
    if (!s || typeof s !== "object") return;
    if (s.$ref) walk(refName(s.$ref));
    s.allOf?.forEach(visit);
    Object.values(s.properties ?? {}).forEach(visit);
    visit(s.items);
    visit(s.additionalProperties);
  };
  const walk = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    visit(builtinSchemas.named(name));
  };
  for (const [key, { listed }] of topLevelKinds()) {
    walk(definitionName(key));
    if (listed) walk(`${definitionName(key)}List`);
  }
  return [...seen].sort();
}

function build(name: string): Schema | undefined {
  const key = messageKeyOf(name);
  if (key) return deepFreeze(VALUE_SCHEMAS[key] ? described(VALUE_SCHEMAS[key], name) : messageSchema(key, name));
  const list = name.endsWith("List") ? messageKeyOf(name.slice(0, -4)) : undefined;
  const top = list ? topLevelKinds().get(list) : undefined;
  if (!top?.listed) return undefined;
  return deepFreeze({
    type: "object",
    ...(describe(name, "") && { description: describe(name, "") }),
    properties: {
      ...typeMetaFields(name),
      items: { type: "array", items: ref(name.slice(0, -4)), ...withText(describe(name, "items")) },
      metadata: { ...ref(LIST_META), ...withText(describe(name, "metadata")) },
    },
    required: ["items"],
    "x-kubernetes-group-version-kind": [{ ...top.gvk, kind: `${top.gvk.kind}List` }],
  });
}

function described(s: Schema, name: string): Schema {
  return { ...structuredClone(s), ...withText(describe(name, "")) };
}

function withText(description: string | undefined): { description?: string } {
  return description ? { description } : {};
}

// Schemas are shared by every request: freeze them so no walker can change one for the next.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
