// A hand-built Deployment-like schema in the shape the registry provides: named definitions
// reached through $ref (one wrapped in allOf, as upstream does when it adds a default), with the
// list/map semantics server-side apply reads.

import type { Schema, SchemaSource } from "../../../src/api/schema/types";

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: "string" };
const stringMap: Schema = { type: "object", additionalProperties: str };

const definitions: Record<string, Schema> = {
  Deployment: {
    type: "object",
    properties: { apiVersion: str, kind: str, metadata: ref("ObjectMeta"), spec: ref("DeploymentSpec"), status: ref("DeploymentStatus") },
  },
  ObjectMeta: {
    type: "object",
    properties: {
      name: str,
      namespace: str,
      uid: str,
      resourceVersion: str,
      generation: { type: "integer" },
      creationTimestamp: str,
      labels: stringMap,
      annotations: stringMap,
      finalizers: { type: "array", items: str, "x-kubernetes-list-type": "set" },
      managedFields: { type: "array", items: { type: "object" } },
    },
  },
  DeploymentSpec: {
    type: "object",
    properties: {
      replicas: { type: "integer" },
      selector: ref("LabelSelector"),
      template: { allOf: [ref("PodTemplateSpec")], default: {} },
      strategy: {
        type: "object",
        properties: {
          type: str,
          rollingUpdate: {
            type: "object",
            properties: { maxSurge: { "x-kubernetes-int-or-string": true }, maxUnavailable: { "x-kubernetes-int-or-string": true } },
          },
        },
      },
    },
  },
  LabelSelector: { type: "object", "x-kubernetes-map-type": "atomic", properties: { matchLabels: stringMap } },
  PodTemplateSpec: { type: "object", properties: { metadata: ref("ObjectMeta"), spec: ref("PodSpec") } },
  PodSpec: {
    type: "object",
    properties: {
      containers: { type: "array", items: ref("Container"), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"] },
      tolerations: { type: "array", items: ref("Toleration"), "x-kubernetes-list-type": "atomic" },
      nodeSelector: { ...stringMap, "x-kubernetes-map-type": "atomic" },
      // A schema-less subtree, as preserve-unknown-fields gives: maps granular, lists atomic.
      extra: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    },
  },
  Container: {
    type: "object",
    properties: {
      name: str,
      image: str,
      args: { type: "array", items: str },
      ports: {
        type: "array",
        items: ref("ContainerPort"),
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
      },
      env: { type: "array", items: ref("EnvVar"), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"] },
      resources: {
        type: "object",
        properties: {
          limits: { type: "object", additionalProperties: { "x-kubernetes-int-or-string": true } },
          requests: { type: "object", additionalProperties: { "x-kubernetes-int-or-string": true } },
        },
      },
    },
  },
  ContainerPort: { type: "object", properties: { containerPort: { type: "integer" }, protocol: { type: "string", default: "TCP" }, name: str } },
  EnvVar: { type: "object", properties: { name: str, value: str } },
  Toleration: { type: "object", properties: { key: str, operator: str, value: str, effect: str } },
  DeploymentStatus: {
    type: "object",
    properties: {
      replicas: { type: "integer" },
      conditions: {
        type: "array",
        items: { type: "object", properties: { type: str, status: str } },
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": ["type"],
      },
    },
  },
};

export const source: SchemaSource = {
  named: (r) => definitions[r.replace(/^#\/(components\/schemas|definitions)\//, "")],
};

export const schema = ref("Deployment");

/** What `kubectl apply --server-side` would send for a small Deployment. */
export function deployment() {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", labels: { app: "web" } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [{ name: "web", image: "nginx:1.25", ports: [{ containerPort: 80 }] }],
          tolerations: [{ key: "dedicated", operator: "Exists" }],
        },
      },
    },
  };
}
