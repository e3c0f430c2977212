import type { ResourceDef, Verb } from "./types";

// The built-in kinds as upstream 1.32 serves them (`kubectl api-resources`): data only. Behaviour
// (strategies, printed columns, selectable fields) attaches by qualified resource name in registry.ts.

const ALL: Verb[] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const NO_COLLECTION: Verb[] = ["create", "delete", "get", "list", "patch", "update", "watch"];

type Row = Omit<ResourceDef, "group" | "version" | "kind" | "plural" | "singular" | "verbs" | "namespaced"> & {
  verbs?: Verb[];
  cluster?: boolean;
};

function kinds(group: string, version: string, rows: Record<string, [plural: string, row?: Row]>): ResourceDef[] {
  return Object.entries(rows).map(([kind, [plural, row = {}]]) => {
    const { cluster, verbs = ALL, ...rest } = row;
    return { group, version, kind, plural, singular: kind.toLowerCase(), namespaced: !cluster, verbs, ...rest };
  });
}

const withStatus = { status: true, generation: true } as const;
const replicas = { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: ".status.selector" };

export const builtinResources: ResourceDef[] = [
  ...kinds("", "v1", {
    ConfigMap: ["configmaps", { shortNames: ["cm"] }],
    Endpoints: ["endpoints", { shortNames: ["ep"] }],
    Event: ["events", { shortNames: ["ev"] }],
    LimitRange: ["limitranges", { shortNames: ["limits"] }],
    Namespace: ["namespaces", { cluster: true, shortNames: ["ns"], verbs: NO_COLLECTION, status: true }],
    Node: ["nodes", { cluster: true, shortNames: ["no"], status: true, statusOnCreate: true }],
    PersistentVolumeClaim: ["persistentvolumeclaims", { shortNames: ["pvc"], status: true }],
    PersistentVolume: ["persistentvolumes", { cluster: true, shortNames: ["pv"], status: true }],
    Pod: ["pods", { shortNames: ["po"], categories: ["all"], status: true }],
    PodTemplate: ["podtemplates"],
    ReplicationController: ["replicationcontrollers", {
      shortNames: ["rc"], categories: ["all"], ...withStatus,
      scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" },
    }],
    ResourceQuota: ["resourcequotas", { shortNames: ["quota"], status: true }],
    Secret: ["secrets"],
    ServiceAccount: ["serviceaccounts", { shortNames: ["sa"] }],
    Service: ["services", { shortNames: ["svc"], categories: ["all"], status: true }],
  }),
  ...kinds("apps", "v1", {
    ControllerRevision: ["controllerrevisions"],
    DaemonSet: ["daemonsets", { shortNames: ["ds"], categories: ["all"], ...withStatus }],
    Deployment: ["deployments", { shortNames: ["deploy"], categories: ["all"], ...withStatus, scale: replicas }],
    ReplicaSet: ["replicasets", { shortNames: ["rs"], categories: ["all"], ...withStatus, scale: replicas }],
    StatefulSet: ["statefulsets", { shortNames: ["sts"], categories: ["all"], ...withStatus, scale: replicas }],
  }),
  ...kinds("autoscaling", "v2", {
    HorizontalPodAutoscaler: ["horizontalpodautoscalers", { shortNames: ["hpa"], categories: ["all"], status: true }],
  }),
  ...kinds("autoscaling", "v1", {
    HorizontalPodAutoscaler: ["horizontalpodautoscalers", {
      shortNames: ["hpa"], categories: ["all"], status: true, storageResource: "horizontalpodautoscalers.autoscaling",
    }],
  }),
  ...kinds("batch", "v1", {
    CronJob: ["cronjobs", { shortNames: ["cj"], categories: ["all"], ...withStatus }],
    Job: ["jobs", { categories: ["all"], ...withStatus }],
  }),
  ...kinds("certificates.k8s.io", "v1", {
    CertificateSigningRequest: ["certificatesigningrequests", { cluster: true, shortNames: ["csr"], status: true }],
  }),
  ...kinds("coordination.k8s.io", "v1", { Lease: ["leases"] }),
  ...kinds("discovery.k8s.io", "v1", { EndpointSlice: ["endpointslices"] }),
  ...kinds("events.k8s.io", "v1", { Event: ["events", { shortNames: ["ev"], storageResource: "events" }] }),
  ...kinds("networking.k8s.io", "v1", {
    IngressClass: ["ingressclasses", { cluster: true }],
    Ingress: ["ingresses", { shortNames: ["ing"], status: true }],
    NetworkPolicy: ["networkpolicies", { shortNames: ["netpol"], generation: true }],
  }),
  ...kinds("node.k8s.io", "v1", { RuntimeClass: ["runtimeclasses", { cluster: true }] }),
  ...kinds("policy", "v1", { PodDisruptionBudget: ["poddisruptionbudgets", { shortNames: ["pdb"], ...withStatus }] }),
  ...kinds("rbac.authorization.k8s.io", "v1", {
    ClusterRoleBinding: ["clusterrolebindings", { cluster: true }],
    ClusterRole: ["clusterroles", { cluster: true }],
    RoleBinding: ["rolebindings"],
    Role: ["roles"],
  }),
  ...kinds("scheduling.k8s.io", "v1", { PriorityClass: ["priorityclasses", { cluster: true, shortNames: ["pc"] }] }),
  ...kinds("storage.k8s.io", "v1", {
    CSIDriver: ["csidrivers", { cluster: true }],
    CSINode: ["csinodes", { cluster: true }],
    CSIStorageCapacity: ["csistoragecapacities"],
    StorageClass: ["storageclasses", { cluster: true, shortNames: ["sc"] }],
    VolumeAttachment: ["volumeattachments", { cluster: true, status: true }],
  }),
  ...kinds("apiextensions.k8s.io", "v1", {
    CustomResourceDefinition: ["customresourcedefinitions", {
      cluster: true, shortNames: ["crd", "crds"], categories: ["api-extensions"], status: true,
    }],
  }),
];
