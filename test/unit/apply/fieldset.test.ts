import { describe, expect, it } from "vitest";
import {
  decodeManagedFields,
  encodeFieldsV1,
  encodeManagedFields,
  FieldSet,
  fromFieldsV1,
  parsePE,
  pathString,
  serializePE,
  toFieldSet,
  toFieldsV1,
  type PathElement,
} from "../../../src/api/apply";
import { deployment, schema, source } from "./schema";

const f = (name: string): PathElement => ({ kind: "field", name });
const k = (...fields: [string, unknown][]): PathElement => ({ kind: "key", fields });

// What `kubectl get deploy -o json --show-managed-fields` shows after `kubectl create deployment`
// and a controller status update (kube 1.32), keys in upstream's order.
const upstream = [
  {
    manager: "kubectl-create",
    operation: "Update",
    apiVersion: "apps/v1",
    time: "2024-05-01T10:00:00Z",
    fieldsType: "FieldsV1",
    fieldsV1: JSON.parse(
      '{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:progressDeadlineSeconds":{},"f:replicas":{},' +
        '"f:revisionHistoryLimit":{},"f:selector":{},"f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},' +
        '"f:maxUnavailable":{}},"f:type":{}},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},' +
        '"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},' +
        '"f:name":{},"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{},' +
        '"f:protocol":{}}},"f:resources":{},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},' +
        '"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},' +
        '"f:terminationGracePeriodSeconds":{}}}}}',
    ),
  },
  {
    manager: "kube-controller-manager",
    operation: "Update",
    apiVersion: "apps/v1",
    time: "2024-05-01T10:00:05Z",
    fieldsType: "FieldsV1",
    fieldsV1: JSON.parse(
      '{"f:metadata":{"f:annotations":{".":{},"f:deployment.kubernetes.io/revision":{}}},"f:status":{' +
        '"f:availableReplicas":{},"f:conditions":{".":{},"k:{\\"type\\":\\"Available\\"}":{".":{},' +
        '"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}},' +
        '"k:{\\"type\\":\\"Progressing\\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},' +
        '"f:reason":{},"f:status":{},"f:type":{}}},"f:observedGeneration":{},"f:readyReplicas":{},"f:replicas":{},' +
        '"f:updatedReplicas":{}}}',
    ),
    subresource: "status",
  },
];

