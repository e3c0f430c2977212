import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster } from "../../scripts/cluster";
import { Informer, KubeClient, isAlreadyExists, isConflict, isGone, isNotFound, resources, type ApiError, type FetchLike, type WatchEvent } from "../../src/client";
import type { KubeObject } from "../../src/api/object";
import { loadKubeconfig } from "../../src/node-agent";
import { nodeFetch } from "../../src/node-agent/http";
import { eventually, freePort, requireKubectl, TestCluster } from "./harness";

// The shared typed client (src/client) against the real control plane, cross-checked with the real
// kubectl. The store keeps only 40 events and sends bookmarks every 300 ms, so compaction (410)
// and bookmarks happen within a test.

class SmallLogCluster extends TestCluster {
  override async start(): Promise<void> {
    this.port ??= await freePort();
    this.cluster = await startCluster({ dir: this.dir, port: this.port, bindings: { STORE_RETAIN_EVENTS: "40", WATCH_HEARTBEAT_MS: "300" } });
    await this.cluster.tick();
  }
}

/** A network fault between client and server: cuts open watch streams and holds new ones until healed. */
class Partition {
  private held: Promise<void> | undefined;
  private heal_: (() => void) | undefined;
  private readonly open = new Set<AbortController>();

  constructor(private readonly inner: FetchLike) {}

  readonly fetch: FetchLike = async (url, init) => {
    if (!url.includes("watch=true")) return this.inner(url, init);
    await this.held;
    const ctrl = new AbortController();
    init.signal?.addEventListener("abort", () => ctrl.abort(), { once: true });
    this.open.add(ctrl);
    return this.inner(url, { ...init, signal: ctrl.signal });
  };

  cut(): void {
    this.held ??= new Promise((resolve) => (this.heal_ = resolve));
    for (const c of this.open) c.abort();
    this.open.clear();
  }

  heal(): void {
    this.heal_?.();
    this.held = undefined;
  }
}

const tc = new SmallLogCluster();
let http: ReturnType<typeof nodeFetch>;
let partition: Partition;
let client: KubeClient;


const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "client" }, data });

beforeAll(async () => {
  requireKubectl();
  await tc.start();
  const conn = loadKubeconfig(tc.cluster.kubeconfig);
  http = nodeFetch(conn);
  partition = new Partition(http.fetch);
  client = new KubeClient({ server: conn.server, token: conn.token, fetch: partition.fetch });
  await tc.ok(["create", "namespace", "client"]);
});

afterAll(async () => {
  await http?.close();
  await tc.stop();
});

