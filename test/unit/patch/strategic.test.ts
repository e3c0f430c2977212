import { describe, expect, it } from "vitest";
import { strategicMergePatch } from "../../../src/api/patch/strategic";
import { apply, deployment, podSpec, source, withPodSpec } from "./strategic-fixtures";

describe("strategic merge patch: maps", () => {
  it("merges maps recursively and never mutates its inputs", () => {
    const original = deployment();
    const patch = { metadata: { labels: { tier: "front" } }, spec: { replicas: 3 } };
    const before = JSON.stringify([original, patch]);
    const out = apply(original, patch);
    expect(out.metadata.labels).toEqual({ app: "web", tier: "front" });
    expect(out.spec.replicas).toBe(3);
    expect(podSpec(out).containers).toHaveLength(2);
    expect(JSON.stringify([original, patch])).toBe(before);
    expect(out).not.toBe(original);
    expect(out.spec.template).not.toBe(original.spec.template);
  });

  it("deletes keys set to null, and ignores nulls for keys that are absent", () => {
    const out = apply(deployment(), { metadata: { labels: { app: null, gone: null } }, spec: { replicas: null } });
    expect(out.metadata.labels).toEqual({});
    expect(out.spec).not.toHaveProperty("replicas");
  });

  it("drops nulls inside content that is new", () => {
    const out = apply(deployment(), withPodSpec({ nodeSelector: { zone: "a", disk: null } }));
    expect(podSpec(out).nodeSelector).toEqual({ zone: "a" });
  });

  it("treats a null or absent document as empty, as upstream decodes it", () => {
    expect(apply(null, { metadata: { name: "x" } })).toEqual({ metadata: { name: "x" } });
    expect(apply({ a: 1 }, null)).toEqual({ a: 1 });
  });

  it("replaces a value whose type changes", () => {
    const out = apply({ spec: { config: { mode: "x" } } }, { spec: { config: ["a"] } });
    expect(out.spec.config).toEqual(["a"]);
  });
});

describe("strategic merge patch: lists", () => {
  it("changes one container's image and keeps everything else (kubectl patch deploy web -p …)", () => {
    const original = deployment();
    const out = apply(original, withPodSpec({ containers: [{ name: "web", image: "nginx:2" }] }));
    const [web, sidecar] = podSpec(out).containers;
    expect(web).toEqual({ ...podSpec(original).containers[0], image: "nginx:2" });
    expect(sidecar).toEqual({ name: "sidecar", image: "envoy:1" });
  });

  it("adds a container: without $setElementOrder upstream puts new items first", () => {
    const out = apply(deployment(), withPodSpec({ containers: [{ name: "log", image: "fluentd" }] }));
    expect(podSpec(out).containers.map((c: any) => c.name)).toEqual(["log", "web", "sidecar"]);
  });

  it("merges nested lists by their own keys (env by name, ports by containerPort)", () => {
    const patch = withPodSpec({
      containers: [
        {
          name: "web",
          env: [{ name: "B", value: "two" }, { name: "C", value: "3" }],
          ports: [{ containerPort: 80, name: "http" }],
        },
      ],
    });
    const web = podSpec(apply(deployment(), patch)).containers[0];
    // B and C are in the patch, in that order; A is server-only and came before B in the live list.
    expect(web.env).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "two" },
      { name: "C", value: "3" },
    ]);
    expect(web.ports).toEqual([{ containerPort: 80, protocol: "TCP", name: "http" }]);
  });

  it("keeps the patch's order for the items it names", () => {
    const out = apply(deployment(), withPodSpec({ containers: [{ name: "sidecar" }, { name: "web" }] }));
    expect(podSpec(out).containers.map((c: any) => c.name)).toEqual(["sidecar", "web"]);
  });

  it("merges a list of scalars with the merge strategy as a set union", () => {
    const out = apply(deployment(), { metadata: { finalizers: ["b.example.com/two", "c.example.com/three"] } });
    expect(out.metadata.finalizers).toEqual(["a.example.com/one", "b.example.com/two", "c.example.com/three"]);
  });

  it("replaces lists without a merge strategy (tolerations, args)", () => {
    const patch = withPodSpec({
      tolerations: [{ key: "spot", operator: "Exists" }],
      containers: [{ name: "web", args: ["-v"] }],
    });
    const spec = podSpec(apply(deployment(), patch));
    expect(spec.tolerations).toEqual([{ key: "spot", operator: "Exists" }]);
    expect(spec.containers[0].args).toEqual(["-v"]);
  });

  it("takes a list that the original does not have", () => {
    const original = deployment();
    delete podSpec(original).volumes;
    const out = apply(original, withPodSpec({ volumes: [{ name: "cache", emptyDir: { medium: null } }] }));
    expect(podSpec(out).volumes).toEqual([{ name: "cache", emptyDir: {} }]);
  });
});

describe("strategic merge patch: schema-less subtrees", () => {
  const schemaless = (original: unknown, patch: unknown) => strategicMergePatch(original, patch, undefined, source);

  it("merges maps and replaces lists when there is no schema", () => {
    const out = schemaless({ a: { b: 1, c: [1, 2] }, d: [{ name: "x", v: 1 }] }, { a: { c: [3] }, d: [{ name: "x" }] });
    expect(out).toEqual({ a: { b: 1, c: [3] }, d: [{ name: "x" }] });
  });

  it("merges preserve-unknown-fields content like a JSON merge patch", () => {
    const original = { spec: { config: { rules: [{ name: "a", allow: true }], level: 1, keep: "yes" } } };
    const out = apply(original, { spec: { config: { rules: [{ name: "b" }], level: null, $ref: "data" } } });
    expect(out.spec.config).toEqual({ rules: [{ name: "b" }], keep: "yes", $ref: "data" });
  });

  it("merges fields the schema does not know without a strategy", () => {
    const out = apply({ status: { conditions: [{ type: "A" }] } }, { status: { conditions: [{ type: "B" }] } });
    expect(out.status.conditions).toEqual([{ type: "B" }]);
  });
});
