// Kinds beyond kubectl's generators: bodies written with upstream's field numbers (generated.proto,
// 1.32) must decode to the JSON object kubectl would have sent.

import { describe, expect, it } from "vitest";
import { decodeProtobufObject } from "../../../src/api/protobuf";
import { body, concat, int, msg, str } from "./encode";

const decode = (apiVersion: string, kind: string, ...fields: Uint8Array[]) =>
  decodeProtobufObject(body(apiVersion, kind, concat(...fields)));
const name = (n: string) => msg(1, str(1, n));
const entry = (field: number, k: string, v: Uint8Array) => msg(field, str(1, k), v);
const quantity = (field: number, k: string, q: string) => entry(field, k, msg(2, str(1, q)));

describe("protobuf kinds beyond kubectl's generators", () => {
  it("decodes a StatefulSet with a claim template and a partitioned rollout", () => {
    const container = msg(2, str(1, "web"), str(2, "nginx:1.27"), msg(6, int(3, 80), str(4, "TCP")));
    const template = msg(3, msg(1, entry(11, "app", str(2, "web"))), msg(2, container));
    const claim = msg(4, name("data"), msg(2, str(1, "ReadWriteOnce"), msg(2, quantity(2, "storage", "1Gi"))));
    const spec = msg(2, int(1, 3), msg(2, entry(1, "app", str(2, "web"))), template, claim, str(5, "web"),
      msg(7, str(1, "RollingUpdate"), msg(2, int(1, 0))));
    expect(decode("apps/v1", "StatefulSet", name("web"), spec)).toEqual({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "web" },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: { containers: [{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }] },
        },
        volumeClaimTemplates: [{
          metadata: { name: "data" },
          spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
        }],
        serviceName: "web",
        // partition is a pointer: its explicit 0 survives.
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      },
    });
  });

  it("decodes a Pod with tolerations, limits and a running container's status", () => {
    const container = msg(2, str(1, "app"), str(2, "busybox"), msg(8, quantity(1, "cpu", "500m")));
    const toleration = msg(22, str(1, "node.kubernetes.io/not-ready"), str(2, "Exists"), str(4, "NoExecute"),
      int(5, 300));
    const spec = msg(2, container, str(10, "node-1"), toleration);
    const running = msg(2, msg(2, msg(1, int(1, 1704164645))));
    const status = msg(3, str(1, "Running"), msg(2, str(1, "Ready"), str(2, "True")),
      msg(8, str(1, "app"), running, int(4, 1), int(5, 0), str(6, "busybox"), str(7, "sha256:x"), int(9, 1)),
      msg(12, str(1, "10.0.0.5")));
    expect(decode("v1", "Pod", name("p"), spec, status)).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: {
        containers: [{ name: "app", image: "busybox", resources: { limits: { cpu: "500m" } } }],
        nodeName: "node-1",
        tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
      },
      status: {
        phase: "Running",
        conditions: [{ type: "Ready", status: "True" }],
        containerStatuses: [{
          name: "app",
          state: { running: { startedAt: "2024-01-02T03:04:05Z" } },
          ready: true,
          image: "busybox",
          imageID: "sha256:x",
          started: true,
        }],
        podIPs: [{ ip: "10.0.0.5" }],
      },
    });
  });

  it("decodes storage and discovery kinds: StorageClass, EndpointSlice", () => {
    const sc = decode("storage.k8s.io/v1", "StorageClass", name("fast"), str(2, "csi.example.com"),
      entry(3, "type", str(2, "ssd")), str(4, "Retain"), int(6, 1), str(7, "WaitForFirstConsumer"));
    expect(sc).toEqual({
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "fast" },
      provisioner: "csi.example.com",
      parameters: { type: "ssd" },
      reclaimPolicy: "Retain",
      allowVolumeExpansion: true,
      volumeBindingMode: "WaitForFirstConsumer",
    });
    const slice = decode("discovery.k8s.io/v1", "EndpointSlice", name("s"),
      msg(2, str(1, "10.0.0.5"), msg(2, int(1, 1)), str(6, "node-1")),
      msg(3, str(1, "http"), str(2, "TCP"), int(3, 8080)), str(4, "IPv4"));
    expect(slice).toEqual({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "s" },
      endpoints: [{ addresses: ["10.0.0.5"], conditions: { ready: true }, nodeName: "node-1" }],
      ports: [{ name: "http", protocol: "TCP", port: 8080 }],
      addressType: "IPv4",
    });
  });
});
