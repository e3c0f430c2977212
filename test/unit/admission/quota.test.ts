import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { checkQuota } from "../../../src/api/admission/quota";

function quota(name: string, hard: Record<string, string>, used?: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: { name, namespace: "ns", resourceVersion: "7" },
    spec: { hard, ...spec },
    ...(used ? { status: { hard, used } } : {}),
  };
}

function pod(name: string, containers: Record<string, any>[], spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "ns" }, spec: { containers, ...spec } };
}
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>) => ({ name, image: "x", resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });

describe("quota admission", () => {
  it("refuses a pod over the pods limit with upstream's message", () => {
    const r = checkQuota({ operation: "CREATE", resource: "pods", object: pod("x", [c("app")]) }, [quota("q", { pods: "2" }, { pods: "2" })]);
    expect(r.updates).toEqual([]);
    expect(r.error?.code).toBe(403);
    expect(r.error?.toStatus()).toMatchObject({
      reason: "Forbidden",
      message: 'pods "x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2',
      details: { name: "x", kind: "pods" },
    });
  });

  it("charges the quota and returns the status to persist", () => {
    const q = quota("q", { pods: "5", "requests.cpu": "2", "limits.memory": "2Gi" }, { pods: "1", "requests.cpu": "500m", "limits.memory": "512Mi" });
    const r = checkQuota({ operation: "CREATE", resource: "pods", object: pod("x", [c("app", { cpu: "250m", memory: "64Mi" }, { memory: "128Mi" })]) }, [q]);
    expect(r.error).toBeUndefined();
    expect(r.updates).toHaveLength(1);
    expect(r.updates[0]!.metadata.resourceVersion).toBe("7");
    expect(r.updates[0]!.status.used).toEqual({ "limits.memory": "640Mi", pods: "2", "requests.cpu": "750m" });
    expect(q.status!.used.pods).toBe("1"); // the input is not mutated
  });

  it("names only the exceeded resources, sorted", () => {
    const q = quota("compute", { "requests.cpu": "1", "requests.memory": "1Gi", pods: "10" }, { "requests.cpu": "800m", "requests.memory": "1Gi", pods: "3" });
    const r = checkQuota({ operation: "CREATE", resource: "pods", object: pod("big", [c("app", { cpu: "500m", memory: "1Mi" })]) }, [q]);
    expect(r.error?.message).toBe(
      'pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=500m,requests.memory=1Mi, used: requests.cpu=800m,requests.memory=1Gi, limited: requests.cpu=1,requests.memory=1Gi',
    );
  });

  it("requires every container to state cpu/memory a quota tracks", () => {
    const q = quota("mem-cpu", { "limits.cpu": "2", "requests.cpu": "1", "requests.memory": "1Gi" }, { "limits.cpu": "0", "requests.cpu": "0", "requests.memory": "0" });
    const r = checkQuota({ operation: "CREATE", resource: "pods", object: pod("p", [c("app", { cpu: "100m" }), c("side")], { initContainers: [c("init", { cpu: "1", memory: "1Mi" }, { cpu: "1" })] }) }, [q]);
    expect(r.error?.message).toBe('pods "p" is forbidden: failed quota: mem-cpu: must specify limits.cpu for: app,side; requests.cpu for: side; requests.memory for: app,side');
  });

  it("refuses while the controller has not yet counted usage", () => {
    const q = quota("q", { pods: "2", "count/pods": "3" });
    q.status = { hard: { pods: "2", "count/pods": "3" }, used: { pods: "0" } };
    const r = checkQuota({ operation: "CREATE", resource: "pods", object: pod("x", [c("app")]) }, [q]);
    expect(r.error?.message).toBe('pods "x" is forbidden: status unknown for quota: q, resources: count/pods,pods');
  });

  it("ignores quotas without status.hard, and quotas on other resources", () => {
    expect(checkQuota({ operation: "CREATE", resource: "pods", object: pod("x", [c("a")]) }, [quota("q", { pods: "0" })])).toEqual({ updates: [] });
    expect(checkQuota({ operation: "CREATE", resource: "pods", object: pod("x", [c("a")]) }, [quota("q", { secrets: "0" }, { secrets: "0" })])).toEqual({ updates: [] });
  });

  it("applies scopes to pods only", () => {
    const be = quota("be", { pods: "0" }, { pods: "0" }, { scopes: ["BestEffort"] });
    expect(checkQuota({ operation: "CREATE", resource: "pods", object: pod("burst", [c("a", { cpu: "1" })]) }, [be]).error).toBeUndefined();
    expect(checkQuota({ operation: "CREATE", resource: "pods", object: pod("x", [c("a")]) }, [be]).error?.message).toBe(
      'pods "x" is forbidden: exceeded quota: be, requested: pods=1, used: pods=0, limited: pods=0',
    );
  });

  it("counts other kinds as count/<resource> and legacy names", () => {
    const q = quota("objects", { "count/deployments.apps": "1", configmaps: "1" }, { "count/deployments.apps": "1", configmaps: "0" });
    const deploy: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "ns" } };
    const r = checkQuota({ operation: "CREATE", resource: "deployments.apps", object: deploy }, [q]);
    expect(r.error?.message).toBe('deployments.apps "web" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1');
    expect(r.error?.details).toMatchObject({ group: "apps", kind: "deployments", name: "web" });
    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "ns" } };
    expect(checkQuota({ operation: "CREATE", resource: "configmaps", object: cm }, [q]).updates[0]!.status.used).toEqual({ configmaps: "1", "count/deployments.apps": "1" });
  });

  it("charges a service update only for what it adds", () => {
    const q = quota("svc", { "services.nodeports": "2", services: "5" }, { "services.nodeports": "1", services: "1" });
    const old: KubeObject = { apiVersion: "v1", kind: "Service", metadata: { name: "s", namespace: "ns", resourceVersion: "3" }, spec: { type: "ClusterIP", ports: [{ port: 80 }, { port: 81 }] } };
    const next = { ...old, spec: { ...old.spec, type: "NodePort" } };
    const r = checkQuota({ operation: "UPDATE", resource: "services", object: next, oldObject: old }, [q]);
    expect(r.error?.message).toBe('services "s" is forbidden: exceeded quota: svc, requested: services.nodeports=2, used: services.nodeports=1, limited: services.nodeports=2');
    // Pods never pay again on update (unless they move between Terminating scopes); deletes are never checked.
    expect(checkQuota({ operation: "UPDATE", resource: "pods", object: pod("x", [c("a")]), oldObject: pod("x", [c("a")]) }, [quota("q", { pods: "0" }, { pods: "9" })])).toEqual({ updates: [] });
    expect(checkQuota({ operation: "CREATE", resource: "pods", subresource: "binding", object: pod("x", []) }, [quota("q", { pods: "0" }, { pods: "9" })])).toEqual({ updates: [] });
  });

  it("says nothing about a generateName pod's name it does not know yet", () => {
    const p = pod("", [c("a")]);
    delete p.metadata.name;
    expect(checkQuota({ operation: "CREATE", resource: "pods", object: p }, [quota("q", { pods: "0" }, { pods: "0" })]).error?.message).toBe(
      "pods is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0",
    );
  });
});
