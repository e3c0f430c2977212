import { describe, expect, it } from "vitest";
import { apiVersionOf, queryString, resourcePath, type ResourceRef } from "../../../src/client/paths";

const pods: ResourceRef = { group: "", version: "v1", resource: "pods", namespaced: true };
const nodes: ResourceRef = { group: "", version: "v1", resource: "nodes", namespaced: false };
const leases: ResourceRef = { group: "coordination.k8s.io", version: "v1", resource: "leases", namespaced: true };

describe("resourcePath", () => {
  it("puts the core group under /api and others under /apis/<group>", () => {
    expect(resourcePath(pods)).toBe("/api/v1/pods");
    expect(resourcePath(leases, { namespace: "kube-node-lease", name: "n1" })).toBe("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1");
  });

  it("adds the namespace only for namespaced resources", () => {
    expect(resourcePath(pods, { namespace: "ns" })).toBe("/api/v1/namespaces/ns/pods");
    expect(resourcePath(nodes, { namespace: "ns", name: "n1" })).toBe("/api/v1/nodes/n1");
  });

  it("appends subresources after the name and escapes names", () => {
    expect(resourcePath(pods, { namespace: "ns", name: "p", subresource: "status" })).toBe("/api/v1/namespaces/ns/pods/p/status");
    expect(resourcePath(nodes, { name: "a b/c" })).toBe("/api/v1/nodes/a%20b%2Fc");
  });

  it("rejects an empty name and a subresource without a name", () => {
    expect(() => resourcePath(pods, { name: "" })).toThrow(/must not be empty/);
    expect(() => resourcePath(pods, { subresource: "status" })).toThrow(/needs a name/);
  });

  it("answers apiVersion strings", () => {
    expect(apiVersionOf(pods)).toBe("v1");
    expect(apiVersionOf(leases)).toBe("coordination.k8s.io/v1");
  });
});

describe("queryString", () => {
  it("drops undefined values and encodes the rest", () => {
    expect(queryString({ watch: true, resourceVersion: undefined, fieldSelector: "spec.nodeName=a" })).toBe("?watch=true&fieldSelector=spec.nodeName%3Da");
    expect(queryString({ a: undefined })).toBe("");
  });
});
