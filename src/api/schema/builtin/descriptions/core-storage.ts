// core/v1 PersistentVolumeClaim and PersistentVolume.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const accessModes = "ReadWriteOnce (one node), ReadOnlyMany, ReadWriteMany or ReadWriteOncePod (one pod)";
const legacy = "A legacy in-tree volume type; prefer the matching CSI driver.";

export const coreStorage: Descriptions = {
  [`${P}PersistentVolumeClaim`]: {
    "": "A request for storage by a user: size, access mode and class. It binds to a matching PersistentVolume, " +
      "provisioned on demand when a StorageClass allows, and pods mount it by claim name.",
    ...objectFields,
    spec: "What storage is wanted. Mostly immutable once created.",
    status: "Whether the claim is bound and the storage it actually got.",
  },
  [`${P}PersistentVolumeClaimSpec`]: {
    "": "The storage a claim asks for. After creation only resources.requests (growing only, where the class " +
      "allows expansion) and volumeAttributesClassName may change.",
    accessModes: `How the volume may be mounted: ${accessModes}.`,
    dataSource: "An existing VolumeSnapshot or PersistentVolumeClaim to pre-populate the new volume from.",
    dataSourceRef: "Like dataSource but may name any populator object, optionally in another namespace; kept " +
      "in sync with dataSource when both are given.",
    resources: "The minimum size wanted (requests.storage); the volume may be larger.",
    selector: "Only bind to existing volumes with these labels.",
    storageClassName: "The StorageClass to use. Unset means the cluster default class; an empty string means " +
      "only volumes without a class.",
    volumeAttributesClassName: "The VolumeAttributesClass whose parameters the CSI driver applies to the " +
      "volume. Unlike storageClassName it can be changed later.",
    volumeMode: "Filesystem (the default) or Block for a raw device.",
    volumeName: "The PersistentVolume to bind to; set by the binder, or by you to bind a specific volume.",
  },
  [`${P}PersistentVolumeClaimStatus`]: {
    "": "The observed state of a claim.",
    accessModes: "The access modes the bound volume actually has.",
    allocatedResourceStatuses: "Progress of a resize per resource, such as ControllerResizeInProgress or " +
      "NodeResizePending.",
    allocatedResources: "The size granted to the claim, which can run ahead of capacity while an expansion is " +
      "in progress; used for quota.",
    capacity: "The actual size of the bound volume.",
    conditions: "Details such as Resizing or FileSystemResizePending.",
    currentVolumeAttributesClassName: "The VolumeAttributesClass currently applied to the volume.",
    modifyVolumeStatus: "Progress of a change of VolumeAttributesClass, if one is under way.",
    phase: "Pending (not yet bound), Bound, or Lost (the bound volume disappeared).",
  },
  [`${P}PersistentVolumeClaimCondition`]: {
    "": "One aspect of a claim's state, such as an ongoing resize.",
    ...conditionFields,
    lastProbeTime: "When the condition was last checked.",
    type: "Which aspect: Resizing, FileSystemResizePending, or a volume modification state.",
  },
  [`${P}VolumeResourceRequirements`]: {
    "": "The size asked for by a claim.",
    limits: "The most storage wanted.",
    requests: "The least storage wanted, as requests.storage. Required.",
  },
  [`${P}TypedLocalObjectReference`]: {
    "": "Refers to an object of a given kind in the same namespace.",
    apiGroup: "The API group of the kind; empty for the core group.",
    kind: "The kind referred to.",
    name: "The name referred to.",
  },
  [`${P}TypedObjectReference`]: {
    "": "Refers to an object of a given kind, possibly in another namespace.",
    apiGroup: "The API group of the kind; empty for the core group.",
    kind: "The kind referred to.",
    name: "The name referred to.",
    namespace: "Another namespace, which must allow the reference with a ReferenceGrant. Needs the " +
      "CrossNamespaceVolumeDataSource feature.",
  },
  [`${P}ModifyVolumeStatus`]: {
    "": "Progress of applying a new VolumeAttributesClass to a volume.",
    status: "Pending (requirements not met yet, such as a missing class), InProgress, or Infeasible (rejected " +
      "by the driver; pick another class).",
    targetVolumeAttributesClassName: "The class being applied.",
  },
  [`${P}PersistentVolume`]: {
    "": "A piece of storage in the cluster, provisioned by an administrator or dynamically through a " +
      "StorageClass. Cluster-scoped; pods use it through a PersistentVolumeClaim bound to it.",
    ...objectFields,
    spec: "What the volume is, where it lives and how it may be used.",
    status: "Whether the volume is available, bound or released.",
  },
  [`${P}PersistentVolumeSpec`]: {
    "": "The description of a PersistentVolume; exactly one volume source field must be set.",
    accessModes: `How the volume can be mounted: ${accessModes}.`,
    awsElasticBlockStore: `An AWS EBS disk. ${legacy}`,
    azureDisk: `An Azure data disk. ${legacy}`,
    azureFile: `An Azure File share. ${legacy}`,
    capacity: "The volume's size, as storage.",
    cephfs: "A CephFS mount. The in-tree plugin has been removed.",
    cinder: `An OpenStack Cinder volume. ${legacy}`,
    claimRef: "The claim bound to this volume; set it in advance to reserve the volume for a particular claim.",
    csi: "A volume managed by a CSI driver; the usual source today.",
    fc: "A Fibre Channel disk.",
    flexVolume: "A volume from an exec-based FlexVolume driver. Deprecated.",
    flocker: "A Flocker dataset. Deprecated.",
    gcePersistentDisk: `A GCE persistent disk. ${legacy}`,
    glusterfs: "A GlusterFS mount. The in-tree plugin has been removed.",
    hostPath: "A directory on one node; only for testing on single-node clusters.",
    iscsi: "An iSCSI disk.",
    local: "A local disk or directory of a node; requires nodeAffinity.",
    mountOptions: "Mount options such as ro or soft. Not validated; a bad option makes the mount fail.",
    nfs: "An NFS export.",
    nodeAffinity: "The nodes from which the volume can be used; pods using it are scheduled accordingly.",
    persistentVolumeReclaimPolicy: "What happens when the claim is deleted: Retain (default for manual volumes), " +
      "Delete (default for provisioned ones) or the deprecated Recycle.",
    photonPersistentDisk: "A VMware Photon Controller disk. Deprecated.",
    portworxVolume: `A Portworx volume. ${legacy}`,
    quobyte: "A Quobyte mount. Deprecated.",
    rbd: "A Ceph RBD block device. Deprecated.",
    scaleIO: "A ScaleIO volume. Deprecated.",
    storageClassName: "The StorageClass this volume belongs to; empty for none. Only claims of the same class " +
      "bind to it.",
    storageos: "A StorageOS volume. Deprecated.",
    volumeAttributesClassName: "The VolumeAttributesClass the volume currently has; unset for none. Updated by " +
      "the driver after a successful change.",
    volumeMode: "Filesystem (the default) or Block for a raw device.",
    vsphereVolume: `A vSphere VMDK disk. ${legacy}`,
  },
  [`${P}PersistentVolumeStatus`]: {
    "": "The observed state of a PersistentVolume.",
    lastPhaseTransitionTime: "When phase last changed.",
    message: "A human-readable explanation of the current phase.",
    phase: "Pending, Available (free), Bound, Released (claim deleted, not yet reclaimed) or Failed.",
    reason: "A short CamelCase reason, mostly for failures.",
  },
  [`${P}VolumeNodeAffinity`]: {
    "": "Limits which nodes can use a volume.",
    required: "The nodes must match this selector.",
  },
};
