// storage.k8s.io/v1 StorageClass, CSI objects and VolumeAttachment.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.storage.v1.";

export const storage: Descriptions = {
  [`${P}StorageClass`]: {
    "": "A kind of storage that PersistentVolumes can be provisioned from on demand: which provisioner, with " +
      "which parameters. The annotation storageclass.kubernetes.io/is-default-class marks the default.",
    ...objectFields,
    allowVolumeExpansion: "Whether claims of this class may be resized to a larger size.",
    allowedTopologies: "Where volumes may be provisioned, as topology label terms. Empty means anywhere.",
    mountOptions: "Mount options for provisioned volumes, such as ro. Not validated; a bad option makes the " +
      "mount fail.",
    parameters: "Provisioner-specific settings, such as disk type. Immutable.",
    provisioner: "The provisioner that creates volumes, usually a CSI driver name. Required and immutable.",
    reclaimPolicy: "Reclaim policy of provisioned volumes: Delete (the default) or Retain. Immutable.",
    volumeBindingMode: "Immediate (the default) provisions and binds as soon as a claim exists; " +
      "WaitForFirstConsumer waits until a pod uses the claim, so its placement counts. Immutable.",
  },
  [`${P}CSIDriver`]: {
    "": "Describes an installed CSI volume driver and how Kubernetes should interact with it. Named after the " +
      "driver; cluster-scoped.",
    ...objectFields,
    spec: "The driver's capabilities and requirements, such as whether it needs attaching.",
  },
  [`${P}CSINode`]: {
    "": "The CSI drivers registered on one node, created by the kubelet and named after the node.",
    ...objectFields,
    spec: "The drivers on the node, with their node IDs and topology keys.",
  },
  [`${P}CSIStorageCapacity`]: {
    "": "Free capacity a CSI driver reports for one storage class in one topology segment, used when " +
      "scheduling pods with volumes that are yet to be provisioned.",
    ...objectFields,
    capacity: "Available capacity for new volumes. Unset means unknown.",
    maximumVolumeSize: "The largest single volume that can be created. Unset means unknown.",
    nodeTopology: "The nodes this capacity applies to. Immutable.",
    storageClassName: "The StorageClass the capacity applies to. Immutable.",
  },
  [`${P}VolumeAttachment`]: {
    "": "Records that a volume should be attached to a node, for CSI drivers that need attach and detach.",
    ...objectFields,
    spec: "Which volume, which node, and which attacher. Immutable.",
    status: "Whether attaching or detaching has succeeded, and any error. Written by the attacher.",
  },
  [`${P}VolumeAttachmentSpec`]: {
    "": "The requested attachment.",
    attacher: "Which volume driver performs the attach.",
    nodeName: "The node to attach the volume to.",
    source: "The volume to attach: a PersistentVolume name, or an inline volume spec.",
  },
  [`${P}VolumeAttachmentStatus`]: {
    "": "The outcome of an attachment, reported by the attacher.",
    attachError: "The last error while attaching, if any.",
    attached: "Whether the volume is attached.",
    attachmentMetadata: "Driver-provided details needed by later mount steps.",
    detachError: "The last error while detaching, if any.",
  },
};
