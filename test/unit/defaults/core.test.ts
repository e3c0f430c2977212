import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import * as d from "../../../src/api/defaults/core";
import { defaultPod, imageTag } from "../../../src/api/defaults/pod";
import { defaultHPA } from "../../../src/api/defaults/other";

describe("Pod defaults", () => {
  it("fills container, probe, volume and pod-level defaults", () => {
    const pod: KubeObject = {
      metadata: { name: "web" },
      spec: {
        containers: [
          {
            name: "web",
            image: "registry.local:5000/web",
            ports: [{ containerPort: 8080 }],
            resources: { limits: { cpu: "0.5", memory: "256Mi" } },
            livenessProbe: { httpGet: { port: 8080 } },
            env: [{ name: "NS", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } }],
          },
        ],
        volumes: [{ name: "scratch" }, { name: "cfg", configMap: { name: "cfg" } }],
      },
    };
    defaultPod(pod);
    const c = pod.spec.containers[0];
    expect(c.imagePullPolicy).toBe("Always");
    expect(c.ports[0].protocol).toBe("TCP");
    // Requests default to limits on Pods; quantities are stored canonically.
    expect(c.resources).toEqual({ limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "500m", memory: "256Mi" } });
    expect(c.livenessProbe).toEqual({ httpGet: { port: 8080, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe("v1");
    expect(pod.spec.volumes).toEqual([
      { name: "scratch", emptyDir: {} },
      { name: "cfg", configMap: { name: "cfg", defaultMode: 420 } },
    ]);
    expect(pod.spec).toMatchObject({
      enableServiceLinks: true,
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it("picks the pull policy from the image tag", () => {
    expect(imageTag("nginx")).toBe("latest");
    expect(imageTag("nginx:1.27")).toBe("1.27");
    expect(imageTag("localhost:5000/app")).toBe("latest");
    expect(imageTag("nginx@sha256:0123")).toBe("");
  });
});

describe("core/v1 defaults", () => {
  it("defaults Services", () => {
    const svc: KubeObject = { metadata: { name: "web" }, spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80 }] } };
    d.defaultService(svc);
    expect(svc.spec).toEqual({
      type: "NodePort",
      selector: { app: "web" },
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
      externalTrafficPolicy: "Cluster",
      internalTrafficPolicy: "Cluster",
      ipFamilyPolicy: "SingleStack",
    });
    const ext: KubeObject = { metadata: { name: "db" }, spec: { type: "ExternalName", externalName: "db.example.com" } };
    d.defaultService(ext);
    expect(ext.spec).toEqual({ type: "ExternalName", externalName: "db.example.com", sessionAffinity: "None" });
    const lb: KubeObject = { metadata: { name: "lb" }, spec: { type: "LoadBalancer", ports: [{ port: 443, targetPort: "https" }] } };
    d.defaultService(lb);
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(lb.spec.ports[0].targetPort).toBe("https");
  });

  it("defaults Secrets, Namespaces, claims and volumes", () => {
    const s: KubeObject = { metadata: { name: "s" } };
    d.defaultSecret(s);
    expect(s.type).toBe("Opaque");
    const ns: KubeObject = { metadata: { name: "team-a" } };
    d.defaultNamespace(ns);
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "team-a" });
    const pvc: KubeObject = { metadata: { name: "c" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "2048Mi" } } } };
    d.defaultPVC(pvc);
    expect(pvc.spec).toEqual({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "2Gi" } }, volumeMode: "Filesystem" });
    const pv: KubeObject = { metadata: { name: "v" }, spec: { hostPath: { path: "/d" } } };
    d.defaultPV(pv);
    expect(pv.spec).toEqual({ hostPath: { path: "/d", type: "" }, persistentVolumeReclaimPolicy: "Retain", volumeMode: "Filesystem" });
  });

  it("defaults Endpoints, Nodes and HPAs", () => {
    const ep: KubeObject = { metadata: { name: "e" }, subsets: [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80 }] }] };
    d.defaultEndpoints(ep);
    expect(ep.subsets[0].ports[0].protocol).toBe("TCP");
    const node: KubeObject = { metadata: { name: "n" }, status: { capacity: { cpu: "4" } } };
    d.defaultNode(node);
    expect(node.status.allocatable).toEqual({ cpu: "4" });
    const hpa: KubeObject = { metadata: { name: "h" }, spec: { maxReplicas: 3, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } };
    defaultHPA(hpa);
    expect(hpa.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: "Max",
        policies: [
          { type: "Pods", value: 4, periodSeconds: 15 },
          { type: "Percent", value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] },
    });
  });
});