describe("FieldsV1", () => {
  it("round-trips upstream's managedFields byte for byte", () => {
    for (const entry of upstream) {
      const set = fromFieldsV1(entry.fieldsV1);
      expect(encodeFieldsV1(set)).toBe(JSON.stringify(entry.fieldsV1));
      expect(JSON.stringify(toFieldsV1(set))).toBe(JSON.stringify(entry.fieldsV1));
    }
    expect(JSON.stringify(encodeManagedFields(decodeManagedFields(upstream)))).toBe(JSON.stringify(upstream));
  });

  it("reads `.` and `{}` as members and nested objects as paths below", () => {
    const set = fromFieldsV1({ "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } });
    expect(set.has([f("metadata"), f("labels")])).toBe(true);
    expect(set.has([f("metadata"), f("labels"), f("app")])).toBe(true);
    expect(set.has([f("metadata")])).toBe(false);
  });

  it("orders elements as upstream: fields, then keys by value (numbers numerically), then values", () => {
    const ports = [f("spec"), f("ports")];
    const set = FieldSet.of(
      [...ports, k(["port", 8080], ["protocol", "TCP"])],
      [...ports, k(["port", 443], ["protocol", "TCP"])],
      [...ports, k(["port", 80], ["protocol", "UDP"])],
      [f("spec"), f("finalizers"), { kind: "value", value: "b" }],
      [f("spec"), f("finalizers"), { kind: "value", value: "a" }],
    );
    expect(Object.keys(toFieldsV1(set)["f:spec"])).toEqual(["f:finalizers", "f:ports"]);
    expect(Object.keys(toFieldsV1(set)["f:spec"]["f:ports"])).toEqual([
      'k:{"port":80,"protocol":"UDP"}',
      'k:{"port":443,"protocol":"TCP"}',
      'k:{"port":8080,"protocol":"TCP"}',
    ]);
    expect(Object.keys(toFieldsV1(set)["f:spec"]["f:finalizers"])).toEqual(['v:"a"', 'v:"b"']);
  });

  it("sorts key fields by name and escapes as Go's encoding/json does", () => {
    const pe = parsePE('k:{"protocol":"TCP","containerPort":80}');
    expect(serializePE(pe)).toBe('k:{"containerPort":80,"protocol":"TCP"}');
    const set = FieldSet.of([f("a"), { kind: "value", value: "<x&y>" }]);
    // The element is Go-JSON first (\u003c), then that string is written as a JSON key (\\u003c).
    expect(encodeFieldsV1(set)).toBe(String.raw`{"f:a":{"v:\"\\u003cx\\u0026y\\u003e\"":{}}}`);
    expect(fromFieldsV1(encodeFieldsV1(set)).has([f("a"), { kind: "value", value: "<x&y>" }])).toBe(true);
  });

  it("prints paths as upstream's conflicts do", () => {
    expect(pathString([f("spec"), f("replicas")])).toBe(".spec.replicas");
    expect(pathString([f("spec"), f("containers"), k(["name", "web"]), f("ports"), k(["containerPort", 80], ["protocol", "TCP"])])).toBe(
      '.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"]',
    );
    expect(pathString([f("metadata"), f("finalizers"), { kind: "value", value: "a/b" }])).toBe('.metadata.finalizers[=\"a/b\"]');
  });

  it("set operations are path-wise, recursive difference drops whole subtrees", () => {
    const a = FieldSet.of([f("spec"), f("replicas")], [f("status"), f("replicas")], [f("spec"), f("paused")]);
    const b = FieldSet.of([f("spec"), f("replicas")], [f("status")]);
    expect(toFieldsV1(a.difference(b))).toEqual({ "f:spec": { "f:paused": {} }, "f:status": { "f:replicas": {} } });
    expect(toFieldsV1(a.recursiveDifference(b))).toEqual({ "f:spec": { "f:paused": {} } });
    expect(toFieldsV1(a.intersection(b))).toEqual({ "f:spec": { "f:replicas": {} } });
    expect(toFieldsV1(b.union(a))).toEqual({ "f:spec": { "f:paused": {}, "f:replicas": {} }, "f:status": { ".": {}, "f:replicas": {} } });
  });
});

describe("field set of an object", () => {
  it("owns what a typical Deployment apply sets, as upstream records it", () => {
    const set = toFieldSet(deployment(), { schema, source });
    // name/namespace/apiVersion/kind are present here and stripped only when recorded.
    expect(set.has([f("metadata"), f("name")])).toBe(true);
    expect(toFieldsV1(set)["f:spec"]).toEqual({
      "f:replicas": {},
      "f:selector": {},
      "f:template": {
        "f:metadata": { "f:labels": { "f:app": {} } },
        "f:spec": {
          "f:containers": {
            'k:{"name":"web"}': {
              ".": {},
              "f:image": {},
              "f:name": {},
              "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } },
            },
          },
          "f:tolerations": {},
        },
      },
    });
  });

  it("treats schema-less subtrees as upstream's deduced type: maps granular (keys owned), lists atomic", () => {
    const obj = { spec: { template: { spec: { extra: { a: { b: 1 }, list: [1, 2], e: {} } } } } };
    const set = toFieldSet(obj, { schema, source });
    expect(toFieldsV1(set)["f:spec"]["f:template"]["f:spec"]["f:extra"]).toEqual({
      "f:a": { ".": {}, "f:b": {} },
      "f:e": {},
      "f:list": {},
    });
  });

  it("owns atomic maps whole and empty granular lists not at all", () => {
    const obj = { spec: { template: { spec: { nodeSelector: { disk: "ssd" }, containers: [] } } } };
    expect(toFieldsV1(toFieldSet(obj, { schema, source }))).toEqual({ "f:spec": { "f:template": { "f:spec": { "f:nodeSelector": {} } } } });
  });
});
