import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { fieldErrorMessage } from "../../../src/api/errors";
import { strategies } from "../../../src/api/strategies";
import * as m from "./manifests";

function create(resource: string, obj: KubeObject): { obj: KubeObject; errors: string[] } {
  const s = strategies[resource];
  if (!s) throw new Error(`no strategy for ${resource}`);
  const o = structuredClone(obj);
  s.defaults?.(o);
  s.prepareForCreate?.(o);
  return { obj: o, errors: (s.validate?.(o) ?? []).map((e) => `${e.field}: ${fieldErrorMessage(e)}`) };
}

function update(resource: string, obj: KubeObject, old: KubeObject): { obj: KubeObject; errors: string[] } {
  const s = strategies[resource]!;
  const o = structuredClone(obj);
  s.defaults?.(o);
  s.prepareForUpdate?.(o, old);
  return { obj: o, errors: (s.validateUpdate?.(o, old) ?? []).map((e) => `${e.field}: ${fieldErrorMessage(e)}`) };
}

describe("strategy table", () => {
  it("covers the common kinds by qualified resource", () => {
    for (const r of [
      "pods", "services", "configmaps", "secrets", "namespaces", "nodes", "events", "endpoints", "serviceaccounts",
      "persistentvolumes", "persistentvolumeclaims", "resourcequotas", "limitranges", "podtemplates", "replicationcontrollers",
      "deployments.apps", "replicasets.apps", "statefulsets.apps", "daemonsets.apps", "jobs.batch", "cronjobs.batch",
      "ingresses.networking.k8s.io", "ingressclasses.networking.k8s.io", "networkpolicies.networking.k8s.io",
      "roles.rbac.authorization.k8s.io", "clusterroles.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io",
      "clusterrolebindings.rbac.authorization.k8s.io", "poddisruptionbudgets.policy", "horizontalpodautoscalers.autoscaling",
      "storageclasses.storage.k8s.io", "priorityclasses.scheduling.k8s.io", "leases.coordination.k8s.io",
      "certificatesigningrequests.certificates.k8s.io", "customresourcedefinitions.apiextensions.k8s.io",
    ]) {
      expect(strategies[r]?.validate, r).toBeTypeOf("function");
      expect(strategies[r]?.validateUpdate, r).toBeTypeOf("function");
    }
  });
});

