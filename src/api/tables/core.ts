// Core (v1) kinds with simple printers: templates, controllers, config and storage objects.
// Pods, services/endpoints, nodes and events live in their own files.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, col, containerColumns, count, formatLabels, nameColumn } from "./format";
import { formatQuantity } from "./quantity";

export const podTemplateColumns: ColumnDef[] = [
  nameColumn,
  ...containerColumns((o) => o.template?.spec?.containers, 0),
  col("Pod Labels", "The labels for the pod template.", (o) => formatLabels(o.template?.metadata?.labels)),
];

export const replicationControllerColumns: ColumnDef[] = [
  nameColumn,
  col("Desired", DOC["ReplicationControllerSpec.replicas"], (o) => o.spec?.replicas ?? 0, { type: "integer" }),
  col("Current", DOC["ReplicationControllerStatus.replicas"], (o) => o.status?.replicas ?? 0, { type: "integer" }),
  col("Ready", DOC["ReplicationControllerStatus.readyReplicas"], (o) => o.status?.readyReplicas ?? 0, { type: "integer" }),
  ageColumn,
  ...containerColumns((o) => o.spec?.template?.spec?.containers),
  col("Selector", DOC["ReplicationControllerSpec.selector"], (o) => formatLabels(o.spec?.selector), { priority: 1 }),
];

export const namespaceColumns: ColumnDef[] = [
  nameColumn,
  col("Status", "The status of the namespace", (o) => o.status?.phase ?? ""),
  ageColumn,
];

export const configMapColumns: ColumnDef[] = [
  nameColumn,
  col("Data", DOC["ConfigMap.data"], (o) => count(o.data) + count(o.binaryData)),
  ageColumn,
];

export const secretColumns: ColumnDef[] = [
  nameColumn,
  col("Type", DOC["Secret.type"], (o) => o.type ?? ""),
  col("Data", DOC["Secret.data"], (o) => count(o.data)),
  ageColumn,
];

export const serviceAccountColumns: ColumnDef[] = [
  nameColumn,
  col("Secrets", DOC["ServiceAccount.secrets"], (o) => arr(o.secrets).length),
  ageColumn,
];

export const componentStatusColumns: ColumnDef[] = [
  nameColumn,
  col("Status", "Status of the component conditions", (o) => componentHealth(o).status),
  col("Message", "Message of the component conditions", (o) => componentHealth(o).message),
  col("Error", "Error of the component conditions", (o) => componentHealth(o).error),
];

function componentHealth(o: KubeObject): { status: string; message: string; error: string } {
  const c = arr(o.conditions).find((x) => x?.type === "Healthy");
  if (!c) return { status: "Unknown", message: "", error: "" };
  return { status: c.status === "True" ? "Healthy" : "Unhealthy", message: c.message ?? "", error: c.error ?? "" };
}

/** "requests.cpu: 500m/1, pods: 3/10" split into request-ish and limits.* resources. */
function quotaCells(o: KubeObject): { request: string; limit: string } {
  const hard: Record<string, unknown> = o.status?.hard ?? {};
  const used: Record<string, unknown> = o.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const pieces = name.split(".");
    const target = pieces.length > 1 && pieces[0] === "limits" ? limit : request;
    target.push(`${name}: ${formatQuantity(used[name])}/${formatQuantity(hard[name])}`);
  }
  return { request: request.join(", "), limit: limit.join(", ") };
}

export const resourceQuotaColumns: ColumnDef[] = [
  nameColumn,
  col("Request", "Request represents a minimum amount of cpu/memory that a container may consume.", (o) => quotaCells(o).request),
  col(
    "Limit",
    "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.",
    (o) => quotaCells(o).limit,
  ),
  ageColumn,
];

const ACCESS_MODES: [string, string][] = [
  ["ReadWriteOnce", "RWO"],
  ["ReadOnlyMany", "ROX"],
  ["ReadWriteMany", "RWX"],
  ["ReadWriteOncePod", "RWOP"],
];

/** Access modes abbreviated, always in the order RWO,ROX,RWX,RWOP. */
export function accessModes(modes: unknown): string {
  const set = new Set(arr(modes));
  return ACCESS_MODES.filter(([m]) => set.has(m)).map(([, s]) => s).join(",");
}

const BETA_CLASS = "volume.beta.kubernetes.io/storage-class";
/** The beta annotation, when present, overrides spec.storageClassName. */
function storageClassOf(o: KubeObject): string {
  const ann = o.metadata.annotations ?? {};
  if (BETA_CLASS in ann) return ann[BETA_CLASS] ?? "";
  return o.spec?.storageClassName ?? "";
}

const phaseOf = (o: KubeObject): string => (o.metadata.deletionTimestamp ? "Terminating" : (o.status?.phase ?? ""));
const unset = (v: unknown): string => (v === undefined || v === null ? "<unset>" : String(v));

export const persistentVolumeColumns: ColumnDef[] = [
  nameColumn,
  col("Capacity", DOC["PersistentVolumeSpec.capacity"], (o) => formatQuantity(o.spec?.capacity?.storage)),
  col("Access Modes", DOC["PersistentVolumeSpec.accessModes"], (o) => accessModes(o.spec?.accessModes)),
  col("Reclaim Policy", DOC["PersistentVolumeSpec.persistentVolumeReclaimPolicy"], (o) => o.spec?.persistentVolumeReclaimPolicy ?? ""),
  col("Status", DOC["PersistentVolumeStatus.phase"], phaseOf),
  col("Claim", DOC["PersistentVolumeSpec.claimRef"], (o) => (o.spec?.claimRef ? `${o.spec.claimRef.namespace ?? ""}/${o.spec.claimRef.name ?? ""}` : "")),
  col("StorageClass", "StorageClass of the pv", storageClassOf),
  col("VolumeAttributesClass", "VolumeAttributesClass of the pv", (o) => unset(o.spec?.volumeAttributesClassName)),
  col("Reason", DOC["PersistentVolumeStatus.reason"], (o) => o.status?.reason ?? ""),
  ageColumn,
  col("VolumeMode", DOC["PersistentVolumeSpec.volumeMode"], (o) => unset(o.spec?.volumeMode), { priority: 1 }),
];

// Capacity and access modes come from status, and only once the claim is bound to a volume.
const bound = (o: KubeObject): boolean => Boolean(o.spec?.volumeName);

export const persistentVolumeClaimColumns: ColumnDef[] = [
  nameColumn,
  col("Status", DOC["PersistentVolumeClaimStatus.phase"], phaseOf),
  col("Volume", DOC["PersistentVolumeClaimSpec.volumeName"], (o) => o.spec?.volumeName ?? ""),
  col("Capacity", DOC["PersistentVolumeClaimStatus.capacity"], (o) => (bound(o) ? formatQuantity(o.status?.capacity?.storage) : "")),
  col("Access Modes", DOC["PersistentVolumeClaimStatus.accessModes"], (o) => (bound(o) ? accessModes(o.status?.accessModes) : "")),
  col("StorageClass", "StorageClass of the pvc", storageClassOf),
  col("VolumeAttributesClass", "VolumeAttributesClass of the pvc", (o) => unset(o.spec?.volumeAttributesClassName)),
  ageColumn,
  col("VolumeMode", DOC["PersistentVolumeClaimSpec.volumeMode"], (o) => unset(o.spec?.volumeMode), { priority: 1 }),
];
