import { describe, expect, it } from "vitest";
import * as net from "../../../src/api/tables/networking";
import { endpointsColumns, serviceColumns } from "../../../src/api/tables/service";
import { ago, cells, row } from "./helpers";

const svc = (spec: object, status: object = {}) => ({ metadata: { name: "web", creationTimestamp: ago(45) }, spec, status });

describe("services", () => {
  it("prints a NodePort service with node ports", () => {
    const s = svc({
      type: "NodePort",
      clusterIP: "10.96.12.7",
      clusterIPs: ["10.96.12.7"],
      selector: { app: "web" },
      ports: [
        { name: "http", port: 80, targetPort: 8080, nodePort: 30080, protocol: "TCP" },
        { name: "dns", port: 53, nodePort: 30053, protocol: "UDP" },
      ],
    });
    expect(cells(serviceColumns, s)).toEqual(["web", "NodePort", "10.96.12.7", "<none>", "80:30080/TCP,53:30053/UDP", "45s", "app=web"]);
  });

  it("prints ClusterIP, headless and ExternalName services", () => {
    const cip = svc({ type: "ClusterIP", clusterIP: "10.96.0.1", externalIPs: ["1.2.3.4"], ports: [{ port: 443, protocol: "TCP" }] });
    expect(row(serviceColumns, cip)).toMatchObject({ "CLUSTER-IP": "10.96.0.1", "EXTERNAL-IP": "1.2.3.4", "PORT(S)": "443/TCP", SELECTOR: "<none>" });
    const headless = svc({ type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"] });
    expect(row(serviceColumns, headless)).toMatchObject({ "CLUSTER-IP": "None", "EXTERNAL-IP": "<none>", "PORT(S)": "<none>" });
    const ext = svc({ type: "ExternalName", externalName: "db.example.com" });
    expect(row(serviceColumns, ext)).toMatchObject({ TYPE: "ExternalName", "CLUSTER-IP": "<none>", "EXTERNAL-IP": "db.example.com" });
  });

  it("prints load balancers: pending, sorted unique ingress points, plus external IPs, never clipped", () => {
    const ports = [{ port: 80, nodePort: 31000, protocol: "TCP" }];
    expect(row(serviceColumns, svc({ type: "LoadBalancer", clusterIP: "10.96.3.3", ports }))["EXTERNAL-IP"]).toBe("<pending>");
    const lb = { loadBalancer: { ingress: [{ ip: "203.0.113.9" }, { hostname: "a1b2c3.elb.example.com" }, { ip: "203.0.113.9" }] } };
    expect(row(serviceColumns, svc({ type: "LoadBalancer", ports }, lb))["EXTERNAL-IP"]).toBe("203.0.113.9,a1b2c3.elb.example.com");
    expect(row(serviceColumns, svc({ type: "LoadBalancer", externalIPs: ["198.51.100.1"], ports }, lb))["EXTERNAL-IP"]).toBe(
      "203.0.113.9,a1b2c3.elb.example.com,198.51.100.1",
    );
  });

  it("prints <unknown> for a service without a type", () => {
    expect(row(serviceColumns, svc({}))["EXTERNAL-IP"]).toBe("<unknown>");
  });
});

describe("endpoints", () => {
  const ep = (subsets: unknown) => ({ metadata: { name: "web", creationTimestamp: ago(30) }, subsets });

  it("lists ip:port pairs, three at most", () => {
    const subsets = [
      { addresses: [{ ip: "10.244.1.5" }, { ip: "10.244.2.9" }], notReadyAddresses: [{ ip: "10.244.3.3" }], ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
    ];
    expect(cells(endpointsColumns, ep(subsets))).toEqual(["web", "10.244.1.5:8080,10.244.2.9:8080", "30s"]);
    const many = [{ addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }, { ip: "fd00::3" }], ports: [{ port: 80 }, { port: 443 }] }];
    expect(row(endpointsColumns, ep(many)).ENDPOINTS).toBe("10.0.0.1:80,10.0.0.2:80,[fd00::3]:80 + 3 more...");
  });

  it("prints bare IPs for port-less subsets, <none> without subsets, empty without ready addresses", () => {
    expect(row(endpointsColumns, ep([{ addresses: [{ ip: "10.0.0.1" }] }])).ENDPOINTS).toBe("10.0.0.1");
    expect(row(endpointsColumns, ep(undefined)).ENDPOINTS).toBe("<none>");
    expect(row(endpointsColumns, ep([{ notReadyAddresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80 }] }])).ENDPOINTS).toBe("");
  });
});

