import { describe, expect, it } from "vitest";
import { apply, deployment, podSpec, withPodSpec } from "./strategic-fixtures";

const names = (list: any[]) => list.map((c) => c.name);

describe("$setElementOrder", () => {
  it("kubectl apply removing a container: delete item plus the new order", () => {
    const patch = withPodSpec({
      "$setElementOrder/containers": [{ name: "web" }],
      containers: [{ $patch: "delete", name: "sidecar" }],
    });
    expect(podSpec(apply(deployment(), patch)).containers).toEqual([podSpec(deployment()).containers[0]]);
  });

  it("kubectl apply inserting a container in the middle", () => {
    const patch = withPodSpec({
      "$setElementOrder/containers": [{ name: "web" }, { name: "log" }, { name: "sidecar" }],
      containers: [{ name: "log", image: "fluentd" }],
    });
    expect(names(podSpec(apply(deployment(), patch)).containers)).toEqual(["web", "log", "sidecar"]);
  });

  it("reorders a list the patch does not otherwise touch", () => {
    const patch = withPodSpec({ "$setElementOrder/containers": [{ name: "sidecar" }, { name: "web" }] });
    const out = podSpec(apply(deployment(), patch)).containers;
    expect(names(out)).toEqual(["sidecar", "web"]);
    expect(out[1].image).toBe("nginx:1");
  });

  it("keeps server-only items where the live list had them", () => {
    // Live [old, web, metrics] (metrics added by someone else); the manifest went [old, web] → [web, log].
    const original = withPodSpec({ containers: [{ name: "old" }, { name: "web" }, { name: "metrics" }] });
    const patch = withPodSpec({
      "$setElementOrder/containers": [{ name: "web" }, { name: "log" }],
      containers: [{ name: "log" }, { name: "old", $patch: "delete" }],
    });
    // Upstream's reference order is the live list as merged in place: log takes old's freed slot.
    expect(names(podSpec(apply(original, patch)).containers)).toEqual(["web", "metrics", "log"]);
  });

  it("orders lists of scalars, alongside a deletion list (apply editing finalizers)", () => {
    const patch = {
      metadata: {
        "$setElementOrder/finalizers": ["c.example.com/three", "a.example.com/one"],
        "$deleteFromPrimitiveList/finalizers": ["b.example.com/two"],
        finalizers: ["c.example.com/three"],
      },
    };
    expect(apply(deployment(), patch).metadata.finalizers).toEqual(["c.example.com/three", "a.example.com/one"]);
  });

  it("adds a list the original lacks, in the patch's order", () => {
    const patch = withPodSpec({
      "$setElementOrder/volumes": [{ name: "a" }, { name: "b" }],
      volumes: [{ name: "a", emptyDir: {} }, { name: "b", emptyDir: {} }],
    });
    expect(names(podSpec(apply(withPodSpec({}), patch)).volumes)).toEqual(["a", "b"]);
  });
});

describe("$retainKeys", () => {
  it("switches a volume from emptyDir to configMap (kubectl apply on a merge,retainKeys list)", () => {
    const patch = withPodSpec({
      "$setElementOrder/volumes": [{ name: "data" }],
      volumes: [{ $retainKeys: ["configMap", "name"], configMap: { name: "cfg" }, name: "data" }],
    });
    expect(podSpec(apply(deployment(), patch)).volumes).toEqual([{ name: "data", configMap: { name: "cfg" } }]);
  });

  it("lets a null for a cleared key through", () => {
    const volume = { name: "data", $retainKeys: ["name", "secret"], emptyDir: null, secret: { secretName: "s" } };
    const patch = withPodSpec({ volumes: [volume] });
    expect(podSpec(apply(deployment(), patch)).volumes).toEqual([{ name: "data", secret: { secretName: "s" } }]);
  });

  it("is ordinary merging when absent", () => {
    const out = apply(deployment(), withPodSpec({ volumes: [{ name: "data", configMap: { name: "cfg" } }] }));
    expect(podSpec(out).volumes).toEqual([{ name: "data", emptyDir: {}, configMap: { name: "cfg" } }]);
  });
});

describe("$deleteFromPrimitiveList", () => {
  it("removes values from a list of scalars", () => {
    const out = apply(deployment(), { metadata: { "$deleteFromPrimitiveList/finalizers": ["a.example.com/one"] } });
    expect(out.metadata.finalizers).toEqual(["b.example.com/two"]);
  });

  it("never adds: missing values and missing lists stay missing", () => {
    const out = apply(deployment(), {
      metadata: { "$deleteFromPrimitiveList/finalizers": ["x"] },
      spec: { template: { metadata: { "$deleteFromPrimitiveList/finalizers": ["x"] } } },
    });
    expect(out.metadata.finalizers).toEqual(["a.example.com/one", "b.example.com/two"]);
    expect(out.spec.template.metadata).toEqual({ labels: { app: "web" } });
  });

  it("applies to lists without the merge strategy too, as upstream", () => {
    const patch = withPodSpec({ containers: [{ name: "web", "$deleteFromPrimitiveList/args": ["-g"] }] });
    const out = apply(deployment(), patch);
    expect(podSpec(out).containers[0].args).toEqual(["daemon off;"]);
  });
});

describe("$patch", () => {
  it("replace in a list item: the rest of the patch becomes the whole list", () => {
    const patch = withPodSpec({ containers: [{ $patch: "replace" }, { name: "only", image: "busybox" }] });
    expect(podSpec(apply(deployment(), patch)).containers).toEqual([{ name: "only", image: "busybox" }]);
    const emptied = apply(deployment(), withPodSpec({ containers: [{ $patch: "replace" }] }));
    expect(podSpec(emptied).containers).toEqual([]);
  });

  it("replace on a map: the patch's map, not a merge", () => {
    const resources = { limits: { cpu: "1" }, requests: { cpu: "1" } };
    const original = withPodSpec({ containers: [{ name: "web", resources }] });
    const replacement = { $patch: "replace", limits: { memory: "1Gi" } };
    const patch = withPodSpec({ containers: [{ name: "web", resources: replacement }] });
    expect(podSpec(apply(original, patch)).containers[0].resources).toEqual({ limits: { memory: "1Gi" } });
  });

  it("delete in a list of maps removes every item with that key", () => {
    const patch = withPodSpec({ containers: [{ name: "web", env: [{ name: "A", $patch: "delete" }] }] });
    expect(podSpec(apply(deployment(), patch)).containers[0].env).toEqual([{ name: "B", value: "2" }]);
  });

  it("delete on a map empties it (upstream keeps the key); on an absent key adds nothing", () => {
    const out = apply(deployment(), { metadata: { labels: { $patch: "delete" }, annotations: { $patch: "delete" } } });
    expect(out.metadata.labels).toEqual({});
    expect(out.metadata).not.toHaveProperty("annotations");
  });

  it("strips directives from content that lands as new", () => {
    const patch = withPodSpec({
      containers: [
        {
          name: "new",
          "$setElementOrder/env": [{ name: "X" }],
          env: [{ name: "X", value: "1" }, { name: "Y", $patch: "delete" }],
        },
      ],
    });
    const added = podSpec(apply(deployment(), patch)).containers[0];
    expect(added).toEqual({ name: "new", env: [{ name: "X", value: "1" }] });
  });
});
