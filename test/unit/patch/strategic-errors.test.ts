import { describe, expect, it } from "vitest";
import { StatusError } from "../../../src/api/errors";
import { strategicMergePatch } from "../../../src/api/patch/strategic";
import type { Schema } from "../../../src/api/schema/types";
import { apply, deployment, source, withPodSpec } from "./strategic-fixtures";

/** The StatusError a patch fails with. */
function failure(original: unknown, patch: unknown): StatusError {
  try {
    apply(original, patch);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    return e as StatusError;
  }
  throw new Error("patch did not fail");
}

const badRequest = (original: unknown, patch: unknown, message: string | RegExp) => {
  const e = failure(original, patch);
  expect(e.toStatus()).toMatchObject({ code: 400, reason: "BadRequest" });
  expect(e.message).toMatch(message);
};

describe("strategic merge patch: malformed patches", () => {
  it("rejects documents that are not objects", () => {
    badRequest(deployment(), [{ op: "add" }], /^invalid JSON document$/);
    badRequest("text", {}, /^invalid JSON document$/);
  });

  it("rejects a merge-list item without its merge key, worded as upstream", () => {
    badRequest(
      deployment(),
      withPodSpec({ containers: [{ image: "nginx:2" }] }),
      "map: map[image:nginx:2] does not contain declared merge key: name",
    );
    badRequest(
      deployment(),
      withPodSpec({ containers: [{ $patch: "delete", image: "x" }] }),
      "map: map[$patch:delete image:x] does not contain declared merge key: name",
    );
  });

  it("rejects unknown and misplaced $patch values", () => {
    badRequest(deployment(), { metadata: { $patch: "bogus" } }, "unknown patch type: bogus in map: map[$patch:bogus]");
    badRequest(
      deployment(),
      withPodSpec({ containers: [{ name: "web", $patch: 1 }] }),
      "unknown patch type: 1 in map: map[$patch:1 name:web]",
    );
    // `$patch: merge` only means something to clients; upstream refuses to apply it.
    badRequest(deployment(), { metadata: { $patch: "merge" } }, "unknown patch type: merge in map: map[$patch:merge]");
    const mergeItem = withPodSpec({ containers: [{ $patch: "merge" }] });
    badRequest(deployment(), mergeItem, "merging lists cannot yet be specified in the patch");
  });

  it("rejects unknown $-directives where the schema is known", () => {
    const unknown = "unknown patch directive: $replaceAll in map: map[$replaceAll:true]";
    badRequest(deployment(), { spec: { $replaceAll: true } }, unknown);
    badRequest(deployment(), withPodSpec({ containers: [{ name: "web", $foo: 1 }] }), /unknown patch directive: \$foo/);
    // A free-form object (no properties) holds data, whatever its keys.
    const freeForm: Schema = { type: "object", properties: { raw: { type: "object" } } };
    expect(strategicMergePatch({}, { raw: { $foo: 1 } }, freeForm, source)).toEqual({ raw: { $foo: 1 } });
  });

  it("rejects malformed directive payloads", () => {
    const retainKeys = /^invalid patch format of retainKeys$/;
    badRequest(deployment(), withPodSpec({ volumes: [{ name: "data", $retainKeys: "name" }] }), retainKeys);
    // Every key the patch sets must be retained.
    const unlisted = { name: "data", $retainKeys: ["name"], secret: {} };
    badRequest(deployment(), withPodSpec({ volumes: [unlisted] }), retainKeys);

    const primitiveList = /^invalid patch format of primitive list$/;
    badRequest(deployment(), { metadata: { "$deleteFromPrimitiveList/finalizers": "a" } }, primitiveList);
    badRequest(deployment(), { metadata: { $deleteFromPrimitiveListfinalizers: ["a"] } }, primitiveList);

    const setOrder = /^invalid patch format of setElementOrder list$/;
    badRequest(deployment(), { metadata: { $setElementOrder: ["a"] } }, setOrder);
    const notAList = "expected a []interface {}, but received a map[string]interface {}";
    badRequest(deployment(), { metadata: { "$setElementOrder/finalizers": { a: 1 } } }, notAList);
  });

  it("rejects a $setElementOrder that contradicts the patch list's order", () => {
    const patch = withPodSpec({
      "$setElementOrder/containers": [{ name: "web" }, { name: "sidecar" }],
      containers: [{ name: "sidecar", image: "envoy:2" }, { name: "web", image: "nginx:2" }],
    });
    badRequest(
      deployment(),
      patch,
      "The order in patch list:\n[map[image:envoy:2 name:sidecar] map[image:nginx:2 name:web]]\n" +
        " doesn't match $setElementOrder list:\n[map[name:web] map[name:sidecar]]\n",
    );
  });

  it("rejects lists whose elements differ in type, printing values as Go does", () => {
    const patch = withPodSpec({ containers: [{ name: "web", ports: [1000000] }] });
    const message = "list element types are not identical: [[map[containerPort:80 protocol:TCP]] [1e+06]]";
    badRequest(deployment(), patch, message);
  });

  it("answers lists of lists with 422, as upstream", () => {
    const e = failure({ metadata: { finalizers: [["a"]] } }, { metadata: { finalizers: [["b"]] } });
    expect(e.toStatus()).toMatchObject({
      code: 422,
      reason: "Invalid",
      message: "the server rejected our request due to an error in our request",
    });
  });

  it("rejects a schema whose patch strategy cannot be read", () => {
    const list: Schema = { type: "array", "x-kubernetes-patch-strategy": "merge,replace" };
    const schema: Schema = { type: "object", properties: { items: list } };
    const patch = () => strategicMergePatch({ items: [1] }, { items: [2] }, schema, source);
    expect(patch).toThrow("unexpected patch strategy: [merge replace]");
  });

  it("rejects a merge list of maps that declares no merge key", () => {
    const list: Schema = { type: "array", items: { type: "object" }, "x-kubernetes-patch-strategy": "merge" };
    const schema: Schema = { type: "object", properties: { items: list } };
    const patch = () => strategicMergePatch({ items: [{ a: 1 }] }, { items: [{ a: 2 }] }, schema, source);
    expect(patch).toThrow("cannot merge lists without merge key for object");
  });
});