describe("endpoint slices", () => {
  it("prints ports and addresses, <unset> when empty", () => {
    const s = {
      metadata: { name: "web-abc12", creationTimestamp: ago(30) },
      addressType: "IPv4",
      ports: [{ name: "http", port: 8080, protocol: "TCP" }, { name: "metrics" }, {}, { port: 9443 }],
      endpoints: [{ addresses: ["10.244.1.5"] }, { addresses: ["10.244.2.9", "10.244.2.10"] }, { addresses: ["10.244.3.1"] }],
    };
    expect(cells(net.endpointSliceColumns, s)).toEqual(["web-abc12", "IPv4", "8080,metrics,* + 1 more...", "10.244.1.5,10.244.2.9,10.244.2.10 + 1 more...", "30s"]);
    expect(row(net.endpointSliceColumns, { metadata: { name: "e" }, addressType: "IPv6" })).toMatchObject({ PORTS: "<unset>", ENDPOINTS: "<unset>" });
  });
});

describe("ingresses, ingress classes, network policies", () => {
  it("prints an ingress", () => {
    const ing = {
      metadata: { name: "site", creationTimestamp: ago(120) },
      spec: { ingressClassName: "nginx", tls: [{ hosts: ["a.example.com"] }], rules: [{ host: "a.example.com" }, { host: "b.example.com" }] },
      status: { loadBalancer: { ingress: [{ ip: "192.0.2.10" }] } },
    };
    expect(cells(net.ingressColumns, ing)).toEqual(["site", "nginx", "a.example.com,b.example.com", "192.0.2.10", "80, 443", "2m"]);
  });

  it("prints * for host-less rules and counts extra rules", () => {
    const rules = [{ host: "a" }, { http: {} }, { host: "b" }, { host: "c" }, { host: "d" }, { http: {} }];
    expect(row(net.ingressColumns, { metadata: { name: "x" }, spec: { rules } })).toMatchObject({ CLASS: "<none>", HOSTS: "a,b,c + 3 more...", ADDRESS: "", PORTS: "80" });
    expect(row(net.ingressColumns, { metadata: { name: "x" }, spec: { rules: [{ http: {} }] } }).HOSTS).toBe("*");
  });

  it("prints ingress class parameters as Kind.group/name", () => {
    const ic = (parameters?: object) => ({ metadata: { name: "nginx", creationTimestamp: ago(10) }, spec: { controller: "k8s.io/ingress-nginx", parameters } });
    expect(cells(net.ingressClassColumns, ic())).toEqual(["nginx", "k8s.io/ingress-nginx", "<none>", "10s"]);
    expect(row(net.ingressClassColumns, ic({ apiGroup: "k8s.example.com", kind: "IngressParameters", name: "external-lb" })).PARAMETERS).toBe(
      "IngressParameters.k8s.example.com/external-lb",
    );
    expect(row(net.ingressClassColumns, ic({ kind: "ConfigMap", name: "cfg" })).PARAMETERS).toBe("ConfigMap/cfg");
  });

  it("prints a network policy's pod selector", () => {
    expect(row(net.networkPolicyColumns, { metadata: { name: "deny" }, spec: { podSelector: {} } })["POD-SELECTOR"]).toBe("<none>");
    expect(row(net.networkPolicyColumns, { metadata: { name: "db" }, spec: { podSelector: { matchLabels: { role: "db" } } } })["POD-SELECTOR"]).toBe("role=db");
  });
});
