// Which message a body's apiVersion and kind name: exactly the kinds kubectl 1.32/1.33 send as protobuf
// (create generators, create token, autoscale, certificate approve, auth can-i / whoami).

const KINDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  v1: {
    Namespace: "core.Namespace",
    ConfigMap: "core.ConfigMap",
    Secret: "core.Secret",
    ServiceAccount: "core.ServiceAccount",
    ResourceQuota: "core.ResourceQuota",
    Service: "core.Service",
  },
  "apps/v1": { Deployment: "apps.Deployment" },
  "batch/v1": { Job: "batch.Job", CronJob: "batch.CronJob" },
  "rbac.authorization.k8s.io/v1": {
    Role: "rbac.Role",
    RoleBinding: "rbac.RoleBinding",
    ClusterRole: "rbac.ClusterRole",
    ClusterRoleBinding: "rbac.ClusterRoleBinding",
  },
  "scheduling.k8s.io/v1": { PriorityClass: "scheduling.PriorityClass" },
  "networking.k8s.io/v1": { Ingress: "networking.Ingress" },
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
