// Spot checks of the built-in schemas against upstream 1.32's published OpenAPI.

import { describe, expect, it } from "vitest";
import { builtinSchemas, kindSchemaName, listSchemaName } from "../../../src/api/schema/builtin";
import { resolve, type Schema } from "../../../src/api/schema/types";

const CORE = "io.k8s.api.core.v1.";
const META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function named(name: string): Schema {
  const s = builtinSchemas.named(name);
  if (!s) throw new Error(`no schema ${name}`);
  return s;
}
// Shapes only: descriptions are merged in from a separate module and checked on their own below.
function shape<T>(v: T): T {
  if (Array.isArray(v)) return v.map(shape) as T;
  if (!v || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== "description").map(([k, x]) => [k, shape(x)])) as T;
}
const prop = (name: string, field: string): Schema => shape(named(name).properties?.[field] ?? {});

describe("built-in schemas: kinds and their types", () => {
  it("types Deployment's spec, selector and pod template", () => {
    const d = named("io.k8s.api.apps.v1.Deployment");
    expect(d.type).toBe("object");
    expect(d["x-kubernetes-group-version-kind"]).toEqual([{ group: "apps", version: "v1", kind: "Deployment" }]);
    expect(prop("io.k8s.api.apps.v1.Deployment", "spec")).toEqual(ref("io.k8s.api.apps.v1.DeploymentSpec"));
    expect(prop("io.k8s.api.apps.v1.Deployment", "metadata")).toEqual(ref(`${META}ObjectMeta`));
    expect(prop("io.k8s.api.apps.v1.Deployment", "apiVersion")).toEqual({ type: "string" });
    expect(prop("io.k8s.api.apps.v1.DeploymentSpec", "template")).toEqual(ref(`${CORE}PodTemplateSpec`));
    expect(prop("io.k8s.api.apps.v1.DeploymentSpec", "selector")).toEqual(ref(`${META}LabelSelector`));
    expect(prop("io.k8s.api.apps.v1.DeploymentSpec", "replicas")).toEqual({ type: "integer", format: "int32" });
    expect(prop(`${CORE}PodTemplateSpec`, "spec")).toEqual(ref(`${CORE}PodSpec`));
    expect(resolve(named(`${CORE}PodTemplateSpec`).properties?.spec, builtinSchemas)).toBe(named(`${CORE}PodSpec`));
  });

  it("carries strategic-merge and apply metadata on lists", () => {
    expect(prop(`${CORE}PodSpec`, "containers")).toEqual({
      type: "array",
      items: ref(`${CORE}Container`),
      "x-kubernetes-patch-strategy": "merge",
      "x-kubernetes-patch-merge-key": "name",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name"],
    });
    expect(prop(`${CORE}Container`, "ports")).toMatchObject({
      "x-kubernetes-patch-strategy": "merge",
      "x-kubernetes-patch-merge-key": "containerPort",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
    });
    expect(prop(`${CORE}PodSpec`, "volumes")).toMatchObject({
      "x-kubernetes-patch-strategy": "merge,retainKeys",
      "x-kubernetes-patch-merge-key": "name",
    });
    expect(prop(`${META}ObjectMeta`, "finalizers")).toEqual({
      type: "array",
      items: { type: "string" },
      "x-kubernetes-patch-strategy": "merge",
      "x-kubernetes-list-type": "set",
    });
    expect(prop(`${CORE}ServiceSpec`, "ports")).toMatchObject({ "x-kubernetes-list-map-keys": ["port", "protocol"] });
    expect(prop(`${CORE}PodSpec`, "tolerations")).toEqual({
      type: "array",
      items: ref(`${CORE}Toleration`),
      "x-kubernetes-list-type": "atomic",
    });
    expect(prop("io.k8s.api.apps.v1.DeploymentSpec", "strategy")["x-kubernetes-patch-strategy"]).toBe("retainKeys");
  });

  it("types maps, scalars and map/struct semantics", () => {
    expect(prop(`${META}ObjectMeta`, "labels")).toEqual({ type: "object", additionalProperties: { type: "string" } });
    expect(prop(`${META}ObjectMeta`, "generation")).toEqual({ type: "integer", format: "int64" });
    expect(prop(`${CORE}Secret`, "data")).toEqual({ type: "object", additionalProperties: { type: "string", format: "byte" } });
    expect(prop(`${CORE}PodSpec`, "nodeSelector")["x-kubernetes-map-type"]).toBe("atomic");
    expect(prop(`${CORE}PersistentVolumeSpec`, "claimRef")["x-kubernetes-map-type"]).toBe("granular");
    expect(named(`${META}LabelSelector`)["x-kubernetes-map-type"]).toBe("atomic");
    expect(prop(`${CORE}ResourceRequirements`, "limits")).toEqual({
      type: "object",
      additionalProperties: ref("io.k8s.apimachinery.pkg.api.resource.Quantity"),
    });
    expect(prop("io.k8s.api.certificates.v1.CertificateSigningRequestSpec", "extra")).toEqual({
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
    });
  });

  it("lists required fields as upstream does", () => {
    expect(named(`${CORE}Container`).required).toEqual(["name"]);
    expect(named(`${META}ObjectMeta`).required).toBeUndefined();
    expect(named("io.k8s.api.apps.v1.DeploymentSpec").required).toEqual(["selector", "template"]);
    expect(named("io.k8s.api.apps.v1.StatefulSetSpec").required).toEqual(["selector", "template", "serviceName"]);
    expect(named(`${CORE}ContainerPort`).required).toEqual(["containerPort"]);
    expect(named(`${CORE}Event`).required).toEqual(["metadata", "involvedObject"]);
  });

  it("flattens inlined structs into their parent", () => {
    const volume = named(`${CORE}Volume`);
    expect(volume.required).toEqual(["name"]);
    expect(prop(`${CORE}Volume`, "configMap")).toEqual(ref(`${CORE}ConfigMapVolumeSource`));
    expect(Object.keys(named(`${CORE}Probe`).properties ?? {})).toEqual(expect.arrayContaining(["exec", "httpGet", "periodSeconds"]));
    const eph = named(`${CORE}EphemeralContainer`);
    expect(eph.required).toEqual(["name"]);
    expect(Object.keys(eph.properties ?? {})).toEqual(expect.arrayContaining(["image", "targetContainerName"]));
    expect(prop(`${CORE}ConfigMapKeySelector`, "name")).toEqual({ type: "string" });
  });

  it("serves 1.32: fields added later are decoded but not published", () => {
    expect(named(`${CORE}Lifecycle`).properties?.stopSignal).toBeUndefined();
    expect(named("io.k8s.api.apps.v1.DeploymentStatus").properties?.terminatingReplicas).toBeUndefined();
  });
});

