import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { MemoryCache } from "../../../src/controllers/memory-cache";

const pod = (name: string, rv: number): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "ns", resourceVersion: String(rv) } });

describe("MemoryCache under out-of-order changes", () => {
  it("keeps what was written while a re-list was in flight", () => {
    const cache = new MemoryCache();
    // Listed at revision 10, but a pod created at revision 12 reached the cache first.
    cache.put("pods", pod("new", 12));
    cache.replace("pods", [pod("old", 9)], 10);
    expect(cache.list("pods").map((p) => p.metadata.name).sort()).toEqual(["new", "old"]);
  });

  it("drops what a re-list no longer has, when the list is newer", () => {
    const cache = new MemoryCache();
    cache.put("pods", pod("gone", 5));
    cache.replace("pods", [], 10);
    expect(cache.list("pods")).toEqual([]);
  });

  it("does not let an older copy bring a deleted object back", () => {
    const cache = new MemoryCache();
    cache.put("pods", pod("p", 5));
    cache.remove("pods", "ns", "p", "8");
    cache.put("pods", pod("p", 6));
    cache.replace("pods", [pod("p", 7)], 7);
    expect(cache.get("pods", "ns", "p")).toBeUndefined();
    // A newer object of the same name is a new object.
    cache.put("pods", pod("p", 9));
    expect(cache.get("pods", "ns", "p")?.metadata.resourceVersion).toBe("9");
  });
});
