import { describe, expect, it } from "vitest";
import { applyDefaults, pruneNulls } from "../../../src/api/schema/defaults";
import type { Schema } from "../../../src/api/schema/types";
import { schemaV1 } from "../crd/fixture";

const source = { named: () => undefined };

describe("applyDefaults", () => {
  it("fills defaults only where the parent exists, then defaults inside defaulted objects", () => {
    const obj = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { image: "nginx" } };
    expect(applyDefaults(obj, schemaV1, source)).toEqual({
      apiVersion: "example.com/v1",
      kind: "Widget",
      metadata: { name: "w" },
      // resources defaults to {} and that object then receives cpu's default.
      spec: { image: "nginx", replicas: 1, tier: "backend", resources: { cpu: "100m" } },
    });
  });

  it("leaves absent parents absent and set values alone", () => {
    const noSpec = { metadata: { name: "w" } };
    expect(applyDefaults(noSpec, schemaV1, source)).toEqual({ metadata: { name: "w" } });
    const set = { spec: { replicas: 0, tier: "frontend", resources: { cpu: "2" } } };
    expect(applyDefaults(set, schemaV1, source)).toEqual({ spec: { replicas: 0, tier: "frontend", resources: { cpu: "2" } } });
  });

  it("replaces a non-nullable null with the default, keeps a nullable one, and copies defaults", () => {
    const schema: Schema = {
      type: "object",
      properties: {
        a: { type: "object", default: { x: [1] } },
        b: { type: "string", nullable: true, default: "d" },
        items: { type: "array", items: { type: "object", properties: { p: { type: "integer", default: 7 } } } },
        map: { type: "object", additionalProperties: { type: "object", properties: { q: { type: "string", default: "z" } } } },
      },
    };
    const one = applyDefaults({ a: null, b: null, items: [{}, { p: 1 }], map: { k: {} } }, schema, source) as any;
    expect(one).toEqual({ a: { x: [1] }, b: null, items: [{ p: 7 }, { p: 1 }], map: { k: { q: "z" } } });
    const two = applyDefaults({}, schema, source) as any;
    two.a.x.push(2);
    expect(applyDefaults({}, schema, source)).toEqual({ a: { x: [1] }, b: "d" });
  });

  it("reads a default written beside a $ref", () => {
    const named: Record<string, Schema> = { Spec: { type: "object", properties: { n: { type: "integer", default: 3 } } } };
    const schema: Schema = { type: "object", properties: { spec: { allOf: [{ $ref: "Spec" }], default: {} } } };
    expect(applyDefaults({}, schema, { named: (r) => named[r] })).toEqual({ spec: { n: 3 } });
  });
});

describe("pruneNulls", () => {
  it("drops nulls the schema neither allows nor defaults, keeping the others for defaulting", () => {
    const schema: Schema = {
      type: "object",
      properties: { a: { type: "string" }, b: { type: "string", nullable: true }, c: { type: "string", default: "x" }, m: { type: "object", additionalProperties: { type: "string" } } },
    };
    const obj = { a: null, b: null, c: null, m: { k: null }, unknown: null };
    expect(pruneNulls(obj, schema, source)).toEqual({ b: null, c: null, m: {}, unknown: null });
    expect(applyDefaults(obj, schema, source)).toEqual({ b: null, c: "x", m: {}, unknown: null });
  });
});
