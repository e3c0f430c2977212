// Which message a body's apiVersion and kind name: every built-in kind we serve, plus the request-only
// kinds kubectl sends as protobuf (create token, auth can-i / whoami).
//
// Not here yet, because a value type they carry has no finisher in builtins.ts and would decode to the
// wrong JSON: core/v1 Event, events.k8s.io/v1 Event and Lease (metav1.MicroTime), ControllerRevision
// (runtime.RawExtension), CustomResourceDefinition (apiextensions JSON and the JSONSchemaPropsOr* unions).
// Their schemas are complete; they answer 415 until those finishers exist.

const KINDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  v1: {
    ConfigMap: "core.ConfigMap",
    Endpoints: "core.Endpoints",
    LimitRange: "core.LimitRange",
    Namespace: "core.Namespace",
    Node: "core.Node",
    PersistentVolume: "core.PersistentVolume",
    PersistentVolumeClaim: "core.PersistentVolumeClaim",
    Pod: "core.Pod",
    PodTemplate: "core.PodTemplate",
    ReplicationController: "core.ReplicationController",
    ResourceQuota: "core.ResourceQuota",
    Secret: "core.Secret",
    Service: "core.Service",
    ServiceAccount: "core.ServiceAccount",
  },
  "apps/v1": {
    DaemonSet: "apps.DaemonSet",
    Deployment: "apps.Deployment",
    ReplicaSet: "apps.ReplicaSet",
    StatefulSet: "apps.StatefulSet",
  },
  "batch/v1": { Job: "batch.Job", CronJob: "batch.CronJob" },
  "rbac.authorization.k8s.io/v1": {
    Role: "rbac.Role",
    RoleBinding: "rbac.RoleBinding",
    ClusterRole: "rbac.ClusterRole",
    ClusterRoleBinding: "rbac.ClusterRoleBinding",
  },
  "scheduling.k8s.io/v1": { PriorityClass: "scheduling.PriorityClass" },
  "networking.k8s.io/v1": {
    Ingress: "networking.Ingress",
    IngressClass: "networking.IngressClass",
    NetworkPolicy: "networking.NetworkPolicy",
  },
  "policy/v1": { PodDisruptionBudget: "policy.PodDisruptionBudget" },
  "authentication.k8s.io/v1": {
    TokenRequest: "authentication.TokenRequest",
    SelfSubjectReview: "authentication.SelfSubjectReview",
  },
  "authorization.k8s.io/v1": {
    SelfSubjectAccessReview: "authorization.SelfSubjectAccessReview",
    SelfSubjectRulesReview: "authorization.SelfSubjectRulesReview",
  },
  "autoscaling/v1": { HorizontalPodAutoscaler: "autoscalingv1.HorizontalPodAutoscaler" },
  "autoscaling/v2": { HorizontalPodAutoscaler: "autoscalingv2.HorizontalPodAutoscaler" },
  "certificates.k8s.io/v1": { CertificateSigningRequest: "certificates.CertificateSigningRequest" },
  "discovery.k8s.io/v1": { EndpointSlice: "discovery.EndpointSlice" },
  "node.k8s.io/v1": { RuntimeClass: "node.RuntimeClass" },
  "storage.k8s.io/v1": {
    CSIDriver: "storage.CSIDriver",
    CSINode: "storage.CSINode",
    CSIStorageCapacity: "storage.CSIStorageCapacity",
    StorageClass: "storage.StorageClass",
    VolumeAttachment: "storage.VolumeAttachment",
  },
};

/** The schema key for a kind, or undefined when this decoder does not know it. */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  // Own properties only: apiVersion and kind come from the wire ("constructor" must not match).
  const group = Object.hasOwn(KINDS, apiVersion) ? KINDS[apiVersion] : undefined;
  return group && Object.hasOwn(group, kind) ? group[kind] : undefined;
}

/** Every [apiVersion, kind] this decoder handles, for tests. */
export function knownKinds(): [string, string][] {
  return Object.entries(KINDS).flatMap(([apiVersion, kinds]) =>
    Object.keys(kinds).map((kind): [string, string] => [apiVersion, kind]),
  );
}
