import { describe, expect, it } from "vitest";
import type { Schema } from "../../../src/api/schema/types";
import { validateValue, validateValueUpdate } from "../../../src/api/schema/validate";
import { schemaV1, widget } from "../crd/fixture";
import { show } from "../validation/helpers";

const source = { named: () => undefined };
const check = (obj: unknown, schema: Schema = schemaV1) => show(validateValue(obj, schema, source));

/** The fixture widget with some spec fields replaced. */
function withSpec(spec: Record<string, unknown>) {
  const w = widget();
  Object.assign(w.spec, spec);
  return w;
}

describe("validateValue: kube-openapi messages as apiextensions reports them", () => {
  it("accepts a valid object", () => {
    expect(check(widget())).toEqual([]);
  });

  it("reports types with the `in body` wording and the JSON type as value", () => {
    expect(validateValue(withSpec({ replicas: "three" }), schemaV1, source)).toEqual([
      {
        type: "FieldValueTypeInvalid",
        field: "spec.replicas",
        value: "string",
        detail: 'spec.replicas in body must be of type integer: "string"',
      },
    ]);
    expect(check(withSpec({ replicas: 1.5 }))).toEqual(['spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"']);
    expect(check(withSpec({ replicas: null }))).toEqual(['spec.replicas: Invalid value: "null": spec.replicas in body must be of type integer: "null"']);
    expect(check(withSpec({ labels: [] }))).toEqual(['spec.labels: Invalid value: "array": spec.labels in body must be of type object: "array"']);
  });

  it("treats x-kubernetes-int-or-string as integer,string", () => {
    expect(check(withSpec({ port: 8080 }))).toEqual([]);
    expect(check(withSpec({ port: true }))).toEqual(['spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"']);
  });

  it("reports required, enum, pattern and lengths", () => {
    const w = widget();
    delete w.spec.image;
    expect(check(w)).toEqual(["spec.image: Required value"]);
    expect(check(withSpec({ tier: "middle" }))).toEqual(['spec.tier: Unsupported value: "middle": supported values: "frontend", "backend"']);
    expect(check(withSpec({ image: "NGINX" }))).toEqual(["spec.image: Invalid value: \"NGINX\": spec.image in body should match '^[a-z0-9./:-]+$'"]);
    expect(check(withSpec({ image: "a".repeat(65) }))).toEqual(["spec.image: Too long: may not be more than 64 bytes"]);
    expect(check(withSpec({ tags: ["a"] }))).toEqual(['spec.tags[0]: Invalid value: "a": spec.tags[0] in body should be at least 2 chars long']);
  });

  it("reports bounds, exclusive bounds and multipleOf", () => {
    expect(check(withSpec({ replicas: 11 }))).toEqual(["spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10"]);
    expect(check(withSpec({ replicas: -1 }))).toEqual(["spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0"]);
    expect(check(withSpec({ ratio: 1 }))).toContain("spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1");
    expect(check(withSpec({ ratio: 0.3 }))).toEqual(["spec.ratio: Invalid value: 0.3: spec.ratio in body should be a multiple of 0.25"]);
  });

  it("reports item and property counts, uniqueness and forbidden properties", () => {
    const errs = validateValue(withSpec({ tags: ["a1", "b2", "c3", "d4"], labels: { a: "1", b: "2", c: "3" } }), schemaV1, source);
    expect(errs).toEqual([
      { type: "FieldValueTooMany", field: "spec.tags", value: 4, detail: "must have at most 3 items" },
      { type: "FieldValueTooMany", field: "spec.labels", value: 3, detail: "must have at most 2 items" },
    ]);
    const schema: Schema = {
      type: "object",
      properties: { xs: { type: "array", items: { type: "integer" }, minItems: 1, uniqueItems: true }, m: { type: "object", minProperties: 1, additionalProperties: false, properties: { a: { type: "string" } } } },
    };
    expect(check({ xs: [], m: {} }, schema)).toEqual([
      "xs: Invalid value: 0: xs in body should have at least 1 items",
      "m: Invalid value: 0: m in body should have at least 1 properties",
    ]);
    expect(check({ xs: [1, 1], m: { b: "x" } }, schema)).toEqual([
      "xs: Invalid value: \"\": xs in body shouldn't contain duplicates",
      'm: Invalid value: "b": m.b in body is a forbidden property',
    ]);
  });

  it("checks the formats apiextensions keeps, and not int32/int64", () => {
    expect(check(withSpec({ schedule: "2024-06-01T10:00:00Z" }))).toEqual([]);
    expect(check(withSpec({ schedule: "yesterday" }))).toEqual(['spec.schedule: Invalid value: "yesterday": spec.schedule in body must be of type date-time: "yesterday"']);
    const schema: Schema = { type: "object", properties: { n: { type: "integer", format: "int32" }, id: { type: "string", format: "uuid" } } };
    expect(check({ n: 2 ** 40, id: "0f8fad5b-d9cb-469f-a165-70867728950e" }, schema)).toEqual([]);
    expect(check({ id: "nope" }, schema)).toEqual(['id: Invalid value: "nope": id in body must be of type uuid: "nope"']);
  });

  it("allows null only where nullable", () => {
    const schema: Schema = { type: "object", properties: { a: { type: "string", nullable: true }, b: { type: "string" } } };
    expect(check({ a: null }, schema)).toEqual([]);
    expect(check({ b: null }, schema)).toEqual(['b: Invalid value: "null": b in body must be of type string: "null"']);
  });

  it("validates additionalProperties values and prefixes a root path", () => {
    expect(check(withSpec({ labels: { a: 1 } }))).toEqual(['spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"']);
    const status = schemaV1.properties!.status!;
    expect(show(validateValue({ replicas: "x" }, status, source, "status"))).toEqual([
      'status.replicas: Invalid value: "string": replicas in body must be of type integer: "string"',
    ]);
  });

  it("requires apiVersion and kind of embedded resources and validates their metadata", () => {
    expect(check(withSpec({ template: { metadata: { name: "p", labels: { "bad key": "x" } } } }))).toEqual([
      "spec.template.apiVersion: Required value: must not be empty",
      "spec.template.kind: Required value: must not be empty",
      'spec.template.metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
    ]);
    expect(check(withSpec({ template: { apiVersion: "a/b/c", kind: "pod_x" } }))).toEqual([
      'spec.template.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c',
      expect.stringMatching(/^spec\.template\.kind: Invalid value: "pod_x": may have mixed case, but should otherwise match: a DNS-1035 label/),
    ]);
  });

  it("reports duplicates in list-type set and map lists at their second appearance", () => {
    expect(validateValue(withSpec({ tags: ["a1", "b2", "a1"], ports: [{ name: "http" }, { name: "http", number: 81 }] }), schemaV1, source)).toEqual([
      { type: "FieldValueDuplicate", field: "spec.tags[2]", value: "a1" },
      { type: "FieldValueDuplicate", field: "spec.ports[1]", value: { name: "http" } },
    ]);
  });
});

