import { describe, expect, it } from "vitest";
import { WatchHub, eventTypeFor, type WatchOptions } from "../../../src/durable-objects/store/watch-hub";
import type { StoreEvent } from "../../../src/durable-objects/store/store";

const opts = (over: Partial<WatchOptions> = {}): WatchOptions => ({
  matches: null,
  bookmarks: false,
  apiVersion: "v1",
  kind: "ConfigMap",
  deadline: Date.now() + 60_000,
  ...over,
});

const event = (rv: number, value: object, type: StoreEvent["type"] = "ADDED", prev: object | null = null): StoreEvent => ({
  rv,
  type,
  key: "ns/a",
  namespace: "ns",
  value: JSON.stringify(value),
  prev: prev && JSON.stringify(prev),
});

describe("WatchHub", () => {
  it("drops a watcher that stops reading instead of buffering without bound", async () => {
    const hub = new WatchHub(() => 1, 60_000);
    const stream = hub.open(opts(), []);
    const big = { metadata: { name: "a", namespace: "ns" }, data: { blob: "x".repeat(512 * 1024) } };
    for (let i = 0; i < 40 && hub.size > 0; i++) hub.publish(event(i + 1, big));
    expect(hub.size).toBe(0);
    // The client sees its stream fail, so it re-lists and watches again.
    const reader = stream.getReader();
    const drain = async () => {
      for (;;) if ((await reader.read()).done) return "closed";
    };
    await expect(drain()).rejects.toBe("watcher too slow");
  });

  it("delivers catch-up events before live ones, in order", async () => {
    const hub = new WatchHub(() => 2, 60_000);
    const stream = hub.open(opts(), [{ type: "ADDED", value: '{"metadata":{"name":"a"}}' }]);
    hub.publish(event(2, { metadata: { name: "b", namespace: "ns" } }));
    const reader = stream.getReader();
    let text = "";
    while (text.split("\n").length < 3) text += new TextDecoder().decode((await reader.read()).value);
    const names = text.trim().split("\n").map((l) => JSON.parse(l).object.metadata.name);
    expect(names).toEqual(["a", "b"]);
    reader.releaseLock();
  });
});

describe("eventTypeFor", () => {
  const team = (t: string) => ({ metadata: { name: "a", namespace: "ns", labels: { team: t } } });
  const onlyX = opts({ matches: (o) => o.metadata.labels?.team === "x" });

  it("reports a modification that leaves the selection as DELETED and one that enters as ADDED", () => {
    expect(eventTypeFor(onlyX, event(2, team("y"), "MODIFIED", team("x")))).toBe("DELETED");
    expect(eventTypeFor(onlyX, event(3, team("x"), "MODIFIED", team("y")))).toBe("ADDED");
    expect(eventTypeFor(onlyX, event(4, team("x"), "MODIFIED", team("x")))).toBe("MODIFIED");
    expect(eventTypeFor(onlyX, event(5, team("y"), "MODIFIED", team("y")))).toBeNull();
  });

  it("filters by namespace", () => {
    expect(eventTypeFor(opts({ namespace: "other" }), event(1, team("x")))).toBeNull();
  });
});