describe("built-in schemas: value types", () => {
  it("matches upstream's forms, said with structural extensions", () => {
    expect(named("io.k8s.apimachinery.pkg.util.intstr.IntOrString")).toMatchObject({ "x-kubernetes-int-or-string": true });
    expect(named("io.k8s.apimachinery.pkg.api.resource.Quantity")).toMatchObject({ "x-kubernetes-int-or-string": true });
    expect(shape(named(`${META}Time`))).toEqual({ type: "string", format: "date-time" });
    expect(shape(named(`${META}MicroTime`))).toEqual({ type: "string", format: "date-time" });
    expect(named("io.k8s.apimachinery.pkg.runtime.RawExtension")).toMatchObject({
      type: "object",
      "x-kubernetes-preserve-unknown-fields": true,
    });
  });

  it("describes JSONSchemaProps recursively, as upstream", () => {
    const P = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";
    const props = shape(named(`${P}JSONSchemaProps`).properties ?? {});
    expect(props.properties).toEqual({ type: "object", additionalProperties: ref(`${P}JSONSchemaProps`) });
    expect(props.allOf).toEqual({ type: "array", items: ref(`${P}JSONSchemaProps`), "x-kubernetes-list-type": "atomic" });
    expect(props.not).toEqual(ref(`${P}JSONSchemaProps`));
    expect(props.items).toEqual(ref(`${P}JSONSchemaPropsOrArray`));
    expect(props.additionalProperties).toEqual(ref(`${P}JSONSchemaPropsOrBool`));
    expect(props.default).toEqual(ref(`${P}JSON`));
    expect(props.$ref).toEqual({ type: "string" });
    expect(props["x-kubernetes-validations"]).toMatchObject({ "x-kubernetes-list-map-keys": ["rule"] });
    expect(shape(named(`${P}JSON`))).toEqual({ "x-kubernetes-preserve-unknown-fields": true });
  });
});

