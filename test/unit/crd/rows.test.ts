import { describe, expect, it } from "vitest";
import { crdDefinitionName, crdSchemaSource, crdToResourceDefs } from "../../../src/api/crd";
import { Registry, storageName } from "../../../src/api/registry/registry";
import { crd, schemaV1, widget } from "./fixture";

describe("crdToResourceDefs", () => {
  it("gives one row per served version, sharing the storage version's store", () => {
    const rows = crdToResourceDefs(crd());
    expect(rows.map((r) => r.version)).toEqual(["v1", "v1beta1"]);
    const [v1, beta] = rows;
    expect({ ...v1!, columns: undefined, strategy: undefined, convert: undefined }).toEqual({
      group: "example.com",
      version: "v1",
      kind: "Widget",
      plural: "widgets",
      singular: "widget",
      namespaced: true,
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      shortNames: ["wd"],
      categories: ["all"],
      status: true,
      scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: ".status.selector" },
      generation: true,
      storageResource: "widgets.example.com",
      columns: undefined,
      strategy: undefined,
      convert: undefined,
    });
    expect(beta!.status).toBeUndefined();
    expect(beta!.scale).toBeUndefined();
    expect(v1!.convert).toBeUndefined();
    expect(new Registry(rows).storedResources().map(storageName)).toEqual(["widgets.example.com"]);
  });

  it("defaults the singular and omits empty short names and categories", () => {
    const c = crd();
    c.spec.names = { plural: "gadgets", kind: "Gadget" };
    c.spec.scope = "Cluster";
    const [row] = crdToResourceDefs(c);
    expect(row!.singular).toBe("gadget");
    expect(row!.namespaced).toBe(false);
    expect(row!.shortNames).toBeUndefined();
    expect(row!.categories).toBeUndefined();
  });

  it("converts a non-storage version by apiVersion, pruning to each side's schema", () => {
    const beta = crdToResourceDefs(crd())[1]!;
    const stored = beta.convert!.toStorage({ apiVersion: "example.com/v1beta1", kind: "Widget", metadata: { name: "w" }, spec: { image: "x" } });
    expect(stored).toEqual({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { image: "x" } });
    const served = beta.convert!.fromStorage(widget());
    expect(served.apiVersion).toBe("example.com/v1beta1");
    expect(served.spec).toEqual({ image: "nginx:1.25" });
    expect(served.status).toBeUndefined();
  });
});

describe("crdSchemaSource", () => {
  it("answers for the version's OpenAPI definition name", () => {
    expect(crdDefinitionName(crd(), "v1")).toBe("com.example.v1.Widget");
    const source = crdSchemaSource(crd(), "v1");
    expect(source.named("#/components/schemas/com.example.v1.Widget")).toBe(schemaV1);
    expect(source.named("com.example.v1.Other")).toBeUndefined();
  });
});
