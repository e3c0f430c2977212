import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultService } from "../../../src/api/defaults/core";
import { prepareServiceCreate } from "../../../src/api/strategies/service";
import { validateService, validateServiceUpdate } from "../../../src/api/validation/core/service";
import { webService } from "../strategies/manifests";
import { only, show } from "./helpers";

function svc(mutate: (spec: any) => void = () => {}): KubeObject {
  const s = webService();
  mutate(s.spec);
  defaultService(s);
  prepareServiceCreate(s);
  return s;
}

describe("Service validation", () => {
  it("accepts a typical service", () => {
    expect(validateService(svc())).toEqual([]);
  });

  it("names are DNS-1035 labels", () => {
    const s = svc();
    s.metadata.name = "1web";
    expect(show(validateService(s))[0]).toMatch(/^metadata.name: Invalid value: "1web": a DNS-1035 label must consist of/);
  });

  it("requires ports unless headless or ExternalName", () => {
    expect(only(validateService(svc((s) => delete s.ports)))).toEqual({ type: "FieldValueRequired", field: "spec.ports", message: "Required value" });
    expect(validateService(svc((s) => ((s.ports = []), (s.clusterIP = "None"))))).toEqual([]);
    expect(validateService(svc((s) => ((s.ports = []), (s.type = "ExternalName"), (s.externalName = "db.example.com"))))).toEqual([]);
  });

  it("checks ports", () => {
    expect(show(validateService(svc((s) => (s.ports = [{ port: 0 }]))))).toEqual([
      "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      // targetPort defaults to port, so it is out of range too (as upstream reports).
      "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
    ]);
    expect(show(validateService(svc((s) => (s.ports = [{ port: 80 }, { port: 81 }]))))).toEqual([
      "spec.ports[0].name: Required value",
      "spec.ports[1].name: Required value",
    ]);
    expect(show(validateService(svc((s) => (s.ports = [{ name: "a", port: 80 }, { name: "a", port: 81 }]))))).toEqual(['spec.ports[1].name: Duplicate value: "a"']);
    expect(show(validateService(svc((s) => (s.ports = [{ port: 80, protocol: "ICMP" }]))))).toEqual([
      'spec.ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    expect(show(validateService(svc((s) => (s.ports = [{ port: 80, targetPort: "Web_Port" }]))))[0]).toMatch(
      /^spec.ports\[0\].targetPort: Invalid value: "Web_Port": must be no more than 15 characters|^spec.ports\[0\].targetPort: Invalid value: "Web_Port": must contain only/,
    );
    expect(show(validateService(svc((s) => (s.ports = [{ name: "a", port: 80 }, { name: "b", port: 80 }]))))).toEqual([
      'spec.ports[1]: Duplicate value: {"protocol":"TCP","port":80}',
    ]);
  });

  it("checks the type", () => {
    expect(show(validateService(svc((s) => (s.type = "Internal"))))).toEqual([
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
    expect(show(validateService(svc((s) => (s.ports[0].nodePort = 30080))))).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
    expect(validateService(svc((s) => (s.type = "LoadBalancer")))).toEqual([]);
    expect(show(validateService(svc((s) => ((s.type = "NodePort"), (s.clusterIP = "None")))))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ]);
  });

  it("keeps clusterIP consistent and immutable", () => {
    const created = svc((s) => (s.clusterIP = "10.96.0.10"));
    expect(created.spec.clusterIPs).toEqual(["10.96.0.10"]);
    expect(validateService(created)).toEqual([]);
    expect(show(validateService(svc((s) => ((s.clusterIP = "10.96.0.10"), (s.clusterIPs = ["10.96.0.11"])))))).toEqual([
      'spec.clusterIPs: Invalid value: ["10.96.0.11"]: first value must match `clusterIP`',
    ]);
    expect(show(validateService(svc((s) => (s.clusterIP = "300.1.1.1"))))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    const moved = structuredClone(created);
    moved.spec.clusterIP = "10.96.0.20";
    moved.spec.clusterIPs = ["10.96.0.20"];
    expect(show(validateServiceUpdate(moved, created))).toEqual(['spec.clusterIPs[0]: Invalid value: ["10.96.0.20"]: may not change once set']);
  });

  it("checks session affinity and traffic policies", () => {
    expect(show(validateService(svc((s) => (s.sessionAffinity = "Cookie"))))).toEqual([
      'spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"',
    ]);
    expect(show(validateService(svc((s) => (s.externalTrafficPolicy = "Local"))))).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
  });

  it("requires externalName for ExternalName services", () => {
    expect(show(validateService(svc((s) => (s.type = "ExternalName"))))).toEqual(["spec.externalName: Required value"]);
  });
});
