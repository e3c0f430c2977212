import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import { createResourceQuotaController } from "../../../src/controllers/resourcequota";
import type { Action } from "../../../src/controllers/types";

const NOW = new Date("2025-01-01T00:00:00Z");
let rv = 1;

function pod(name: string, cpu?: string, memLimit?: string, extra: Record<string, any> = {}): KubeObject {
  const resources: Record<string, any> = {};
  if (cpu) resources.requests = { cpu };
  if (memLimit) resources.limits = { memory: memLimit };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "ns", resourceVersion: String(rv++), ...(extra.metadata ?? {}) },
    spec: { containers: [{ name: "c", image: "x", resources }], ...(extra.spec ?? {}) },
    status: { phase: "Running", ...(extra.status ?? {}) },
  };
}

function quota(hard: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "q", namespace: "ns", resourceVersion: String(rv++) }, spec: { hard, ...spec } };
}

function apply(cache: MemoryCache, actions: Action[]): void {
  for (const a of actions) if (a.verb === "update") cache.put(a.resource, { ...a.object, metadata: { ...a.object.metadata, resourceVersion: String(rv++) } });
}

const statusOf = (r: { actions: Action[] }) => (r.actions[0] as Extract<Action, { verb: "update" }>).object.status;

describe("resource quota controller", () => {
  const c = createResourceQuotaController();

  it("fills status.hard and status.used from the namespace's objects, then stays quiet", () => {
    const cache = new MemoryCache();
    cache.put("resourcequotas", quota({ pods: "10", "requests.cpu": "2", cpu: "2", "limits.memory": "4Gi", "count/pods": "20", configmaps: "5", secrets: "5", "count/deployments.apps": "3" }));
    cache.put("pods", pod("a", "250m", "512Mi"));
    cache.put("pods", pod("b", "500m", "1Gi"));
    cache.put("pods", pod("done", "1", undefined, { status: { phase: "Succeeded" } }));
    cache.put("pods", { ...pod("other"), metadata: { name: "other", namespace: "elsewhere", resourceVersion: "1" } });
    cache.put("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "ns", resourceVersion: "1" } });
    const r = c.reconcile("ns/q", cache, NOW);
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0]).toMatchObject({ verb: "update", resource: "resourcequotas", subresource: "status" });
    expect(statusOf(r)).toEqual({
      hard: { configmaps: "5", "count/deployments.apps": "3", "count/pods": "20", cpu: "2", "limits.memory": "4Gi", pods: "10", "requests.cpu": "2", secrets: "5" },
      // A Succeeded pod still exists (count/pods) but no longer costs compute or "pods".
      used: { configmaps: "1", "count/deployments.apps": "0", "count/pods": "3", cpu: "750m", "limits.memory": "1536Mi", pods: "2", "requests.cpu": "750m", secrets: "0" },
    });
    apply(cache, r.actions);
    expect(c.reconcile("ns/q", cache, NOW)).toEqual({ actions: [] });
  });

  it("counts only pods in the quota's scopes", () => {
    const cache = new MemoryCache();
    cache.put("resourcequotas", quota({ pods: "5" }, { scopes: ["BestEffort"] }));
    cache.put("pods", pod("be"));
    cache.put("pods", pod("burstable", "100m"));
    expect(statusOf(c.reconcile("ns/q", cache, NOW)).used).toEqual({ pods: "1" });
    cache.put("resourcequotas", quota({ pods: "5" }, { scopeSelector: { matchExpressions: [{ scopeName: "PriorityClass", operator: "In", values: ["high"] }] } }));
    cache.put("pods", pod("vip", undefined, undefined, { spec: { priorityClassName: "high" } }));
    expect(statusOf(c.reconcile("ns/q", cache, NOW)).used).toEqual({ pods: "1" });
  });

  it("counts services by type and claims by storage", () => {
    const cache = new MemoryCache();
    cache.put("resourcequotas", quota({ services: "10", "services.nodeports": "4", "services.loadbalancers": "1", "requests.storage": "10Gi", "fast.storageclass.storage.k8s.io/requests.storage": "5Gi" }));
    cache.put("services", { apiVersion: "v1", kind: "Service", metadata: { name: "np", namespace: "ns", resourceVersion: "1" }, spec: { type: "NodePort", ports: [{ port: 80 }, { port: 443 }] } });
    cache.put("services", { apiVersion: "v1", kind: "Service", metadata: { name: "lb", namespace: "ns", resourceVersion: "1" }, spec: { type: "LoadBalancer", ports: [{ port: 80 }] } });
    cache.put("services", { apiVersion: "v1", kind: "Service", metadata: { name: "ci", namespace: "ns", resourceVersion: "1" }, spec: { ports: [{ port: 80 }] } });
    cache.put("persistentvolumeclaims", { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "d", namespace: "ns", resourceVersion: "1" }, spec: { storageClassName: "fast", resources: { requests: { storage: "2Gi" } } } });
    expect(statusOf(c.reconcile("ns/q", cache, NOW)).used).toEqual({
      "fast.storageclass.storage.k8s.io/requests.storage": "2Gi",
      "requests.storage": "2Gi",
      services: "3",
      "services.loadbalancers": "1",
      "services.nodeports": "3",
    });
  });

  it("follows spec.hard changes and drops usage of removed resources", () => {
    const cache = new MemoryCache();
    const q = quota({ pods: "1" });
    q.status = { hard: { pods: "2", secrets: "1" }, used: { pods: "0", secrets: "0" } };
    cache.put("resourcequotas", q);
    expect(statusOf(c.reconcile("ns/q", cache, NOW))).toEqual({ hard: { pods: "1" }, used: { pods: "0" } });
  });

  it("wakes every quota of the namespace on a change there", () => {
    const cache = new MemoryCache();
    cache.put("resourcequotas", quota({ pods: "1" }));
    expect(c.watches.find((w) => w.resource === "pods")!.keys(pod("a"), cache)).toEqual(["ns/q"]);
  });
});