describe("built-in schemas: descriptions", () => {
  it("merges the description module at the type, the field and the use of a $ref", () => {
    const text = (v: unknown) => expect(typeof v === "string" && v.length > 0, String(v)).toBe(true);
    text(named("io.k8s.api.apps.v1.Deployment").description);
    text(named("io.k8s.api.apps.v1.DeploymentSpec").properties?.replicas?.description);
    const spec = named("io.k8s.api.apps.v1.Deployment").properties?.spec;
    expect(spec?.$ref).toBeDefined();
    text(spec?.description);
    // Inlined fields are described under the outer type (upstream documents them there).
    text(named(`${CORE}Probe`).properties?.exec?.description);
    text(named(`${CORE}Volume`).properties?.configMap?.description);
  });
});

describe("built-in schema names", () => {
  it("names kinds and lists by group, version and kind", () => {
    expect(kindSchemaName("", "v1", "Event")).toBe(`${CORE}Event`);
    expect(kindSchemaName("events.k8s.io", "v1", "Event")).toBe("io.k8s.api.events.v1.Event");
    expect(kindSchemaName("autoscaling", "v1", "HorizontalPodAutoscaler")).toBe("io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler");
    expect(kindSchemaName("autoscaling", "v2", "HorizontalPodAutoscaler")).toBe("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler");
    expect(kindSchemaName("apiextensions.k8s.io", "v1", "CustomResourceDefinition")).toBe(
      "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
    );
    expect(kindSchemaName("", "v1", "PodSpec")).toBeUndefined();
    expect(kindSchemaName("example.com", "v1", "Widget")).toBeUndefined();
    expect(listSchemaName("apps", "v1", "Deployment")).toBe("io.k8s.api.apps.v1.DeploymentList");
    expect(listSchemaName("authentication.k8s.io", "v1", "TokenRequest")).toBeUndefined();
  });

  it("publishes lists like upstream", () => {
    expect(shape(named("io.k8s.api.apps.v1.DeploymentList"))).toEqual({
      type: "object",
      properties: {
        apiVersion: { type: "string" },
        kind: { type: "string" },
        items: { type: "array", items: ref("io.k8s.api.apps.v1.Deployment") },
        metadata: ref(`${META}ListMeta`),
      },
      required: ["items"],
      "x-kubernetes-group-version-kind": [{ group: "apps", version: "v1", kind: "DeploymentList" }],
    });
    expect(builtinSchemas.named(`${CORE}PodSpecList`)).toBeUndefined();
  });

  it("accepts every $ref spelling, caches, and freezes", () => {
    const s = named(`${CORE}Pod`);
    expect(builtinSchemas.named(`#/components/schemas/${CORE}Pod`)).toBe(s);
    expect(builtinSchemas.named(`#/definitions/${CORE}Pod`)).toBe(s);
    expect(Object.isFrozen(s.properties?.spec)).toBe(true);
    expect(builtinSchemas.named("io.k8s.api.core.v1.constructor")).toBeUndefined();
    expect(builtinSchemas.named("nonsense")).toBeUndefined();
  });
});
