import { describe, expect, it } from "vitest";
import { crdToResourceDefs } from "../../../src/api/crd";
import { invalid } from "../../../src/api/errors";
import { show } from "../validation/helpers";
import { crd, widget } from "./fixture";

const strategy = () => crdToResourceDefs(crd())[0]!.strategy!;

describe("custom resource strategy", () => {
  it("accepts a valid object", () => {
    expect(strategy().validate!(widget())).toEqual([]);
  });

  it("prunes unknown fields, drops disallowed nulls, then applies defaults", () => {
    const w = {
      apiVersion: "example.com/v1",
      kind: "Widget",
      metadata: { name: "w", namespace: "default", junk: 1 },
      spec: { image: "nginx", typo: true, replicas: null, ports: [{ name: "a", proto: "x" }] },
    };
    strategy().defaults!(w);
    expect(w).toEqual({
      apiVersion: "example.com/v1",
      kind: "Widget",
      metadata: { name: "w", namespace: "default" },
      spec: { image: "nginx", replicas: 1, tier: "backend", resources: { cpu: "100m" }, ports: [{ name: "a" }] },
    });
  });

  it("checks type meta first, alone", () => {
    const w = widget();
    w.kind = "Gadget";
    w.apiVersion = "example.com/v2";
    expect(show(strategy().validate!(w))).toEqual(['kind: Invalid value: "Gadget": must be Widget', 'apiVersion: Invalid value: "example.com/v2": must be example.com/v1']);
  });

  it("reports metadata, schema and scale errors in upstream's order, in one Invalid status", () => {
    const w = widget();
    w.metadata.name = "Bad_Name";
    w.spec.replicas = 12;
    w.spec.tier = "middle";
    w.status.replicas = -1;
    w.status.selector = 5;
    const errs = strategy().validate!(w);
    expect(show(errs)).toEqual([
      expect.stringMatching(/^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/),
      "spec.replicas: Invalid value: 12: spec.replicas in body should be less than or equal to 10",
      'spec.tier: Unsupported value: "middle": supported values: "frontend", "backend"',
      'status.selector: Invalid value: "integer": status.selector in body must be of type string: "integer"',
      ".status.replicas: Invalid value: -1: should be a non-negative integer",
      '.status.selector: Invalid value: "": .status.selector accessor error: 5 is of the type int64, expected string',
    ]);
    expect(invalid("example.com", "Widget", "Bad_Name", errs.slice(1, 3)).message).toBe(
      'Widget.example.com "Bad_Name" is invalid: [spec.replicas: Invalid value: 12: spec.replicas in body should be less than or equal to 10, spec.tier: Unsupported value: "middle": supported values: "frontend", "backend"]',
    );
  });

  it("ratchets on update and checks metadata immutability", () => {
    const old = widget();
    old.spec.replicas = 50;
    const same = structuredClone(old);
    same.metadata.labels = { app: "changed" };
    expect(strategy().validateUpdate!(same, old)).toEqual([]);
    const renamed = structuredClone(old);
    renamed.metadata.name = "other";
    renamed.spec.tier = "middle";
    expect(show(strategy().validateUpdate!(renamed, old))).toEqual([
      'metadata.name: Invalid value: "other": field is immutable',
      'spec.tier: Unsupported value: "middle": supported values: "frontend", "backend"',
    ]);
  });
});
