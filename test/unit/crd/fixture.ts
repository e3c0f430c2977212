// A realistic CRD for the tests: two versions (v1 stored, v1beta1 served), printer columns with a
// filter, status and scale subresources, and a schema using most of what structural schemas offer.
import type { KubeObject } from "../../../src/api/object";
import type { Schema } from "../../../src/api/schema/types";

export const NOW = new Date("2024-06-01T12:00:00Z");

export const schemaV1: Schema = {
  type: "object",
  properties: {
    apiVersion: { type: "string" },
    kind: { type: "string" },
    metadata: { type: "object" },
    spec: {
      type: "object",
      required: ["image"],
      properties: {
        image: { type: "string", pattern: "^[a-z0-9./:-]+$", maxLength: 64 },
        replicas: { type: "integer", minimum: 0, maximum: 10, default: 1 },
        tier: { type: "string", enum: ["frontend", "backend"], default: "backend" },
        port: { "x-kubernetes-int-or-string": true },
        ratio: { type: "number", exclusiveMaximum: true, maximum: 1, multipleOf: 0.25 },
        schedule: { type: "string", format: "date-time" },
        tags: { type: "array", items: { type: "string", minLength: 2 }, maxItems: 3, "x-kubernetes-list-type": "set" },
        ports: {
          type: "array",
          "x-kubernetes-list-type": "map",
          "x-kubernetes-list-map-keys": ["name"],
          items: { type: "object", required: ["name"], properties: { name: { type: "string" }, number: { type: "integer" } } },
        },
        resources: {
          type: "object",
          default: {},
          properties: { cpu: { type: "string", default: "100m" }, memory: { type: "string" } },
        },
        labels: { type: "object", additionalProperties: { type: "string" }, maxProperties: 2 },
        config: { type: "object", "x-kubernetes-preserve-unknown-fields": true, properties: { mode: { type: "string" } } },
        template: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true },
        selector: { type: "string" },
      },
    },
    status: {
      type: "object",
      properties: {
        replicas: { type: "integer" },
        selector: { type: "string" },
        conditions: {
          type: "array",
          items: { type: "object", properties: { type: { type: "string" }, status: { type: "string" }, reason: { type: "string" } } },
        },
      },
    },
  },
};

export const crd = (): KubeObject => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.example.com", uid: "crd-uid", generation: 1 },
  spec: {
    group: "example.com",
    scope: "Namespaced",
    names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList", shortNames: ["wd"], categories: ["all"] },
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: { openAPIV3Schema: schemaV1 },
        subresources: {
          status: {},
          scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: ".status.selector" },
        },
        additionalPrinterColumns: [
          { name: "Replicas", type: "integer", jsonPath: ".spec.replicas" },
          { name: "Ready", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].status', description: "Whether it is ready" },
          { name: "Tier", type: "string", jsonPath: ".spec.tier", priority: 1 },
          { name: "Tags", type: "string", jsonPath: ".spec.tags" },
          { name: "Ratio", type: "number", jsonPath: ".spec.ratio", format: "float" },
          { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
        ],
      },
      {
        name: "v1beta1",
        served: true,
        storage: false,
        schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { image: { type: "string" } } } } } },
      },
      { name: "v1alpha1", served: false, storage: false, schema: { openAPIV3Schema: { type: "object" } } },
    ],
  },
});

/** A valid Widget at v1, created an hour before NOW. */
export const widget = (): KubeObject => ({
  apiVersion: "example.com/v1",
  kind: "Widget",
  metadata: { name: "w1", namespace: "default", uid: "w-uid", creationTimestamp: "2024-06-01T11:00:00Z", labels: { app: "web" } },
  spec: {
    image: "nginx:1.25",
    replicas: 3,
    tier: "frontend",
    port: "http",
    ratio: 0.5,
    tags: ["a1", "b2"],
    ports: [{ name: "http", number: 80 }],
    resources: { cpu: "1" },
    labels: { a: "b" },
    config: { mode: "fast", extra: { anything: true } },
    template: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [] } },
  },
  status: {
    replicas: 2,
    selector: "app=web",
    conditions: [
      { type: "Progressing", status: "True" },
      { type: "Ready", status: "False", reason: "Waiting" },
    ],
  },
});
