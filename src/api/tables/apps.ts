// apps/v1: deployments, replica sets, stateful sets, daemon sets and controller revisions.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, col, containerColumns, formatLabelSelector, formatLabels, nameColumn, selectorString } from "./format";

const int = (get: (o: KubeObject) => unknown) => (o: KubeObject): number => Number(get(o) ?? 0);
const templateContainers = containerColumns((o) => o.spec?.template?.spec?.containers);

export const deploymentColumns: ColumnDef[] = [
  nameColumn,
  col("Ready", "Number of the pod with ready state", (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`),
  col("Up-to-date", DOC["DeploymentStatus.updatedReplicas"], int((o) => o.status?.updatedReplicas)),
  col("Available", DOC["DeploymentStatus.availableReplicas"], int((o) => o.status?.availableReplicas)),
  ageColumn,
  ...templateContainers,
  // Unlike the other kinds, an empty deployment selector prints as "" rather than "<none>".
  col("Selector", DOC["DeploymentSpec.selector"], (o) => selectorString(o.spec?.selector) ?? "<invalid>", { priority: 1 }),
];

export const replicaSetColumns: ColumnDef[] = [
  nameColumn,
  col("Desired", DOC["ReplicaSetSpec.replicas"], int((o) => o.spec?.replicas), { type: "integer" }),
  col("Current", DOC["ReplicaSetStatus.replicas"], int((o) => o.status?.replicas), { type: "integer" }),
  col("Ready", DOC["ReplicaSetStatus.readyReplicas"], int((o) => o.status?.readyReplicas), { type: "integer" }),
  ageColumn,
  ...templateContainers,
  col("Selector", DOC["ReplicaSetSpec.selector"], (o) => formatLabelSelector(o.spec?.selector), { priority: 1 }),
];

export const statefulSetColumns: ColumnDef[] = [
  nameColumn,
  col("Ready", "Number of the pod with ready state", (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`),
  ageColumn,
  ...templateContainers,
];

export const daemonSetColumns: ColumnDef[] = [
  nameColumn,
  col("Desired", DOC["DaemonSetStatus.desiredNumberScheduled"], int((o) => o.status?.desiredNumberScheduled), { type: "integer" }),
  col("Current", DOC["DaemonSetStatus.currentNumberScheduled"], int((o) => o.status?.currentNumberScheduled), { type: "integer" }),
  col("Ready", DOC["DaemonSetStatus.numberReady"], int((o) => o.status?.numberReady), { type: "integer" }),
  col("Up-to-date", DOC["DaemonSetStatus.updatedNumberScheduled"], int((o) => o.status?.updatedNumberScheduled), { type: "integer" }),
  col("Available", DOC["DaemonSetStatus.numberAvailable"], int((o) => o.status?.numberAvailable), { type: "integer" }),
  col("Node Selector", DOC["PodSpec.nodeSelector"], (o) => formatLabels(o.spec?.template?.spec?.nodeSelector)),
  ageColumn,
  ...templateContainers,
  col("Selector", DOC["DaemonSetSpec.selector"], (o) => formatLabelSelector(o.spec?.selector), { priority: 1 }),
];

/** The controlling owner as "kind.group/name" (kind alone for the core group). */
function controllerOf(o: KubeObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (!ref) return "<none>";
  const slash = ref.apiVersion.indexOf("/");
  const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : "";
  if (!ref.kind && !group) return ref.name;
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionColumns: ColumnDef[] = [
  nameColumn,
  col("Controller", "Controller of the object", controllerOf),
  col("Revision", DOC["ControllerRevision.revision"], int((o) => o.revision)),
  ageColumn,
];
