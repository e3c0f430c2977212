// Every kind we serve has a schema, and the whole graph of definitions is closed.

import { describe, expect, it } from "vitest";
import { builtinSchemaNames, builtinSchemas, kindSchemaName, listSchemaName } from "../../../src/api/schema/builtin";
import { builtinResources } from "../../../src/api/registry/builtin";
import { refName, type Schema } from "../../../src/api/schema/types";

describe("built-in schema coverage", () => {
  it.each(builtinResources.map((r) => [`${r.group || "core"}/${r.version} ${r.kind}`, r] as const))(
    "%s resolves with its group-version-kind, and so does its list",
    (_, r) => {
      const name = kindSchemaName(r.group, r.version, r.kind);
      expect(name).toBeDefined();
      const schema = builtinSchemas.named(name ?? "");
      expect(schema?.["x-kubernetes-group-version-kind"]).toEqual([{ group: r.group, version: r.version, kind: r.kind }]);
      expect(schema?.properties).toHaveProperty("metadata");
      expect(schema?.properties).toHaveProperty("kind");
      const list = builtinSchemas.named(listSchemaName(r.group, r.version, r.kind) ?? "");
      expect(list?.["x-kubernetes-group-version-kind"]).toEqual([{ group: r.group, version: r.version, kind: `${r.kind}List` }]);
    },
  );

  it("resolves every $ref reachable from any kind", () => {
    const names = builtinSchemaNames();
    expect(names.length).toBeGreaterThan(400);
    const dangling: string[] = [];
    const visit = (s: Schema | boolean | undefined, at: string): void => {
      if (!s || typeof s !== "object") return;
      if (s.$ref && !builtinSchemas.named(s.$ref)) dangling.push(`${at} → ${s.$ref}`);
      s.allOf?.forEach((x) => visit(x, at));
      for (const [k, p] of Object.entries(s.properties ?? {})) visit(p, `${at}.${k}`);
      visit(s.items, `${at}[]`);
      visit(s.additionalProperties, `${at}{}`);
    };
    for (const name of names) visit(builtinSchemas.named(name), name);
    expect(dangling).toEqual([]);
  });

  it("keeps list-map keys and merge keys among the item's fields", () => {
    const problems: string[] = [];
    for (const name of builtinSchemaNames()) {
      for (const [field, p] of Object.entries(builtinSchemas.named(name)?.properties ?? {})) {
        const item = p.items?.$ref ? builtinSchemas.named(refName(p.items.$ref)) : undefined;
        const keys = [...(p["x-kubernetes-list-map-keys"] ?? []), p["x-kubernetes-patch-merge-key"] ?? []].flat();
        for (const k of keys) if (item && !item.properties?.[k]) problems.push(`${name}.${field}: ${k}`);
        if (p["x-kubernetes-list-type"] === "map" && !p["x-kubernetes-list-map-keys"]?.length) problems.push(`${name}.${field}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
