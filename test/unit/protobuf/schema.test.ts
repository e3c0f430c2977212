// The schema data is hand-maintained: check that it parses and that every reference resolves.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knownKinds, messageForKind } from "../../../src/api/protobuf/kinds";
import { FINISHERS } from "../../../src/api/protobuf/builtins";
import { allMessageKeys, message, parseField } from "../../../src/api/protobuf/schema";
import { builtinResources } from "../../../src/api/registry/builtin";

// Messages whose JSON is not their message shape. The kinds that reach the ones without a finisher
// yet are left out of kinds.ts (see there).
const VALUE_TYPES = new Set([
  "meta.Time", "meta.MicroTime", "meta.FieldsV1", "resource.Quantity", "intstr.IntOrString", "runtime.RawExtension",
  "apiextensions.JSON", "apiextensions.JSONSchemaPropsOrArray", "apiextensions.JSONSchemaPropsOrBool",
  "apiextensions.JSONSchemaPropsOrStringArray", "authentication.ExtraValue", "certificates.ExtraValue",
]);
const WITHOUT_FINISHERS = new Set([
  "v1 Event", "events.k8s.io/v1 Event", "coordination.k8s.io/v1 Lease", "apps/v1 ControllerRevision",
  "apiextensions.k8s.io/v1 CustomResourceDefinition",
]);

function reachable(root: string, seen = new Set<string>()): Set<string> {
  if (seen.has(root)) return seen;
  seen.add(root);
  if (VALUE_TYPES.has(root)) return seen;
  for (const f of message(root).fields.values()) if (f.value.kind === "message") reachable(f.value.key, seen);
  return seen;
}

describe("protobuf schemas", () => {
  it("parse, and every message they name exists", () => {
    const keys = allMessageKeys();
    expect(keys.length).toBeGreaterThan(200);
    for (const key of keys) {
      for (const { value, number } of message(key).fields.values()) {
        if (value.kind === "message") expect(() => message(value.key), `${key} field ${number}`).not.toThrow();
      }
    }
  });

  it("cover every kind kubectl was seen sending, and every built-in kind whose values decode", () => {
    const dir = join(import.meta.dirname, "../../fixtures/protobuf");
    const seen = readdirSync(dir)
      .filter((f) => f.endsWith(".bin"))
      .map((f) => JSON.parse(readFileSync(join(dir, f.replace(/\.bin$/, ".json")), "utf8")))
      .map((o: { apiVersion: string; kind: string }) => `${o.apiVersion} ${o.kind}`);
    const known = new Set(knownKinds().map(([v, k]) => `${v} ${k}`));
    for (const s of seen) expect(known, s).toContain(s);
    for (const r of builtinResources) {
      const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
      if (WITHOUT_FINISHERS.has(`${apiVersion} ${r.kind}`)) continue;
      expect(known, `${apiVersion} ${r.kind}`).toContain(`${apiVersion} ${r.kind}`);
    }
    for (const [apiVersion, kind] of knownKinds()) {
      expect(() => message(messageForKind(apiVersion, kind) ?? "")).not.toThrow();
    }
  });

  it("reach only value types that builtins.ts knows how to finish", () => {
    for (const [apiVersion, kind] of knownKinds()) {
      for (const key of reachable(messageForKind(apiVersion, kind) ?? "")) {
        if (VALUE_TYPES.has(key)) expect(FINISHERS.has(key), `${kind} reaches ${key}`).toBe(true);
      }
    }
  });

  it("reads the field grammar", () => {
    expect(parseField("core", 1, "replicas*:int32")).toMatchObject({
      json: "replicas",
      pointer: true,
      repeated: false,
      value: { kind: "scalar", scalar: "int32" },
    });
    expect(parseField("core", 2, "ports[]:ContainerPort")).toMatchObject({
      repeated: true,
      value: { kind: "message", key: "core.ContainerPort" },
    });
    expect(parseField("core", 3, "hard:{resource.Quantity}")).toMatchObject({
      map: true,
      value: { key: "resource.Quantity" },
    });
    expect(parseField("core", 4, "...:VolumeSource")).toMatchObject({ json: null });
    expect(parseField("core", 5, "name")).toMatchObject({ value: { kind: "scalar", scalar: "string" } });
    expect(() => parseField("core", 6, "bad name")).toThrow();
    expect(() => parseField("core", 0, "x")).toThrow();
    expect(() => parseField("core", 7, "...[]:X")).toThrow();
  });

  it("reads the schema annotations", () => {
    expect(parseField("core", 2, "containers[]!:Container ~merge(name) =map(name)")).toMatchObject({
      required: true,
      patchStrategy: "merge",
      patchMergeKey: "name",
      listType: "map",
      listMapKeys: ["name"],
    });
    expect(parseField("core", 1, "volumes[]:Volume ~merge,retainKeys(name) =map(name)")).toMatchObject({
      patchStrategy: "merge,retainKeys",
      required: false,
    });
    expect(parseField("meta", 14, "finalizers[] ~merge =set")).toMatchObject({ patchStrategy: "merge", listType: "set" });
    expect(parseField("core", 7, "nodeSelector:{string} =atomic")).toMatchObject({ mapType: "atomic" });
    expect(parseField("core", 4, "claimRef*:ObjectReference =granular")).toMatchObject({ mapType: "granular" });
    expect(parseField("certificates", 1, "request!:bytes =atomic")).toMatchObject({ listType: "atomic" });
    expect(parseField("core", 3, "stopSignal* @1.33")).toMatchObject({ since: "1.33", pointer: true });
    expect(parseField("apiextensions", 3, "$ref*")).toMatchObject({ json: "$ref" });
    expect(parseField("apiextensions", 42, "x-kubernetes-list-type*")).toMatchObject({ json: "x-kubernetes-list-type" });
    expect(() => parseField("core", 8, "x =set")).toThrow(); // set on a non-list
    expect(() => parseField("core", 9, "x[] =granular")).toThrow(); // map type on a list
    expect(() => parseField("core", 10, "x[] =bogus")).toThrow();
    expect(() => parseField("core", 11, "...:X =atomic")).toThrow();
    expect(message("meta.LabelSelector").mapType).toBe("atomic");
  });
});
