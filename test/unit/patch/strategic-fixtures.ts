// A hand-built, Deployment-shaped schema for the strategic merge patch tests, written the way
// upstream's OpenAPI v3 writes built-ins: named schemas, `allOf`-wrapped $refs, and the patch
// extensions at the use site.

import { strategicMergePatch } from "../../../src/api/patch/strategic";
import type { Schema, SchemaSource } from "../../../src/api/schema/types";

const ref = (name: string): Schema => ({ allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} });
const str: Schema = { type: "string" };
const strMap: Schema = { type: "object", additionalProperties: str };
const mergeList = (item: Schema, mergeKey: string, strategy = "merge"): Schema => ({
  type: "array",
  items: item,
  "x-kubernetes-patch-strategy": strategy,
  "x-kubernetes-patch-merge-key": mergeKey,
});

const schemas: Record<string, Schema> = {
  Deployment: {
    type: "object",
    properties: { apiVersion: str, kind: str, metadata: ref("ObjectMeta"), spec: ref("DeploymentSpec") },
  },
  ObjectMeta: {
    type: "object",
    properties: {
      name: str,
      labels: strMap,
      annotations: strMap,
      // A list of scalars with the merge strategy: a set.
      finalizers: { type: "array", items: str, "x-kubernetes-patch-strategy": "merge" },
    },
  },
  DeploymentSpec: {
    type: "object",
    properties: {
      replicas: { type: "integer" },
      template: ref("PodTemplateSpec"),
      // Unknown content kept as-is: merges like a JSON merge patch.
      config: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    },
  },
  PodTemplateSpec: { type: "object", properties: { metadata: ref("ObjectMeta"), spec: ref("PodSpec") } },
  PodSpec: {
    type: "object",
    properties: {
      containers: mergeList(ref("Container"), "name"),
      volumes: mergeList(ref("Volume"), "name", "merge,retainKeys"),
      // No strategy: atomic, replaced wholesale.
      tolerations: { type: "array", items: ref("Toleration") },
      nodeSelector: strMap,
    },
  },
  Container: {
    type: "object",
    properties: {
      name: str,
      image: str,
      args: { type: "array", items: str },
      ports: mergeList(ref("ContainerPort"), "containerPort"),
      env: mergeList(ref("EnvVar"), "name"),
      resources: { type: "object", properties: { limits: strMap, requests: strMap } },
    },
  },
  ContainerPort: { type: "object", properties: { containerPort: { type: "integer" }, protocol: str, name: str } },
  EnvVar: { type: "object", properties: { name: str, value: str } },
  Toleration: { type: "object", properties: { key: str, operator: str, effect: str } },
  Volume: {
    type: "object",
    properties: {
      name: str,
      emptyDir: { type: "object", properties: { medium: str, sizeLimit: str } },
      configMap: { type: "object", properties: { name: str, defaultMode: { type: "integer" } } },
      secret: { type: "object", properties: { secretName: str } },
    },
  },
};

export const source: SchemaSource = {
  named: (r) => schemas[r.replace(/^#\/(components\/schemas|definitions)\//, "")],
};
export const deploymentSchema: Schema = { $ref: "#/components/schemas/Deployment" };

/** Applies a patch to a Deployment-shaped object. */
export function apply(original: unknown, patch: unknown): any {
  return strategicMergePatch(original, patch, deploymentSchema, source);
}

/** `{spec: {template: {spec: podSpec}}}`, the shape most kubectl patches take. */
export function withPodSpec(podSpec: Record<string, unknown>): Record<string, unknown> {
  return { spec: { template: { spec: podSpec } } };
}

/** The pod spec of a result. */
export function podSpec(obj: any): any {
  return obj.spec.template.spec;
}

export function deployment(): any {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", labels: { app: "web" }, finalizers: ["a.example.com/one", "b.example.com/two"] },
    spec: {
      replicas: 2,
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            {
              name: "web",
              image: "nginx:1",
              args: ["-g", "daemon off;"],
              ports: [{ containerPort: 80, protocol: "TCP" }],
              env: [
                { name: "A", value: "1" },
                { name: "B", value: "2" },
              ],
            },
            { name: "sidecar", image: "envoy:1" },
          ],
          volumes: [{ name: "data", emptyDir: {} }],
          tolerations: [{ key: "gpu", operator: "Exists" }],
        },
      },
    },
  };
}
