import { describe, expect, it } from "vitest";
import { api, apiJson } from "./api";

let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;

async function namespace(): Promise<string> {
  const name = unique("api");
  expect((await apiJson("POST", "/api/v1/namespaces", { metadata: { name } })).status).toBe(201);
  return name;
}

describe("public endpoints and discovery", () => {
  it("serves /version and health checks without credentials", async () => {
    const { exports } = await import("cloudflare:workers");
    const self = (exports as unknown as { default: Fetcher }).default;
    const version = await (await self.fetch("http://x/version")).json<Record<string, string>>();
    expect(version).toMatchObject({ major: "1", minor: "32" });
    expect(await (await self.fetch("http://x/readyz")).text()).toBe("ok");
    expect(await (await self.fetch("http://x/livez?verbose")).text()).toContain("livez check passed");
    const denied = await self.fetch("http://x/api/v1/namespaces");
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
  });

  it("serves legacy and aggregated discovery", async () => {
    const versions = await apiJson("GET", "/api");
    expect(versions.body).toMatchObject({ kind: "APIVersions", versions: ["v1"] });
    const groups = await apiJson("GET", "/apis");
    const autoscaling = groups.body.groups.find((g: any) => g.name === "autoscaling");
    expect(autoscaling.preferredVersion).toEqual({ groupVersion: "autoscaling/v2", version: "v2" });
    const apps = await apiJson("GET", "/apis/apps/v1");
    expect(apps.body.resources).toContainEqual({ name: "deployments/scale", singularName: "", namespaced: true, group: "autoscaling", version: "v1", kind: "Scale", verbs: ["get", "patch", "update"] });
    const accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
    const aggregated = await api("GET", "/apis", undefined, { accept });
    expect(aggregated.headers.get("content-type")).toBe("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    const doc = await aggregated.json<any>();
    const deployments = doc.items.find((g: any) => g.metadata.name === "apps").versions[0].resources.find((r: any) => r.resource === "deployments");
    expect(deployments).toMatchObject({ scope: "Namespaced", shortNames: ["deploy"], categories: ["all"], responseKind: { group: "apps", version: "v1", kind: "Deployment" } });
    const core = await (await api("GET", "/api", undefined, { accept })).json<any>();
    expect(core.items[0].metadata.name).toBe("");
    expect(core.items[0].versions[0].resources.map((r: any) => r.resource)).toContain("pods");
  });

  it("offers fieldValidation on PATCH in OpenAPI v3, as kubectl checks before leaving validation to the server", async () => {
    const root = await apiJson("GET", "/openapi/v3");
    const url = root.body.paths["apis/apps/v1"].serverRelativeURL;
    const doc = await apiJson("GET", url);
    const patch = doc.body.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"].patch;
    expect(patch["x-kubernetes-group-version-kind"]).toEqual({ group: "apps", version: "v1", kind: "Deployment" });
    expect(patch.parameters.map((p: any) => p.name)).toContain("fieldValidation");
  });
});

describe("errors at the edge", () => {
  it("answers unknown paths and resources with a 404 Status", async () => {
    for (const path of ["/apis/nope.example.com/v1", "/api/v1/nothings", "/apis/apps/v1/namespaces/x/deployments/a/b/c"]) {
      const res = await apiJson("GET", path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ kind: "Status", reason: "NotFound" });
    }
  });

  it("refuses verbs a resource does not serve with 405", async () => {
    const res = await apiJson("DELETE", "/api/v1/namespaces");
    expect(res.status).toBe(405);
    expect(res.body.reason).toBe("MethodNotAllowed");
  });

  it("refuses unknown media types with 415 and malformed bodies with 400", async () => {
    const ns = await namespace();
    const xml = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, "<x/>", { "content-type": "application/xml" });
    expect(xml.status).toBe(415);
    expect(xml.body.reason).toBe("UnsupportedMediaType");
    const broken = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, "{not json");
    expect(broken.status).toBe(400);
    expect(broken.body.reason).toBe("BadRequest");
    const wrongKind = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, { apiVersion: "v1", kind: "Secret", metadata: { name: "x" } });
    expect(wrongKind.status).toBe(400);
    const garbage = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, new Uint8Array([1, 2, 3]) as unknown as string, {
      "content-type": "application/vnd.kubernetes.protobuf",
    });
    expect(garbage.status).toBe(400);
  });

  it("refuses bodies over 3 MiB with 413 and keeps nothing", async () => {
    const ns = await namespace();
    const big = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "big" }, data: { blob: "x".repeat(3 * 1024 * 1024) } };
    const res = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, big);
    expect(res.status).toBe(413);
    expect(res.body.reason).toBe("RequestEntityTooLarge");
    expect((await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps/big`)).status).toBe(404);
  });

  it("refuses creates in a missing namespace (NamespaceLifecycle)", async () => {
    const res = await apiJson("POST", "/api/v1/namespaces/does-not-exist/configmaps", { metadata: { name: "x" } });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('namespaces "does-not-exist" not found');
  });

  it("reports invalid objects as 422 Invalid with field causes", async () => {
    const ns = await namespace();
    const res = await apiJson("POST", `/apis/apps/v1/namespaces/${ns}/deployments`, {
      metadata: { name: "bad" },
      spec: { selector: { matchLabels: { app: "a" } }, template: { metadata: { labels: { app: "b" } }, spec: { containers: [] } } },
    });
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe("Invalid");
    const fields = res.body.details.causes.map((c: any) => c.field);
    expect(fields).toContain("spec.template.metadata.labels");
    expect(fields).toContain("spec.template.spec.containers");
  });
});

describe("writes", () => {
  it("accepts YAML bodies", async () => {
    const ns = await namespace();
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  k: v\n";
    const res = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, yaml, { "content-type": "application/yaml" });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ k: "v" });
  });

  it("does not persist dryRun=All writes", async () => {
    const ns = await namespace();
    const res = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps?dryRun=All`, { metadata: { name: "dry" } });
    expect(res.status).toBe(201);
    expect(res.body.metadata.uid).toBeTruthy();
    expect((await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps/dry`)).status).toBe(404);
  });

  it("names objects from generateName", async () => {
    const ns = await namespace();
    const res = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, { metadata: { generateName: "gen-" } });
    expect(res.status).toBe(201);
    expect(res.body.metadata.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("reads and writes replicas through the scale subresource", async () => {
    const ns = await namespace();
    await apiJson("POST", `/apis/apps/v1/namespaces/${ns}/deployments`, {
      metadata: { name: "web" },
      spec: { replicas: 1, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
    });
    const scale = await apiJson("GET", `/apis/apps/v1/namespaces/${ns}/deployments/web/scale`);
    expect(scale.body).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", spec: { replicas: 1 }, status: { replicas: 0, selector: "app=web" } });
    const patched = await apiJson("PATCH", `/apis/apps/v1/namespaces/${ns}/deployments/web/scale`, { spec: { replicas: 4 } }, { "content-type": "application/merge-patch+json" });
    expect(patched.body.spec.replicas).toBe(4);
    expect((await apiJson("GET", `/apis/apps/v1/namespaces/${ns}/deployments/web`)).body.spec.replicas).toBe(4);
  });

  it("ignores status sent to the main resource and spec sent to /status", async () => {
    const ns = await namespace();
    const created = await apiJson("POST", `/api/v1/namespaces/${ns}/services`, {
      metadata: { name: "s" },
      spec: { ports: [{ port: 80 }] },
      status: { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } },
    });
    expect(created.body.status?.loadBalancer?.ingress).toBeUndefined();
    const withStatus = await apiJson("PUT", `/api/v1/namespaces/${ns}/services/s/status`, {
      ...created.body,
      spec: { ...created.body.spec, ports: [{ port: 81, protocol: "TCP", targetPort: 81 }] },
      status: { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } },
    });
    expect(withStatus.body.status.loadBalancer.ingress).toEqual([{ ip: "1.2.3.4" }]);
    expect(withStatus.body.spec.ports[0].port).toBe(80);
  });

  it("serves events through core/v1 and events.k8s.io/v1 from one store", async () => {
    const ns = await namespace();
    const created = await apiJson("POST", `/api/v1/namespaces/${ns}/events`, {
      metadata: { name: "ev1" },
      involvedObject: { kind: "Pod", name: "p", namespace: ns },
      reason: "Started",
      message: "Started container",
      type: "Normal",
    });
    expect(created.status).toBe(201);
    const v1 = await apiJson("GET", `/apis/events.k8s.io/v1/namespaces/${ns}/events/ev1`);
    expect(v1.body).toMatchObject({ apiVersion: "events.k8s.io/v1", kind: "Event", note: "Started container", regarding: { kind: "Pod", name: "p" } });
  });
});
