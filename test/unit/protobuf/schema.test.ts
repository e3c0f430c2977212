// The schema data is hand-maintained: check that it parses and that every reference resolves.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knownKinds, messageForKind } from "../../../src/api/protobuf/kinds";
import { allMessageKeys, message, parseField } from "../../../src/api/protobuf/schema";

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

  it("cover exactly the kinds kubectl was seen sending", () => {
    const dir = join(import.meta.dirname, "../../fixtures/protobuf");
    const seen = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith(".bin"))
        .map((f) => JSON.parse(readFileSync(join(dir, f.replace(/\.bin$/, ".json")), "utf8")))
        .map((o: { apiVersion: string; kind: string }) => `${o.apiVersion} ${o.kind}`),
    );
    expect(new Set(knownKinds().map(([v, k]) => `${v} ${k}`))).toEqual(seen);
    for (const [apiVersion, kind] of knownKinds()) {
      expect(() => message(messageForKind(apiVersion, kind) ?? "")).not.toThrow();
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
});
