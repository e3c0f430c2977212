import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { ENDPOINTS, endpointsController as ctl } from "../../../src/controllers/endpoints";
import { FakeCluster, pod } from "./fake-cluster";

function service(spec: Record<string, unknown> = {}, name = "web"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default", labels: { tier: "front" } },
    spec: { selector: { app: "web" }, clusterIP: "10.96.10.10", ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }], ...spec },
  };
}

/** Reconciles, applies the writes, and checks a second pass writes nothing. */
function sync(c: FakeCluster, key = "default/web") {
  const first = ctl.reconcile(key, c.store, c.now).actions;
  c.applyAll(first);
  expect(ctl.reconcile(key, c.store, c.now).actions).toEqual([]);
  return first;
}

function cluster(...pods: KubeObject[]): FakeCluster {
  const c = new FakeCluster();
  c.add("services", service());
  for (const p of pods) c.add("pods", p);
  return c;
}

describe("endpoints controller", () => {
  it("lists 3 ready and 1 unready pod, skipping pods without IP, terminal, unselected or elsewhere", () => {
    const c = cluster(
      pod("a", { ip: "10.244.1.3", node: "n1" }),
      pod("b", { ip: "10.244.1.2", node: "n1" }),
      pod("c", { ip: "10.244.2.2", node: "n2" }),
      pod("d", { ip: "10.244.2.3", node: "n2", ready: false }),
      pod("noip", {}),
      pod("done", { ip: "10.244.2.9", extra: { status: { phase: "Succeeded" } } }),
      pod("other", { ip: "10.244.2.7", labels: { app: "db" } }),
      pod("elsewhere", { ip: "10.244.2.8", ns: "kube-system" }),
    );
    const [create] = sync(c);
    expect(create).toMatchObject({ verb: "create", resource: ENDPOINTS, namespace: "default" });
    const ep = c.obj(ENDPOINTS, "default", "web")!;
    expect(ep.metadata.labels).toEqual({ tier: "front" });
    expect(ep.subsets).toHaveLength(1);
    const [subset] = ep.subsets;
    expect(subset.addresses.map((a: any) => a.ip)).toEqual(["10.244.1.2", "10.244.1.3", "10.244.2.2"]);
    expect(subset.addresses[0]).toEqual({
      ip: "10.244.1.2",
      nodeName: "n1",
      targetRef: { kind: "Pod", namespace: "default", name: "b", uid: c.obj("pods", "default", "b")!.metadata.uid },
    });
    expect(subset.notReadyAddresses.map((a: any) => a.ip)).toEqual(["10.244.2.3"]);
    expect(subset.ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
  });

  it("resolves a named targetPort per pod, grouping pods by the ports they serve", () => {
    const c = new FakeCluster();
    c.add("services", service({ ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "web" }] }));
    c.add("pods", pod("old", { ip: "10.244.0.5", ports: [{ name: "web", containerPort: 8080, protocol: "TCP" }] }));
    c.add("pods", pod("new", { ip: "10.244.0.6", ports: [{ name: "web", containerPort: 9090, protocol: "TCP" }] }));
    c.add("pods", pod("udp", { ip: "10.244.0.7", ports: [{ name: "web", containerPort: 7070, protocol: "UDP" }] }));
    sync(c);
    const subsets = c.obj(ENDPOINTS, "default", "web")!.subsets;
    expect(subsets.map((s: any) => [s.addresses.map((a: any) => a.ip), s.ports[0].port])).toEqual([
      [["10.244.0.5"], 8080],
      [["10.244.0.6"], 9090],
    ]);
  });

  it("updates when a pod goes or turns ready, and only then", () => {
    const c = cluster(pod("a", { ip: "10.244.0.5" }), pod("b", { ip: "10.244.0.6", ready: false }));
    sync(c);
    c.remove("pods", "default", "a");
    const [update] = sync(c);
    expect(update!.verb).toBe("update");
    expect(c.obj(ENDPOINTS, "default", "web")!.subsets).toEqual([
      { notReadyAddresses: [expect.objectContaining({ ip: "10.244.0.6" })], ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
    ]);
    c.add("pods", pod("b", { ip: "10.244.0.6" }));
    sync(c);
    expect(c.obj(ENDPOINTS, "default", "web")!.subsets[0].addresses).toHaveLength(1);
    // A terminating pod leaves the Endpoints (it stays in EndpointSlices, marked terminating).
    c.add("pods", pod("b", { ip: "10.244.0.6", extra: { metadata: { deletionTimestamp: "2024-05-01T12:00:00Z" } } }));
    sync(c);
    expect(c.obj(ENDPOINTS, "default", "web")!.subsets).toBeUndefined();
  });

  it("gives a headless Service without ports bare addresses, hostnames and the headless label", () => {
    const c = new FakeCluster();
    c.add("services", service({ clusterIP: "None", ports: [] }, "db"));
    c.add("pods", pod("db-0", { ip: "10.244.0.5", extra: { spec: { hostname: "db-0", subdomain: "db" } } }));
    sync(c, "default/db");
    const ep = c.obj(ENDPOINTS, "default", "db")!;
    expect(ep.metadata.labels).toEqual({ tier: "front", "service.kubernetes.io/headless": "" });
    expect(ep.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: "10.244.0.5", hostname: "db-0" })] }]);
  });

  it("publishes not-ready and terminating pods as ready when the Service asks", () => {
    const c = new FakeCluster();
    c.add("services", service({ publishNotReadyAddresses: true }));
    c.add("pods", pod("a", { ip: "10.244.0.5", ready: false }));
    c.add("pods", pod("b", { ip: "10.244.0.6", extra: { metadata: { deletionTimestamp: "2024-05-01T12:00:00Z" } } }));
    sync(c);
    expect(c.obj(ENDPOINTS, "default", "web")!.subsets[0].addresses).toHaveLength(2);
  });

  it("deletes the Endpoints of a deleted Service and leaves others' alone", () => {
    const c = cluster(pod("a", { ip: "10.244.0.5" }));
    sync(c);
    c.remove("services", "default", "web");
    const [del] = sync(c);
    expect(del).toMatchObject({ verb: "delete", resource: ENDPOINTS, name: "web", preconditions: { uid: expect.any(String) } });
    // Selectorless and the API server's own: not touched.
    c.add("services", { ...service({ selector: undefined }), metadata: { name: "manual", namespace: "default" } });
    c.add(ENDPOINTS, { apiVersion: "v1", kind: "Endpoints", metadata: { name: "manual", namespace: "default" }, subsets: [{ addresses: [{ ip: "1.2.3.4" }] }] });
    expect(ctl.reconcile("default/manual", c.store, c.now).actions).toEqual([]);
    c.add("services", { ...service(), metadata: { name: "kubernetes", namespace: "default" } });
    expect(ctl.reconcile("default/kubernetes", c.store, c.now).actions).toEqual([]);
  });

  it("maps pod changes to the Services selecting them, and to those still listing them", () => {
    const c = cluster(pod("a", { ip: "10.244.0.5" }));
    sync(c);
    const podWatch = ctl.watches.find((w) => w.resource === "pods")!;
    const relabelled = pod("a", { ip: "10.244.0.5", labels: { app: "other" } });
    relabelled.metadata.uid = c.obj("pods", "default", "a")!.metadata.uid;
    expect(podWatch.keys(relabelled, c.store)).toEqual(["default/web"]);
    expect(podWatch.keys(pod("z", { labels: { app: "none" } }), c.store)).toEqual([]);
  });
});