describe("realistic manifests pass the whole create pipeline", () => {
  it.each([
    ["deployments.apps", m.nginxDeployment()],
    ["deployments.apps", { ...m.kubectlCreateDeployment(), metadata: { name: "web", namespace: "default", labels: { app: "web" } } }],
    ["services", m.webService()],
    ["jobs.batch", m.piJob()],
    ["cronjobs.batch", m.helloCronJob()],
    ["ingresses.networking.k8s.io", m.webIngress()],
    ["roles.rbac.authorization.k8s.io", m.podReaderRole()],
    ["rolebindings.rbac.authorization.k8s.io", m.readPodsBinding()],
    ["clusterroles.rbac.authorization.k8s.io", m.clusterRole()],
    [
      "clusterrolebindings.rbac.authorization.k8s.io",
      { metadata: { name: "metrics" }, roleRef: { kind: "ClusterRole", name: "system:metrics-reader" }, subjects: [{ kind: "Group", name: "system:authenticated" }] },
    ],
    ["namespaces", { metadata: { name: "team-a" } }],
    ["configmaps", { metadata: { name: "nginx-conf", namespace: "default" }, data: { "default.conf": "server {}" } }],
    ["secrets", { metadata: { name: "creds", namespace: "default" }, stringData: { username: "admin" } }],
    ["persistentvolumeclaims", { metadata: { name: "data", namespace: "default" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
    ["pods", { metadata: { name: "nginx", namespace: "default", labels: { run: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } }],
    ["poddisruptionbudgets.policy", { metadata: { name: "web", namespace: "default" }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: "web" } } } }],
    [
      "horizontalpodautoscalers.autoscaling",
      { metadata: { name: "web", namespace: "default" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 10 } },
    ],
    ["priorityclasses.scheduling.k8s.io", { metadata: { name: "high" }, value: 1000 }],
    ["storageclasses.storage.k8s.io", { metadata: { name: "standard" }, provisioner: "rancher.io/local-path" }],
  ] as [string, KubeObject][])("%s", (resource, obj) => {
    expect(create(resource, obj).errors).toEqual([]);
  });
});

describe("kind-specific preparation", () => {
  it("pods start Pending with a QoS class and the default priority", () => {
    const best = create("pods", { metadata: { name: "a", namespace: "d" }, spec: { containers: [{ name: "a", image: "nginx" }] } }).obj;
    expect(best.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
    expect(best.spec).toMatchObject({ priority: 0, preemptionPolicy: "PreemptLowerPriority", enableServiceLinks: true });
    const guaranteed = create("pods", {
      metadata: { name: "g", namespace: "d" },
      spec: { containers: [{ name: "a", image: "nginx", resources: { limits: { cpu: "1", memory: "1Gi" } } }] },
    }).obj;
    expect(guaranteed.status.qosClass).toBe("Guaranteed");
    const burstable = create("pods", {
      metadata: { name: "b", namespace: "d" },
      spec: { containers: [{ name: "a", image: "nginx", resources: { requests: { cpu: "100m" } } }] },
    }).obj;
    expect(burstable.status.qosClass).toBe("Burstable");
  });

  it("jobs get a generated selector and pod labels from their uid", () => {
    const { obj, errors } = create("jobs.batch", m.piJob());
    const uid = "2f5c7b6e-1111-4c3d-9e7f-0123456789ab";
    const labels = { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi" };
    expect(errors).toEqual([]);
    expect(obj.spec.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": uid } });
    expect(obj.spec.template.metadata.labels).toEqual(labels);
    expect(obj.metadata.labels).toEqual(labels);
    const noUid = m.piJob();
    delete noUid.metadata.uid;
    expect(create("jobs.batch", noUid).errors).toContain("metadata.uid: Required value");
  });

  it("namespaces become Active with the kubernetes finalizer, which updates cannot drop", () => {
    const { obj } = create("namespaces", { metadata: { name: "team-a" }, spec: { finalizers: ["example.com/x"] } });
    expect(obj.status).toEqual({ phase: "Active" });
    expect(obj.spec.finalizers).toEqual(["example.com/x", "kubernetes"]);
    const next = update("namespaces", { metadata: { name: "team-a" }, spec: {} }, obj).obj;
    expect(next.spec.finalizers).toEqual(["example.com/x", "kubernetes"]);
  });

  it("claims and volumes start Pending", () => {
    const pvc = create("persistentvolumeclaims", { metadata: { name: "c", namespace: "d" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } });
    expect(pvc.obj.status).toEqual({ phase: "Pending" });
  });

  it("services keep clusterIP(s) in step and keep allocated values on replace", () => {
    const created = create("services", { metadata: { name: "web", namespace: "d" }, spec: { type: "NodePort", clusterIP: "10.96.0.7", ports: [{ name: "http", port: 80 }] } }).obj;
    expect(created.spec.clusterIPs).toEqual(["10.96.0.7"]);
    created.spec.ports[0].nodePort = 30080;
    created.spec.ipFamilies = ["IPv4"];
    // kubectl replace of the original manifest, without the allocated values.
    const replaced = update("services", { metadata: { name: "web", namespace: "d" }, spec: { type: "NodePort", ports: [{ name: "http", port: 80 }] } }, created);
    expect(replaced.errors).toEqual([]);
    expect(replaced.obj.spec).toMatchObject({ clusterIP: "10.96.0.7", clusterIPs: ["10.96.0.7"], ipFamilies: ["IPv4"], ports: [{ nodePort: 30080 }] });
    // Switching to ClusterIP drops the node ports the client echoed back.
    const toClusterIP = update("services", { ...structuredClone(created), spec: { ...structuredClone(created.spec), type: "ClusterIP" } }, created);
    expect(toClusterIP.errors).toEqual([]);
    expect(toClusterIP.obj.spec.ports[0].nodePort).toBeUndefined();
    expect(toClusterIP.obj.spec.externalTrafficPolicy).toBeUndefined();
  });

  it("CRDs record their storage version", () => {
    const crd: KubeObject = {
      metadata: { name: "widgets.example.com" },
      spec: { group: "example.com", scope: "Namespaced", names: { plural: "widgets", kind: "Widget" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } }] },
    };
    const { obj, errors } = create("customresourcedefinitions.apiextensions.k8s.io", crd);
    expect(errors).toEqual([]);
    expect(obj.status).toEqual({ storedVersions: ["v1"] });
    const v2 = structuredClone(obj);
    v2.spec.versions = [{ ...v2.spec.versions[0], storage: false }, { name: "v2", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: {} } } }];
    const next = update("customresourcedefinitions.apiextensions.k8s.io", v2, obj);
    expect(next.errors).toEqual([]);
    expect(next.obj.status.storedVersions).toEqual(["v1", "v2"]);
  });

  it("CSR specs cannot be changed by an update", () => {
    const req = btoa("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n");
    const old: KubeObject = { metadata: { name: "c" }, spec: { request: req, signerName: "example.com/s", usages: ["client auth"] } };
    const next = update("certificatesigningrequests.certificates.k8s.io", { ...old, spec: { ...old.spec, usages: ["server auth"] } }, old);
    expect(next.obj.spec.usages).toEqual(["client auth"]);
  });

  it("update validation reports immutable fields through the table", () => {
    const old = create("deployments.apps", m.nginxDeployment()).obj;
    old.metadata.uid = "u";
    const next = structuredClone(old);
    next.spec.selector = { matchLabels: { app: "nginx", v: "2" } };
    next.spec.template.metadata.labels.v = "2";
    expect(update("deployments.apps", next, old).errors).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"nginx","v":"2"}}: field is immutable']);
  });
});

describe("error aggregation", () => {
  it("reports a repeated cause once, as upstream's aggregate does", () => {
    const role = m.podReaderRole();
    role.metadata.labels = { "bad key": "x" };
    const errs = strategies["roles.rbac.authorization.k8s.io"]!.validateUpdate!(role, m.podReaderRole());
    expect(errs.filter((e) => e.field === "metadata.labels")).toHaveLength(1);
  });
});
