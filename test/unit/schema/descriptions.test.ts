import { describe, expect, it } from "vitest";
import { builtinResources } from "../../../src/api/registry/builtin";
import { descriptions, descriptionTables } from "../../../src/api/schema/builtin/descriptions";

const META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
const CORE = "io.k8s.api.core.v1.";
const APPS = "io.k8s.api.apps.v1.";
const BATCH = "io.k8s.api.batch.v1.";
const NET = "io.k8s.api.networking.v1.";
const RBAC = "io.k8s.api.rbac.v1.";
const CRD = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";

const names = (prefix: string, list: string) => list.split(/\s+/).filter(Boolean).map((n) => prefix + n);

/** The types the brief asks for, in its priority order (kinds themselves come from the registry). */
const required = [
  ...names(META, "ObjectMeta OwnerReference LabelSelector LabelSelectorRequirement ListMeta"),
  ...names(APPS, `Deployment DeploymentSpec DeploymentStrategy RollingUpdateDeployment DeploymentStatus
    DeploymentCondition ReplicaSet ReplicaSetSpec ReplicaSetStatus StatefulSet StatefulSetSpec
    StatefulSetUpdateStrategy RollingUpdateStatefulSetStrategy StatefulSetPersistentVolumeClaimRetentionPolicy
    StatefulSetStatus DaemonSet DaemonSetSpec DaemonSetUpdateStrategy RollingUpdateDaemonSet DaemonSetStatus`),
  ...names(CORE, `PodTemplateSpec PodSpec Container ContainerPort EnvVar EnvVarSource EnvFromSource
    ConfigMapKeySelector SecretKeySelector ObjectFieldSelector ResourceFieldSelector ResourceRequirements
    VolumeMount Volume EmptyDirVolumeSource ConfigMapVolumeSource SecretVolumeSource HostPathVolumeSource
    PersistentVolumeClaimVolumeSource ProjectedVolumeSource DownwardAPIVolumeSource Probe HTTPGetAction
    TCPSocketAction ExecAction GRPCAction Lifecycle LifecycleHandler SecurityContext PodSecurityContext
    Capabilities Affinity NodeAffinity PodAffinity PodAntiAffinity PodAffinityTerm WeightedPodAffinityTerm
    NodeSelector NodeSelectorTerm NodeSelectorRequirement Toleration TopologySpreadConstraint PodStatus
    ContainerStatus ContainerState ContainerStateRunning ContainerStateWaiting ContainerStateTerminated
    PodCondition`),
  ...names(CORE, `Service ServiceSpec ServicePort ServiceStatus ConfigMap Secret Namespace NamespaceSpec
    NamespaceStatus Node NodeSpec NodeStatus PersistentVolumeClaim PersistentVolumeClaimSpec PersistentVolume
    PersistentVolumeSpec ServiceAccount Event`),
  ...names(BATCH, "Job JobSpec JobStatus CronJob CronJobSpec JobTemplateSpec"),
  ...names(NET, `Ingress IngressSpec IngressRule HTTPIngressRuleValue HTTPIngressPath IngressBackend
    IngressServiceBackend ServiceBackendPort IngressTLS NetworkPolicy NetworkPolicySpec`),
  "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec",
  "io.k8s.api.policy.v1.PodDisruptionBudgetSpec",
  ...names(RBAC, "Role ClusterRole PolicyRule RoleBinding Subject RoleRef"),
  "io.k8s.api.coordination.v1.LeaseSpec",
  ...names(CRD, "CustomResourceDefinitionSpec CustomResourceDefinitionNames CustomResourceDefinitionVersion"),
];

/** Upstream's definition name for a registry row: the group's first label picks the package. */
function definitionName(group: string, version: string, kind: string): string {
  if (group === "apiextensions.k8s.io") return `${CRD}${kind}`;
  return `io.k8s.api.${group === "" ? "core" : group.split(".")[0]}.${version}.${kind}`;
}

describe("built-in field descriptions", () => {
  it("describes every requested type", () => {
    const missing = required.filter((name) => !descriptions[name]?.[""]?.trim());
    expect(missing).toEqual([]);
  });

  it("describes every registered kind and its top-level fields", () => {
    const gaps: string[] = [];
    for (const { group, version, kind } of builtinResources) {
      const name = definitionName(group, version, kind);
      const entry = descriptions[name];
      for (const field of ["", "apiVersion", "kind", "metadata"]) {
        if (!entry?.[field]?.trim()) gaps.push(`${name}.${field || "(type)"}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it("keeps every description non-empty, short and single-spaced", () => {
    const bad: string[] = [];
    for (const [name, fields] of Object.entries(descriptions)) {
      expect(fields[""], `${name} has no type description`).toBeTruthy();
      for (const [field, text] of Object.entries(fields)) {
        const trimmed = text.trim();
        if (!trimmed || text.length > 400 || trimmed !== text || /\s{2,}/.test(text)) bad.push(`${name}.${field}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("describes each definition in exactly one file", () => {
    const seen = new Set<string>();
    const dupes: string[] = [];
    for (const table of descriptionTables) {
      for (const name of Object.keys(table)) {
        if (seen.has(name)) dupes.push(name);
        seen.add(name);
      }
    }
    expect(dupes).toEqual([]);
  });
});
