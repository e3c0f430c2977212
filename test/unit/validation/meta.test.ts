import { describe, expect, it } from "vitest";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../../src/api/validation/meta";
import { nameIsDNSSubdomain } from "../../../src/api/validation/names";
import { only, show } from "./helpers";

const opts = { namespaced: true, nameValidator: nameIsDNSSubdomain };

describe("ObjectMeta", () => {
  it("accepts a typical object", () => {
    expect(validateObjectMeta({ name: "web", namespace: "default", labels: { app: "web" }, annotations: { "example.com/x": "y" } }, opts)).toEqual([]);
  });

  it("requires a name", () => {
    expect(only(validateObjectMeta({}, opts))).toEqual({
      type: "FieldValueRequired",
      field: "metadata.name",
      message: "Required value: name or generateName is required",
    });
  });

  it("reports bad names and generateNames", () => {
    const e = only(validateObjectMeta({ name: "Bad_Name" }, opts));
    expect(e.type).toBe("FieldValueInvalid");
    expect(e.field).toBe("metadata.name");
    expect(e.message).toMatch(/^Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(show(validateObjectMeta({ name: "ok", generateName: "Bad-" }, opts))[0]).toMatch(/^metadata.generateName: Invalid value: "Bad-"/);
  });

  it("checks the namespace format when present (presence is the caller's job)", () => {
    expect(validateObjectMeta({ name: "x" }, opts)).toEqual([]);
    expect(show(validateObjectMeta({ name: "x", namespace: "Bad" }, opts))[0]).toMatch(/^metadata.namespace: Invalid value: "Bad": a lowercase RFC 1123 label/);
  });

  it("validates label keys and values", () => {
    const errs = validateObjectMeta({ name: "x", labels: { "bad key": "ok", good: "-bad" } }, opts);
    expect(show(errs)).toEqual([
      expect.stringMatching(/^metadata.labels: Invalid value: "bad key": name part must consist of/),
      expect.stringMatching(/^metadata.labels: Invalid value: "-bad": a valid label must be an empty string/),
    ]);
  });

  it("limits annotations to 256 KiB in total", () => {
    const e = only(validateObjectMeta({ name: "x", annotations: { big: "x".repeat(256 * 1024) } }, opts));
    expect(e).toEqual({ type: "FieldValueTooLong", field: "metadata.annotations", message: "Too long: must have at most 262144 bytes" });
  });

  it("requires finalizers to be qualified and, unprefixed, standard", () => {
    expect(validateObjectMeta({ name: "x", finalizers: ["kubernetes", "example.com/cleanup"] }, opts)).toEqual([]);
    expect(only(validateObjectMeta({ name: "x", finalizers: ["cleanup"] }, opts))).toEqual({
      type: "FieldValueInvalid",
      field: "metadata.finalizers[0]",
      message: 'Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    });
  });

  it("checks owner references", () => {
    const errs = validateObjectMeta({ name: "x", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "", uid: "u" }] }, opts);
    expect(show(errs)).toEqual(['metadata.ownerReferences.name: Invalid value: "": must not be empty']);
  });

  it("keeps name, namespace, uid and creationTimestamp immutable", () => {
    const old = { name: "a", namespace: "ns", uid: "1", creationTimestamp: "2024-01-01T00:00:00Z" };
    expect(validateObjectMetaUpdate({ ...old, labels: { x: "y" } }, old)).toEqual([]);
    expect(show(validateObjectMetaUpdate({ ...old, name: "b" }, old))).toEqual(['metadata.name: Invalid value: "b": field is immutable']);
    expect(show(validateObjectMetaUpdate({ ...old, namespace: "other" }, old))).toEqual(['metadata.namespace: Invalid value: "other": field is immutable']);
    expect(show(validateObjectMetaUpdate({ ...old, uid: "2" }, old))).toEqual(['metadata.uid: Invalid value: "2": field is immutable']);
    expect(show(validateObjectMetaUpdate({ ...old, creationTimestamp: "2025-01-01T00:00:00Z" }, old))).toEqual([
      'metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable',
    ]);
    // An omitted uid is carried over by the generic layer, not an error.
    expect(validateObjectMetaUpdate({ name: "a", namespace: "ns" }, old)).toEqual([]);
  });

  it("forbids new finalizers once deletion started", () => {
    const old = { name: "a", deletionTimestamp: "2024-01-01T00:00:00Z", finalizers: ["kubernetes"] };
    expect(show(validateObjectMetaUpdate({ ...old, finalizers: ["kubernetes", "orphan"] }, old))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"orphan"}',
    ]);
  });
});
