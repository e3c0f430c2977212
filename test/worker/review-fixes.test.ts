import { describe, expect, it } from "vitest";
import { api, apiJson, readEvents } from "./api";

// Behaviours found wrong in review, each pinned by the user-visible result.

let n = 0;
const ns = async () => {
  const name = `rf-${Date.now().toString(36)}-${n++}`;
  expect((await apiJson("POST", "/api/v1/namespaces", { metadata: { name } })).status).toBe(201);
  return name;
};
const merge = { "content-type": "application/merge-patch+json" };

describe("fixed after review", () => {
  it("keeps a pod in its grace period when something else updates it", async () => {
    const n1 = await ns();
    const pod = { metadata: { name: "p" }, spec: { nodeName: "some-node", containers: [{ name: "c", image: "nginx" }] } };
    expect((await apiJson("POST", `/api/v1/namespaces/${n1}/pods`, pod)).status).toBe(201);
    const deleted = await apiJson("DELETE", `/api/v1/namespaces/${n1}/pods/p`);
    expect(deleted.body.metadata.deletionGracePeriodSeconds).toBe(30);
    await apiJson("PATCH", `/api/v1/namespaces/${n1}/pods/p`, { metadata: { labels: { x: "y" } } }, merge);
    expect((await apiJson("GET", `/api/v1/namespaces/${n1}/pods/p`)).status).toBe(200);
    // The kubelet's final delete (grace 0) removes it.
    await apiJson("DELETE", `/api/v1/namespaces/${n1}/pods/p`, { gracePeriodSeconds: 0 });
    expect((await apiJson("GET", `/api/v1/namespaces/${n1}/pods/p`)).status).toBe(404);
  });

  it("retries concurrent patches instead of answering 409", async () => {
    const n1 = await ns();
    await apiJson("POST", `/api/v1/namespaces/${n1}/configmaps`, { metadata: { name: "c" } });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => apiJson("PATCH", `/api/v1/namespaces/${n1}/configmaps/c`, { data: { [`k${i}`]: "v" } }, merge)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(Object.keys((await apiJson("GET", `/api/v1/namespaces/${n1}/configmaps/c`)).body.data)).toHaveLength(12);
    // A patch that names a stale resourceVersion is still refused.
    const stale = await apiJson("PATCH", `/api/v1/namespaces/${n1}/configmaps/c`, { metadata: { resourceVersion: "1" }, data: { z: "1" } }, merge);
    expect(stale.status).toBe(409);
  });

  it("serves lists and watch catch-ups larger than one store answer", async () => {
    const n1 = await ns();
    const blob = "x".repeat(900 * 1024);
    const first = await apiJson("POST", `/api/v1/namespaces/${n1}/configmaps`, { metadata: { name: "big-0" }, data: { blob } });
    for (let i = 1; i < 20; i++) await apiJson("POST", `/api/v1/namespaces/${n1}/configmaps`, { metadata: { name: `big-${i}` }, data: { blob } });
    const list = await apiJson("GET", `/api/v1/namespaces/${n1}/configmaps`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(20);
    const res = await api("GET", `/api/v1/namespaces/${n1}/configmaps?watch=1&resourceVersion=${first.body.metadata.resourceVersion}`);
    expect((await readEvents(res, 19, 20_000)).length).toBe(19);
  });

  it("answers a dry-run create of an existing object with AlreadyExists", async () => {
    const n1 = await ns();
    await apiJson("POST", `/api/v1/namespaces/${n1}/configmaps`, { metadata: { name: "c" } });
    const dry = await apiJson("POST", `/api/v1/namespaces/${n1}/configmaps?dryRun=All`, { metadata: { name: "c" } });
    expect(dry.status).toBe(409);
    expect(dry.body.reason).toBe("AlreadyExists");
  });

  it("answers a malformed path escape with 400, not 500", async () => {
    const res = await apiJson("GET", "/api/v1/namespaces/%E0/configmaps");
    expect(res.status).toBe(400);
    expect(res.body.kind).toBe("Status");
  });
});