describe("client", () => {
  it("creates, reads, updates, patches and deletes, with typed errors", async () => {
    const made = await client.create(resources.configmaps, cm("one", { a: "1" }));
    expect(made.metadata.uid).toBeTruthy();
    const again = await client.create(resources.configmaps, cm("one")).catch((e: ApiError) => e);
    expect(isAlreadyExists(again)).toBe(true);
    expect((again as ApiError).status).toMatchObject({ kind: "Status", code: 409, reason: "AlreadyExists", details: { name: "one", kind: "configmaps" } });

    const updated = await client.update(resources.configmaps, { ...made, data: { a: "2" } });
    const stale = await client.update(resources.configmaps, { ...made, data: { a: "3" } }).catch((e: ApiError) => e);
    expect(isConflict(stale)).toBe(true);
    expect(updated.data).toEqual({ a: "2" });

    await client.patch(resources.configmaps, "one", { data: { b: "1" } }, { namespace: "client" });
    await client.patch(resources.configmaps, "one", { data: { c: "1" } }, { namespace: "client", type: "strategic" });
    await client.patch(resources.configmaps, "one", [{ op: "remove", path: "/data/a" }], { namespace: "client", type: "json" });
    expect((await client.get(resources.configmaps, "one", "client")).data).toEqual({ b: "1", c: "1" });
    expect(await tc.ok(["-n", "client", "get", "configmap", "one", "-o", "jsonpath={.data}"])).toBe('{"b":"1","c":"1"}');

    const list = await client.list(resources.configmaps, { namespace: "client", fieldSelector: "metadata.name=one" });
    expect(list.items.map((i) => i.metadata.name)).toEqual(["one"]);
    await client.delete(resources.configmaps, "one", { namespace: "client" });
    const missing = await client.get(resources.configmaps, "one", "client").catch((e: ApiError) => e);
    expect(isNotFound(missing)).toBe(true);
    expect((missing as ApiError).message).toBe('configmaps "one" not found');
  });

  it("watches from a resourceVersion across a cut stream, with bookmarks, and reports a compacted point as 410", async () => {
    const start = (await client.list(resources.configmaps, { namespace: "client" })).metadata.resourceVersion!;
    const seen: WatchEvent[] = [];
    const ctrl = new AbortController();
    const done = (async () => {
      for await (const ev of client.watch(resources.configmaps, { namespace: "client", resourceVersion: start, signal: ctrl.signal, retryDelayMs: 50 })) seen.push(ev);
    })();
    const names = (type: string) => seen.filter((e) => e.type === type).map((e) => (e.object as KubeObject).metadata.name);
    await client.create(resources.configmaps, cm("w1"));
    await eventually("w1", () => names("ADDED").includes("w1"));
    partition.cut();
    await client.create(resources.configmaps, cm("w2"));
    await client.delete(resources.configmaps, "w1", { namespace: "client" });
    partition.heal();
    await eventually("w2 and the delete of w1", () => names("ADDED").includes("w2") && names("DELETED").includes("w1"));
    await eventually("a bookmark", () => seen.some((e) => e.type === "BOOKMARK"));
    expect(names("ADDED")).toEqual(["w1", "w2"]);
    ctrl.abort();
    await done;

    for (let i = 0; i < 60; i++) await client.create(resources.configmaps, cm(`fill-${i}`));
    const expired = client.watch(resources.configmaps, { namespace: "client", resourceVersion: start });
    const err = await expired.next().catch((e: ApiError) => e);
    expect(isGone(err)).toBe(true);
    expect((err as ApiError).status).toMatchObject({ code: 410, reason: "Expired" });
  });

  it("informs: lists, then sees changes, and re-lists (reporting missed deletes) after a 410", async () => {
    await client.create(resources.configmaps, cm("keep"));
    await client.create(resources.configmaps, cm("doomed"));
    const informer = new Informer(client, resources.configmaps, { namespace: "client", labelSelector: "", idleTimeoutMs: 5000 });
    const heard: string[] = [];
    informer.on({
      add: (o) => heard.push(`add ${o.metadata.name}`),
      update: (_old, o) => heard.push(`update ${o.metadata.name}`),
      delete: (o) => heard.push(`delete ${o.metadata.name}`),
    });
    await informer.start();
    try {
      expect(informer.hasSynced).toBe(true);
      expect(informer.get("keep", "client")).toBeTruthy();
      await tc.ok(["-n", "client", "label", "configmap", "keep", "x=1"]);
      await eventually("the label", () => informer.get("keep", "client")?.metadata.labels?.x === "1");
      expect(heard).toContain("update keep");

      // While the watch is cut, more than the store keeps happens: resuming gets 410, the informer re-lists.
      partition.cut();
      await client.delete(resources.configmaps, "doomed", { namespace: "client" });
      for (let i = 0; i < 60; i++) await client.patch(resources.configmaps, "keep", { data: { n: String(i) } }, { namespace: "client" });
      await client.create(resources.configmaps, cm("late"));
      partition.heal();
      await eventually("the re-list", () => informer.lists >= 2 && heard.includes("add late"));
      expect(heard).toContain("delete doomed");
      expect(informer.get("doomed", "client")).toBeUndefined();
      expect(informer.get("keep", "client")?.data).toEqual({ n: "59" });
    } finally {
      await informer.stop();
    }
  });
});
