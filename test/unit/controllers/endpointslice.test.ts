import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { ENDPOINTSLICES, endpointSliceController } from "../../../src/controllers/endpointslice";
import type { Controller } from "../../../src/controllers/types";
import { FakeCluster, pod } from "./fake-cluster";

const TERMINATING = { metadata: { deletionTimestamp: "2024-05-01T12:00:00Z" } };

function service(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default", labels: { tier: "front", "kubernetes.io/service-name": "spoof" } },
    spec: { selector: { app: "web" }, clusterIP: "10.96.10.10", ipFamilies: ["IPv4"], ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "web" }], ...spec },
  };
}

const webPort = (port: number) => [{ name: "web", containerPort: port, protocol: "TCP" }];

function sync(c: FakeCluster, ctl: Controller = endpointSliceController()) {
  const first = ctl.reconcile("default/web", c.store, c.now).actions;
  c.applyAll(first);
  expect(ctl.reconcile("default/web", c.store, c.now).actions).toEqual([]);
  return first;
}

const slices = (c: FakeCluster) => c.store.list(ENDPOINTSLICES, "default").sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));

describe("endpointslice controller", () => {
  it("writes one labelled, owned IPv4 slice with ready, unready and terminating endpoints", () => {
    const c = new FakeCluster();
    const svc = c.add("services", service());
    c.add("nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "n1", labels: { "topology.kubernetes.io/zone": "z1" } } });
    for (const [name, ip] of [["a", "10.244.1.2"], ["b", "10.244.1.3"], ["c", "10.244.1.4"]]) c.add("pods", pod(name!, { ip, node: "n1", ports: webPort(8080) }));
    c.add("pods", pod("d", { ip: "10.244.1.5", node: "n1", ready: false, ports: webPort(8080) }));
    c.add("pods", pod("e", { ip: "10.244.1.6", node: "n1", ports: webPort(8080), extra: TERMINATING }));
    c.add("pods", pod("noip", { ports: webPort(8080) }));
    const [create] = sync(c);
    expect(create).toMatchObject({ verb: "create", resource: ENDPOINTSLICES, namespace: "default" });
    const [slice] = slices(c);
    expect(slice!.metadata.name).toMatch(/^web-/);
    expect(slice!.metadata.labels).toEqual({
      tier: "front",
      "kubernetes.io/service-name": "web",
      "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    });
    expect(slice!.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Service", name: "web", uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice!.addressType).toBe("IPv4");
    expect(slice!.ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
    const byName = Object.fromEntries(slice!.endpoints.map((e: any) => [e.targetRef.name, e]));
    expect(Object.keys(byName).sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(byName.a).toEqual({
      addresses: ["10.244.1.2"],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: "Pod", namespace: "default", name: "a", uid: c.obj("pods", "default", "a")!.metadata.uid },
      nodeName: "n1",
      zone: "z1",
    });
    expect(byName.d.conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect(byName.e.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it("puts pods whose named port resolves differently into separate slices", () => {
    const c = new FakeCluster();
    c.add("services", service());
    c.add("pods", pod("a", { ip: "10.244.1.2", ports: webPort(8080) }));
    c.add("pods", pod("b", { ip: "10.244.1.3", ports: webPort(9090) }));
    sync(c);
    expect(slices(c).map((s) => [s.ports[0].port, s.endpoints.map((e: any) => e.targetRef.name)]).sort()).toEqual([
      [8080, ["a"]],
      [9090, ["b"]],
    ]);
  });

  it("edits the slice in place when a pod goes, keeping a placeholder when none are left", () => {
    const c = new FakeCluster();
    c.add("services", service());
    c.add("pods", pod("a", { ip: "10.244.1.2", ports: webPort(8080) }));
    c.add("pods", pod("b", { ip: "10.244.1.3", ports: webPort(8080) }));
    sync(c);
    const name = slices(c)[0]!.metadata.name;
    c.remove("pods", "default", "a");
    expect(sync(c).map((a) => a.verb)).toEqual(["update"]);
    expect(slices(c).map((s) => [s.metadata.name, s.endpoints.length])).toEqual([[name, 1]]);
    c.remove("pods", "default", "b");
    sync(c);
    expect(slices(c).map((s) => [s.metadata.name, s.endpoints, s.ports])).toEqual([[name, [], []]]);
    // Pods coming back reuse the placeholder rather than adding a slice.
    c.add("pods", pod("c", { ip: "10.244.1.4", ports: webPort(8080) }));
    expect(sync(c).map((a) => a.verb)).toEqual(["update"]);
    expect(slices(c)).toHaveLength(1);
  });

  it("creates a placeholder slice for a Service selecting nothing", () => {
    const c = new FakeCluster();
    c.add("services", service());
    sync(c);
    expect(slices(c).map((s) => [s.endpoints, s.ports])).toEqual([[[], []]]);
  });

  it("caps endpoints per slice and fills free room before adding slices", () => {
    const c = new FakeCluster();
    const ctl = endpointSliceController({ maxEndpointsPerSlice: 2 });
    c.add("services", service());
    for (let i = 0; i < 5; i++) c.add("pods", pod(`p${i}`, { ip: `10.244.0.${10 + i}`, ports: webPort(8080) }));
    sync(c, ctl);
    expect(slices(c).map((s) => s.endpoints.length).sort()).toEqual([1, 2, 2]);
    c.remove("pods", "default", "p0");
    c.add("pods", pod("p9", { ip: "10.244.0.99", ports: webPort(8080) }));
    expect(sync(c, ctl).map((a) => a.verb)).toEqual(["update"]);
    expect(slices(c).map((s) => s.endpoints.length).sort()).toEqual([1, 2, 2]);
  });

  it("deletes slices of an earlier Service of the same name, and marks headless slices", () => {
    const c = new FakeCluster();
    c.add("services", service());
    c.add("pods", pod("a", { ip: "10.244.1.2", ports: webPort(8080) }));
    sync(c);
    const stale = slices(c)[0]!;
    c.add("services", { ...service({ clusterIP: "None" }), metadata: { ...service().metadata, uid: "new-uid" } });
    const actions = sync(c);
    expect(actions).toContainEqual(expect.objectContaining({ verb: "delete", name: stale.metadata.name, preconditions: { uid: stale.metadata.uid } }));
    const [fresh] = slices(c);
    expect(fresh!.metadata.ownerReferences![0]!.uid).toBe("new-uid");
    expect(fresh!.metadata.labels!["service.kubernetes.io/headless"]).toBe("");
  });

  it("leaves selectorless and ExternalName Services alone, and maps slice events to their Service", () => {
    const c = new FakeCluster();
    c.add("services", service({ selector: undefined }));
    expect(endpointSliceController().reconcile("default/web", c.store, c.now).actions).toEqual([]);
    c.add("services", service({ type: "ExternalName", externalName: "example.com" }));
    expect(endpointSliceController().reconcile("default/web", c.store, c.now).actions).toEqual([]);
    const watch = endpointSliceController().watches.find((w) => w.resource === ENDPOINTSLICES)!;
    const slice = { metadata: { name: "web-abc", namespace: "default", labels: { "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" } } };
    expect(watch.keys(slice, c.store)).toEqual(["default/web"]);
    expect(watch.keys({ metadata: { ...slice.metadata, labels: { "kubernetes.io/service-name": "web" } } }, c.store)).toEqual([]);
  });
});