describe("validateValueUpdate: ratcheting", () => {
  const invalidOld = () => withSpec({ replicas: 20, tier: "middle", ports: [{ name: "a", number: "x" }] });

  it("keeps errors an unchanged part already had", () => {
    const old = invalidOld();
    const next = structuredClone(old);
    next.metadata.labels = { app: "other" };
    expect(validateValueUpdate(next, old, schemaV1, source)).toEqual([]);
  });

  it("reports errors in changed parts, correlating map-list items by key", () => {
    const old = invalidOld();
    const next = structuredClone(old);
    next.spec.replicas = 30;
    next.spec.ports.unshift({ name: "b", number: "y" });
    expect(show(validateValueUpdate(next, old, schemaV1, source))).toEqual([
      "spec.replicas: Invalid value: 30: spec.replicas in body should be less than or equal to 10",
      'spec.ports[0].number: Invalid value: "string": spec.ports[0].number in body must be of type integer: "string"',
    ]);
  });

  it("does not enforce list uniqueness when the old object already broke it", () => {
    const old = withSpec({ tags: ["a1", "a1"] });
    const next = withSpec({ tags: ["a1", "a1", "b2"] });
    expect(validateValueUpdate(next, old, schemaV1, source)).toEqual([]);
    expect(show(validateValueUpdate(next, widget(), schemaV1, source))).toEqual(['spec.tags[1]: Duplicate value: "a1"']);
  });
});
