import { describe, expect, it } from "vitest";
import { StatusError, type FieldError } from "../../../src/api/errors";
import type { KubeObject } from "../../../src/api/object";
import { allocateService, applyAllocation, type ServiceAllocation } from "../../../src/controllers/service-allocation";

function svc(name: string, spec: Record<string, unknown> = {}, ns = "default"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns },
    spec: { type: "ClusterIP", selector: { app: name }, ports: [{ port: 80, protocol: "TCP", targetPort: 80 }], ...spec },
  };
}

function ok(result: ServiceAllocation | FieldError[]): ServiceAllocation {
  if (Array.isArray(result)) throw new Error(`unexpected errors: ${JSON.stringify(result)}`);
  return result;
}

function errs(result: ServiceAllocation | FieldError[]): FieldError[] {
  if (!Array.isArray(result)) throw new Error(`expected errors, got ${JSON.stringify(result)}`);
  return result;
}

const ipNum = (ip: string) => ip.split(".").reduce((n, p) => n * 256 + Number(p), 0);

describe("ClusterIP allocation", () => {
  it("picks a free IP in the dynamic band of 10.96.0.0/12, the same one for the same Service", () => {
    const a = ok(allocateService(svc("web"), []));
    expect(a.clusterIP).toBe(a.clusterIPs![0]);
    expect(a.ipFamilies).toEqual(["IPv4"]);
    expect(a.ipFamilyPolicy).toBe("SingleStack");
    const n = ipNum(a.clusterIP!);
    // The first 256 addresses after .0 are the static band kept for explicit requests.
    expect(n).toBeGreaterThanOrEqual(ipNum("10.96.1.1"));
    expect(n).toBeLessThan(ipNum("10.111.255.255"));
    expect(ok(allocateService(svc("web"), [])).clusterIP).toBe(a.clusterIP);
    expect(ok(allocateService(svc("api"), [])).clusterIP).not.toBe(a.clusterIP);
  });

  it("gives default/kubernetes the first address and no one else", () => {
    expect(ok(allocateService(svc("kubernetes", { selector: undefined }), [])).clusterIP).toBe("10.96.0.1");
    const e = errs(allocateService(svc("web", { clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"] }), []));
    expect(e[0]).toMatchObject({ field: "spec.clusterIPs", detail: "failed to allocate IP 10.96.0.1: provided IP is already allocated" });
  });

  it("keeps a free requested IP and refuses taken or out-of-range ones with upstream's messages", () => {
    const taken = { ...svc("a"), spec: { ...svc("a").spec, clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"] } };
    expect(ok(allocateService(svc("b", { clusterIP: "10.96.0.11", clusterIPs: ["10.96.0.11"] }), [taken])).clusterIPs).toEqual(["10.96.0.11"]);
    expect(errs(allocateService(svc("b", { clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"] }), [taken]))).toEqual([
      { type: "FieldValueInvalid", field: "spec.clusterIPs", value: ["10.96.0.10"], detail: "failed to allocate IP 10.96.0.10: provided IP is already allocated" },
    ]);
    expect(errs(allocateService(svc("b", { clusterIP: "10.0.0.5", clusterIPs: ["10.0.0.5"] }), []))[0]!.detail).toBe(
      "failed to allocate IP 10.0.0.5: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12",
    );
    // The broadcast address is not in the usable range.
    expect(errs(allocateService(svc("b", { clusterIP: "10.111.255.255", clusterIPs: ["10.111.255.255"] }), [])).length).toBe(1);
  });

  it("ignores the Service itself among the existing ones, so an update keeps its IP", () => {
    const mine = applyAllocation(svc("web"), ok(allocateService(svc("web"), [])));
    expect(ok(allocateService(mine, [mine])).clusterIP).toBe(mine.spec.clusterIP);
  });

  it("leaves headless Services without an IP and ExternalName without families", () => {
    const h = ok(allocateService(svc("db", { clusterIP: "None", clusterIPs: ["None"] }), []));
    expect(h).toMatchObject({ clusterIP: "None", clusterIPs: ["None"], ipFamilies: ["IPv4"] });
    const x = ok(allocateService(svc("ext", { type: "ExternalName", externalName: "example.com", ports: [] }), []));
    expect(x).toEqual({ ports: [] });
  });

  it("refuses IPv6 and dual-stack demands on this IPv4 cluster", () => {
    expect(errs(allocateService(svc("a", { ipFamilies: ["IPv6"] }), []))[0]).toMatchObject({ field: "spec.ipFamilies[0]", detail: "not configured on this cluster" });
    expect(errs(allocateService(svc("a", { ipFamilyPolicy: "RequireDualStack" }), []))[0]).toMatchObject({
      field: "spec.ipFamilyPolicy",
      detail: "this cluster is not configured for dual-stack services",
    });
    expect(ok(allocateService(svc("a", { ipFamilyPolicy: "PreferDualStack" }), [])).ipFamilies).toEqual(["IPv4"]);
  });

  it("reports an exhausted range as an InternalError", () => {
    const config = { serviceCIDR: "10.0.0.0/29", nodePortRange: "30000-32767" };
    const existing: KubeObject[] = [];
    // A /29 has 6 usable addresses; .1 is the kubernetes Service's.
    for (let i = 0; i < 5; i++) existing.push(applyAllocation(svc(`s${i}`), ok(allocateService(svc(`s${i}`), existing, config))));
    expect(new Set(existing.map((s) => s.spec.clusterIP)).size).toBe(5);
    expect(existing.map((s) => s.spec.clusterIP)).not.toContain("10.0.0.1");
    const err = (() => {
      try {
        allocateService(svc("full"), existing, config);
      } catch (e) {
        return e;
      }
    })() as StatusError;
    expect(err).toBeInstanceOf(StatusError);
    expect(err.code).toBe(500);
    expect(err.message).toBe("Internal error occurred: failed to allocate a serviceIP: range is full");
  });
});

describe("NodePort allocation", () => {
  const np = (name: string, ports: unknown[], extra: Record<string, unknown> = {}) => svc(name, { type: "NodePort", ports, ...extra });

  it("allocates from the dynamic band and shares one node port across protocols of a port", () => {
    const a = ok(allocateService(np("dns", [{ name: "udp", port: 53, protocol: "UDP" }, { name: "tcp", port: 53, protocol: "TCP" }, { name: "m", port: 9153, protocol: "TCP" }]), []));
    const [udp, tcp, metrics] = a.ports.map((p) => p.nodePort);
    expect(udp).toBe(tcp);
    expect(metrics).not.toBe(udp);
    for (const p of [udp, metrics]) {
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
  });

  it("keeps requested node ports and refuses conflicts and out-of-range ones", () => {
    const taken = applyAllocation(np("a", [{ port: 80, protocol: "TCP", nodePort: 30080 }]), ok(allocateService(np("a", [{ port: 80, protocol: "TCP", nodePort: 30080 }]), [])));
    expect(taken.spec.ports[0].nodePort).toBe(30080);
    expect(errs(allocateService(np("b", [{ port: 80, protocol: "TCP", nodePort: 30080 }]), [taken]))).toEqual([
      { type: "FieldValueInvalid", field: "spec.ports[0].nodePort", value: 30080, detail: "provided port is already allocated" },
    ]);
    expect(errs(allocateService(np("b", [{ port: 80, protocol: "TCP", nodePort: 8080 }]), []))[0]!.detail).toBe(
      "provided port is not in the valid range. The range of valid ports is 30000-32767",
    );
    // Two service ports may not claim one node port.
    const twice = np("c", [{ name: "a", port: 80, protocol: "TCP", nodePort: 31000 }, { name: "b", port: 81, protocol: "TCP", nodePort: 31000 }]);
    expect(errs(allocateService(twice, []))[0]).toMatchObject({ field: "spec.ports[1].nodePort", detail: "provided port is already allocated" });
  });

  it("runs out with an InternalError, skips LoadBalancers that opt out, and adds health-check ports", () => {
    const config = { serviceCIDR: "10.96.0.0/12", nodePortRange: "30000-30001" };
    const one = applyAllocation(np("a", [{ port: 1, protocol: "TCP" }, { port: 2, protocol: "TCP" }]), ok(allocateService(np("a", [{ port: 1, protocol: "TCP" }, { port: 2, protocol: "TCP" }]), [], config)));
    expect(() => allocateService(np("b", [{ port: 1, protocol: "TCP" }]), [one], config)).toThrow("failed to allocate a nodePort: range is full");
    const lb = ok(allocateService(svc("lb", { type: "LoadBalancer", allocateLoadBalancerNodePorts: false }), []));
    expect(lb.ports[0]!.nodePort).toBeUndefined();
    const local = ok(allocateService(svc("lb", { type: "LoadBalancer", externalTrafficPolicy: "Local" }), []));
    expect(local.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(local.healthCheckNodePort).not.toBe(local.ports[0]!.nodePort);
  });

  it("does not allocate node ports for ClusterIP Services", () => {
    expect(ok(allocateService(svc("a"), [])).ports[0]!.nodePort).toBeUndefined();
  });
});
