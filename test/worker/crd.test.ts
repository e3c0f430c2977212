import { describe, expect, it } from "vitest";
import { apiJson } from "./api";

const schema = {
  openAPIV3Schema: {
    type: "object",
    properties: {
      spec: { type: "object", properties: { size: { type: "integer" }, replicas: { type: "integer" } } },
      status: { type: "object", properties: { replicas: { type: "integer" }, phase: { type: "string" } } },
    },
  },
};

const crd = (group: string) => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: `widgets.${group}` },
  spec: {
    group,
    scope: "Namespaced",
    names: { plural: "widgets", singular: "widget", kind: "Widget" },
    versions: [
      { name: "v1", served: true, storage: false, schema },
      {
        name: "v2",
        served: true,
        storage: true,
        schema,
        subresources: { status: {}, scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" } },
      },
    ],
  },
});

const merge = { "content-type": "application/merge-patch+json" };

describe("custom resources", () => {
  it("establishes a CRD and serves every served version from one store", async () => {
    const group = `g${Date.now().toString(36)}.example.com`;
    const created = await apiJson("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd(group));
    expect(created.status).toBe(201);
    const conditions = Object.fromEntries(created.body.status.conditions.map((c: any) => [c.type, c.status]));
    expect(conditions).toMatchObject({ NamesAccepted: "True", Established: "True" });
    expect(created.body.status.storedVersions).toEqual(["v2"]);

    const w = await apiJson("POST", `/apis/${group}/v1/namespaces/default/widgets`, { apiVersion: `${group}/v1`, kind: "Widget", metadata: { name: "w" }, spec: { size: 3, replicas: 1 } });
    expect(w.status).toBe(201);
    const viaV2 = await apiJson("GET", `/apis/${group}/v2/namespaces/default/widgets/w`);
    expect(viaV2.body).toMatchObject({ apiVersion: `${group}/v2`, kind: "Widget", spec: { size: 3 } });
    expect(viaV2.body.metadata.uid).toBe(w.body.metadata.uid);

    // Strategic merge patches are for built-in kinds only, as upstream.
    const smp = await apiJson("PATCH", `/apis/${group}/v2/namespaces/default/widgets/w`, { spec: { size: 4 } }, { "content-type": "application/strategic-merge-patch+json" });
    expect(smp.status).toBe(415);

    // Unknown fields: Strict refuses them, the default (Warn) drops them with a warning.
    const strict = await apiJson("PATCH", `/apis/${group}/v2/namespaces/default/widgets/w?fieldValidation=Strict`, { spec: { colour: "red" } }, merge);
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe('strict decoding error: unknown field "spec.colour"');
  });

  it("splits spec from status and serves scale", async () => {
    const group = `s${Date.now().toString(36)}.example.com`;
    await apiJson("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd(group));
    const base = `/apis/${group}/v2/namespaces/default/widgets`;
    await apiJson("POST", base, { apiVersion: `${group}/v2`, kind: "Widget", metadata: { name: "w" }, spec: { replicas: 2 }, status: { phase: "ignored" } });
    const read = await apiJson("GET", `${base}/w`);
    expect(read.body.status).toBeUndefined();
    const status = await apiJson("PATCH", `${base}/w/status`, { spec: { replicas: 9 }, status: { replicas: 2, phase: "Ready" } }, merge);
    expect(status.body.status).toEqual({ replicas: 2, phase: "Ready" });
    expect(status.body.spec.replicas).toBe(2);
    const scaled = await apiJson("PATCH", `${base}/w/scale`, { spec: { replicas: 5 } }, merge);
    expect(scaled.body).toMatchObject({ kind: "Scale", spec: { replicas: 5 }, status: { replicas: 2 } });
    expect((await apiJson("GET", `${base}/w`)).body.spec.replicas).toBe(5);
  });
});
