import { describe, expect, it } from "vitest";
import type { Schema, SchemaSource } from "../../../src/api/schema/types";
import { prune, strictDecodingMessage, unknownFieldMessage, unknownFields } from "../../../src/api/schema/walk-unknown";
import { schemaV1, widget } from "../crd/fixture";

// A built-in-like schema as an OpenAPI document holds it: named definitions joined by $refs.
const defs: Record<string, Schema> = {
  Deployment: {
    type: "object",
    properties: {
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata: { $ref: "#/components/schemas/ObjectMeta" },
      spec: { allOf: [{ $ref: "#/components/schemas/DeploymentSpec" }], default: {} },
      status: { type: "object", properties: { replicas: { type: "integer" } } },
    },
  },
  DeploymentSpec: {
    type: "object",
    properties: {
      replicas: { type: "integer" },
      strategy: { type: "object", properties: { rollingUpdate: { type: "object", properties: { maxSurge: { type: "string", format: "int-or-string", "x-kubernetes-int-or-string": true } } } } },
      template: { $ref: "#/components/schemas/PodTemplateSpec" },
    },
  },
  PodTemplateSpec: { type: "object", properties: { metadata: { $ref: "#/components/schemas/ObjectMeta" }, spec: { $ref: "#/components/schemas/PodSpec" } } },
  PodSpec: {
    type: "object",
    properties: {
      containers: { type: "array", items: { $ref: "#/components/schemas/Container" } },
      nodeSelector: { type: "object", additionalProperties: { type: "string" } },
    },
  },
  Container: {
    type: "object",
    properties: {
      name: { type: "string" },
      image: { type: "string" },
      imagePullPolicy: { type: "string" },
      resources: { type: "object", properties: { limits: { type: "object", additionalProperties: { type: "string" } } } },
    },
  },
  ObjectMeta: { type: "object", properties: { name: { type: "string" }, labels: { type: "object", additionalProperties: { type: "string" } } } },
  RawHolder: { type: "object", properties: { data: { type: "object" } } },
};
const source: SchemaSource = { named: (ref) => defs[ref.replace("#/components/schemas/", "")] };
const deployment: Schema = { $ref: "#/components/schemas/Deployment" };

const doc = () => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", labels: { app: "web" }, bogus: 1, ownerReferences: [{ apiVersion: "v1", kind: "X", name: "x", uid: "u", extra: true }] },
  spec: {
    replicas: 2,
    foo: "bar",
    strategy: { rollingUpdate: { maxSurge: "25%" } },
    template: {
      metadata: { labels: { app: "web" }, annotationz: {} },
      spec: {
        nodeSelector: { "kubernetes.io/os": "linux" },
        containers: [
          { name: "a", image: "nginx", imagePullPolicyy: "Always", resources: { limits: { cpu: "1" }, limitz: {} } },
          { name: "b", image: "busybox" },
        ],
      },
    },
  },
});

describe("unknownFields for built-ins (strict field validation)", () => {
  it("reports upstream-style paths in document order, root metadata judged as ObjectMeta", () => {
    expect(unknownFields(doc(), deployment, source)).toEqual([
      "metadata.bogus",
      "metadata.ownerReferences[0].extra",
      "spec.foo",
      "spec.template.metadata.annotationz",
      "spec.template.spec.containers[0].imagePullPolicyy",
      "spec.template.spec.containers[0].resources.limitz",
    ]);
  });

  it("words errors as sigs.k8s.io/json and the strict decoding error", () => {
    expect(unknownFieldMessage("spec.foo")).toBe('unknown field "spec.foo"');
    expect(strictDecodingMessage(["spec.foo", "spec.template.spec.containers[0].imagePullPolicyy"])).toBe(
      'strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagePullPolicyy"',
    );
  });

  it("treats a bare object schema as free-form only when asked (RawExtension-like)", () => {
    const holder: Schema = { $ref: "RawHolder" };
    const obj = { apiVersion: "v1", kind: "X", metadata: {}, data: { anything: { goes: 1 } } };
    expect(unknownFields(obj, holder, source, { freeFormObjects: true })).toEqual([]);
    expect(unknownFields(obj, holder, source)).toEqual(["data.anything"]);
  });

  it("does not modify the object", () => {
    const d = doc();
    unknownFields(d, deployment, source);
    expect(d).toEqual(doc());
  });
});

describe("unknownFields and prune for CRDs", () => {
  const cr = () => {
    const w = widget();
    w.metadata.extra = "x";
    w.spec.zzz = 1;
    w.spec.config.free = { deep: 1 };
    w.spec.template.spec.whatever = true;
    w.spec.template.metadata.bad = 1;
    w.spec.ports[0].protocol = "TCP";
    w.spec.port = 8080;
    w.status.conditions[1].lastTransitionTime = "now";
    return w;
  };

  it("respects preserve-unknown-fields, additionalProperties, embedded resources and int-or-string", () => {
    expect(unknownFields(cr(), schemaV1, source, { sorted: true })).toEqual([
      "metadata.extra",
      "spec.ports[0].protocol",
      "spec.zzz",
      "status.conditions[1].lastTransitionTime",
      "spec.template.metadata.bad",
    ]);
  });

  it("prunes exactly those fields and keeps the rest", () => {
    const pruned = prune(cr(), schemaV1, source);
    const expected = widget();
    expected.spec.config.free = { deep: 1 };
    expected.spec.template.spec.whatever = true;
    expected.spec.port = 8080;
    expect(pruned).toEqual(expected);
    expect(unknownFields(pruned, schemaV1, source)).toEqual([]);
  });

  it("prunes everything below a schema that declares no fields", () => {
    const obj = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { a: 1 }, other: [{ b: 2 }] };
    const schema: Schema = { type: "object", properties: { spec: { type: "object" } } };
    expect(unknownFields(obj, schema, source)).toEqual(["spec.a", "other"]);
    expect(prune(obj, schema, source)).toEqual({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: {} });
  });
});
