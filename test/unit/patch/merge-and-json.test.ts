import { describe, expect, it } from "vitest";
import { jsonPatch } from "../../../src/api/patch/json-patch";
import { mergePatch } from "../../../src/api/patch/merge";

describe("JSON merge patch (RFC 7386)", () => {
  // The RFC's appendix examples: target, patch, result.
  const cases: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(cases)("%j + %j", (target, patch, result) => {
    expect(mergePatch(target, patch)).toEqual(result);
  });

  it("does not change its inputs", () => {
    const target = { a: { b: 1 } };
    const patch = { a: { c: 2 } };
    mergePatch(target, patch);
    expect(target).toEqual({ a: { b: 1 } });
    expect(patch).toEqual({ a: { c: 2 } });
  });
});

describe("JSON patch (RFC 6902)", () => {
  const doc = { metadata: { name: "x", labels: { a: "1" } }, spec: { replicas: 1, args: ["a", "b"] } };

  it("applies add, remove, replace, move, copy and test", () => {
    const out = jsonPatch(doc, [
      { op: "test", path: "/spec/replicas", value: 1 },
      { op: "replace", path: "/spec/replicas", value: 3 },
      { op: "add", path: "/spec/args/-", value: "c" },
      { op: "add", path: "/metadata/labels/b", value: "2" },
      { op: "remove", path: "/metadata/labels/a" },
      { op: "copy", from: "/metadata/name", path: "/metadata/labels/name" },
      { op: "move", from: "/spec/args/0", path: "/spec/first" },
    ]);
    expect(out).toEqual({
      metadata: { name: "x", labels: { b: "2", name: "x" } },
      spec: { replicas: 3, args: ["b", "c"], first: "a" },
    });
    expect(doc.spec.replicas).toBe(1);
  });

  it("escapes ~ and / in paths (~0, ~1)", () => {
    const out = jsonPatch({ metadata: { annotations: { "example.com/a~b": "1" } } }, [
      { op: "replace", path: "/metadata/annotations/example.com~1a~0b", value: "2" },
    ]);
    expect(out).toEqual({ metadata: { annotations: { "example.com/a~b": "2" } } });
  });

  it("answers a failed test or a missing path with 422, and a non-list patch with 400", () => {
    expect(() => jsonPatch(doc, [{ op: "test", path: "/spec/replicas", value: 2 }])).toThrow(expect.objectContaining({ code: 422 }));
    expect(() => jsonPatch(doc, [{ op: "remove", path: "/spec/nothing" }])).toThrow(expect.objectContaining({ code: 422 }));
    expect(() => jsonPatch(doc, { op: "add" })).toThrow(expect.objectContaining({ code: 400 }));
  });
});
