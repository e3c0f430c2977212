// storage.k8s.io: storage classes (the default one is marked in its name), CSI drivers and nodes,
// volume attachments and storage capacities.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, col, nameColumn } from "./format";
import { formatQuantity } from "./quantity";

const DEFAULT_CLASS = ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"];

/** A *bool defaulted as upstream's printer does when nil. */
const flag = (v: unknown, dflt: boolean): boolean => (v === undefined || v === null ? dflt : Boolean(v));

function storageClassName(o: KubeObject): string {
  const ann = o.metadata.annotations ?? {};
  const isDefault = DEFAULT_CLASS.some((k) => ann[k] === "true");
  return `${o.metadata.name ?? ""}${isDefault ? " (default)" : ""}`;
}

export const storageClassColumns: ColumnDef[] = [
  { ...nameColumn, cell: storageClassName },
  col("Provisioner", DOC["StorageClass.provisioner"], (o) => o.provisioner ?? ""),
  col("ReclaimPolicy", DOC["StorageClass.reclaimPolicy"], (o) => o.reclaimPolicy ?? "Delete"),
  col("VolumeBindingMode", DOC["StorageClass.volumeBindingMode"], (o) => o.volumeBindingMode ?? "Immediate"),
  col("AllowVolumeExpansion", DOC["StorageClass.allowVolumeExpansion"], (o) => flag(o.allowVolumeExpansion, false)),
  ageColumn,
];

export const csiDriverColumns: ColumnDef[] = [
  nameColumn,
  col("AttachRequired", DOC["CSIDriverSpec.attachRequired"], (o) => flag(o.spec?.attachRequired, true), { type: "boolean" }),
  col("PodInfoOnMount", DOC["CSIDriverSpec.podInfoOnMount"], (o) => flag(o.spec?.podInfoOnMount, false), { type: "boolean" }),
  col("StorageCapacity", DOC["CSIDriverSpec.storageCapacity"], (o) => flag(o.spec?.storageCapacity, false), { type: "boolean" }),
  col("TokenRequests", DOC["CSIDriverSpec.tokenRequests"], (o) =>
    Array.isArray(o.spec?.tokenRequests) ? o.spec.tokenRequests.map((t: any) => t?.audience ?? "").join(",") : "<unset>",
  ),
  col("RequiresRepublish", DOC["CSIDriverSpec.requiresRepublish"], (o) => flag(o.spec?.requiresRepublish, false), { type: "boolean" }),
  col("Modes", DOC["CSIDriverSpec.volumeLifecycleModes"], (o) => arr(o.spec?.volumeLifecycleModes).join(",") || "<none>"),
  ageColumn,
];

export const csiNodeColumns: ColumnDef[] = [
  nameColumn,
  col("Drivers", "Drivers indicates the number of CSI drivers registered on the node", (o) => arr(o.spec?.drivers).length, { type: "integer" }),
  ageColumn,
];

export const volumeAttachmentColumns: ColumnDef[] = [
  nameColumn,
  col("Attacher", DOC["VolumeAttachmentSpec.attacher"], (o) => o.spec?.attacher ?? "", { format: "name" }),
  col("PV", DOC["VolumeAttachmentSource.persistentVolumeName"], (o) => o.spec?.source?.persistentVolumeName ?? ""),
  col("Node", DOC["VolumeAttachmentSpec.nodeName"], (o) => o.spec?.nodeName ?? ""),
  col("Attached", DOC["VolumeAttachmentStatus.attached"], (o) => Boolean(o.status?.attached), { type: "boolean" }),
  ageColumn,
];

export const csiStorageCapacityColumns: ColumnDef[] = [
  nameColumn,
  col("StorageClassName", DOC["CSIStorageCapacity.storageClassName"], (o) => o.storageClassName ?? ""),
  col("Capacity", DOC["CSIStorageCapacity.capacity"], (o) => (o.capacity === undefined || o.capacity === null ? "<unset>" : formatQuantity(o.capacity))),
];
