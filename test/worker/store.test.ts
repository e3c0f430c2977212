import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, apiJson, readEvents } from "./api";

let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;

async function namespace(): Promise<string> {
  const name = unique("ns");
  const res = await apiJson("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  expect(res.status).toBe(201);
  return name;
}

const cm = (name: string, data: Record<string, string> = { a: "1" }, labels?: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, ...(labels ? { labels } : {}) },
  data,
});

describe("ResourceStore through the API", () => {
  it("stamps uid, creationTimestamp and strictly increasing resourceVersions", async () => {
    const ns = await namespace();
    const a = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("a"));
    const b = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("b"));
    expect(a.status).toBe(201);
    expect(a.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.body.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(b.body.metadata.resourceVersion)).toBeGreaterThan(Number(a.body.metadata.resourceVersion));
  });

  it("refuses a second create with AlreadyExists", async () => {
    const ns = await namespace();
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("dup"));
    const again = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("dup"));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ kind: "Status", reason: "AlreadyExists", message: 'configmaps "dup" already exists' });
  });

  it("answers a stale resourceVersion with 409 Conflict and keeps the newer write", async () => {
    const ns = await namespace();
    const created = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("c"));
    const stale = created.body;
    const first = await apiJson("PUT", `/api/v1/namespaces/${ns}/configmaps/c`, { ...stale, data: { a: "2" } });
    expect(first.status).toBe(200);
    const second = await apiJson("PUT", `/api/v1/namespaces/${ns}/configmaps/c`, { ...stale, data: { a: "3" } });
    expect(second.status).toBe(409);
    expect(second.body.reason).toBe("Conflict");
    expect(second.body.message).toContain("the object has been modified");
    const now = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps/c`);
    expect(now.body.data).toEqual({ a: "2" });
  });

  it("bumps generation on spec changes only", async () => {
    const ns = await namespace();
    const deploy = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } },
      },
    };
    const created = await apiJson("POST", `/apis/apps/v1/namespaces/${ns}/deployments`, deploy);
    expect(created.status).toBe(201);
    expect(created.body.metadata.generation).toBe(1);
    const labelled = await apiJson("PATCH", `/apis/apps/v1/namespaces/${ns}/deployments/web`, { metadata: { labels: { x: "y" } } }, {
      "content-type": "application/merge-patch+json",
    });
    expect(labelled.body.metadata.generation).toBe(1);
    const scaled = await apiJson("PATCH", `/apis/apps/v1/namespaces/${ns}/deployments/web`, { spec: { replicas: 3 } }, {
      "content-type": "application/merge-patch+json",
    });
    expect(scaled.body.metadata.generation).toBe(2);
    const status = await apiJson("PUT", `/apis/apps/v1/namespaces/${ns}/deployments/web/status`, { ...scaled.body, status: { replicas: 3 } });
    expect(status.body.metadata.generation).toBe(2);
    expect(status.body.status.replicas).toBe(3);
  });

  it("keeps an object with finalizers until the last one is removed", async () => {
    const ns = await namespace();
    const obj = { ...cm("held"), metadata: { name: "held", finalizers: ["example.com/hold"] } };
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, obj);
    const del = await apiJson("DELETE", `/api/v1/namespaces/${ns}/configmaps/held`);
    expect(del.status).toBe(200);
    expect(del.body.metadata.deletionTimestamp).toBeTruthy();
    const still = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps/held`);
    expect(still.status).toBe(200);
    expect(still.body.metadata.finalizers).toEqual(["example.com/hold"]);
    const released = await apiJson("PATCH", `/api/v1/namespaces/${ns}/configmaps/held`, { metadata: { finalizers: null } }, {
      "content-type": "application/merge-patch+json",
    });
    expect(released.status).toBe(200);
    const gone = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps/held`);
    expect(gone.status).toBe(404);
  });

  it("pages with limit/continue at one consistent revision", async () => {
    const ns = await namespace();
    for (const name of ["p1", "p2", "p3", "p4"]) await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm(name));
    const page1 = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?limit=2`);
    expect(page1.body.items.map((i: any) => i.metadata.name)).toEqual(["p1", "p2"]);
    expect(page1.body.metadata.remainingItemCount).toBe(2);
    // Writes after the first page do not show in later pages of the same list.
    await apiJson("DELETE", `/api/v1/namespaces/${ns}/configmaps/p3`);
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("p5"));
    const page2 = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?limit=2&continue=${encodeURIComponent(page1.body.metadata.continue)}`);
    expect(page2.body.items.map((i: any) => i.metadata.name)).toEqual(["p3", "p4"]);
    expect(page2.body.metadata.resourceVersion).toBe(page1.body.metadata.resourceVersion);
    expect(page2.body.metadata.continue).toBeUndefined();
  });

  it("filters lists by label and field selectors", async () => {
    const ns = await namespace();
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("l1", {}, { env: "a" }));
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("l2", {}, { env: "b" }));
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("l3", {}, { env: "c" }));
    const inSet = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?labelSelector=${encodeURIComponent("env in (a,b)")}`);
    expect(inSet.body.items.map((i: any) => i.metadata.name)).toEqual(["l1", "l2"]);
    const byName = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?fieldSelector=metadata.name%3Dl3`);
    expect(byName.body.items.map((i: any) => i.metadata.name)).toEqual(["l3"]);
    const bad = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?labelSelector=${encodeURIComponent("env in (a")}`);
    expect(bad.status).toBe(400);
    const badField = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?fieldSelector=spec.nope%3Dx`);
    expect(badField.status).toBe(400);
  });
});

describe("watch", () => {
  it("resumes from a resourceVersion, then streams live events", async () => {
    const ns = await namespace();
    const first = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("w1"));
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("w2"));
    const res = await api("GET", `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${first.body.metadata.resourceVersion}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("identity");
    const pending = readEvents(res, 2);
    await apiJson("PATCH", `/api/v1/namespaces/${ns}/configmaps/w1`, { data: { a: "9" } }, { "content-type": "application/merge-patch+json" });
    const events = await pending;
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ["ADDED", "w2"],
      ["MODIFIED", "w1"],
    ]);
    expect(events[1].object.data).toEqual({ a: "9" });
  });

  it("turns edits that leave or enter a label selection into DELETED and ADDED", async () => {
    const ns = await namespace();
    const created = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("sel", {}, { team: "x" }));
    const rv = created.body.metadata.resourceVersion;
    const res = await api("GET", `/api/v1/namespaces/${ns}/configmaps?watch=1&labelSelector=team%3Dx&resourceVersion=${rv}`);
    const pending = readEvents(res, 2);
    const merge = { "content-type": "application/merge-patch+json" };
    await apiJson("PATCH", `/api/v1/namespaces/${ns}/configmaps/sel`, { metadata: { labels: { team: "y" } } }, merge);
    await apiJson("PATCH", `/api/v1/namespaces/${ns}/configmaps/sel`, { metadata: { labels: { team: "x" } } }, merge);
    expect((await pending).map((e) => e.type)).toEqual(["DELETED", "ADDED"]);
  });

  it("sends BOOKMARK heartbeats to clients that allow them", async () => {
    const ns = await namespace();
    const res = await api("GET", `/api/v1/namespaces/${ns}/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=0`);
    const [event] = await readEvents(res, 1, 3000);
    expect(event.type).toBe("BOOKMARK");
    expect(event.object).toMatchObject({ kind: "ConfigMap", apiVersion: "v1" });
    expect(Number(event.object.metadata.resourceVersion)).toBeGreaterThan(0);
  });

  it("ends after timeoutSeconds", async () => {
    const ns = await namespace();
    const started = Date.now();
    const res = await api("GET", `/api/v1/namespaces/${ns}/configmaps?watch=true&timeoutSeconds=1`);
    await res.text();
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("answers a compacted resourceVersion with 410 Expired, and so does an old continue token", async () => {
    const ns = await namespace();
    const first = await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("old1"));
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("old2"));
    const page = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?limit=1`);
    await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm("old3"));
    // Compacting past the page's revision makes both the watch and the continue token too old.
    const store = env.STORE.get(env.STORE.idFromName("default/configmaps/0"));
    await store.compact();
    const res = await api("GET", `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${first.body.metadata.resourceVersion}`);
    const [event] = await readEvents(res, 1);
    expect(event.type).toBe("ERROR");
    expect(event.object).toMatchObject({ kind: "Status", code: 410, reason: "Expired" });
    expect(event.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    const next = await apiJson("GET", `/api/v1/namespaces/${ns}/configmaps?limit=1&continue=${encodeURIComponent(page.body.metadata.continue)}`);
    expect(next.status).toBe(410);
    expect(next.body.reason).toBe("Expired");
  });

  it("compacts the event log by itself so storage stays bounded", async () => {
    const ns = await namespace();
    const store = env.STORE.get(env.STORE.idFromName("default/configmaps/0"));
    const before = await store.compact(0);
    for (let i = 0; i < 120; i++) await apiJson("POST", `/api/v1/namespaces/${ns}/configmaps`, cm(`bulk${i}`));
    // STORE_RETAIN_EVENTS=40 in the test bindings: the log was compacted without being asked.
    expect(await store.compact(0)).toBeGreaterThan(before);
    const rev = await store.revision();
    expect(rev - (await store.compact(0))).toBeLessThanOrEqual(40 + 10);
  });
});
