// storage.k8s.io/v1 StorageClass, CSIDriver, CSINode, CSIStorageCapacity and VolumeAttachment.

import type { SchemaPackage } from "../schema";

export const storage: SchemaPackage = {
  proto: "k8s.io.api.storage.v1",
  messages: {
    StorageClass: { 1: "metadata:meta.ObjectMeta", 2: "provisioner!", 3: "parameters:{string}",
      4: "reclaimPolicy*", 5: "mountOptions[] =atomic", 6: "allowVolumeExpansion*:bool", 7: "volumeBindingMode*",
      8: "allowedTopologies[]:core.TopologySelectorTerm =atomic" },
    CSIDriver: { 1: "metadata:meta.ObjectMeta", 2: "spec!:CSIDriverSpec" },
    CSINode: { 1: "metadata:meta.ObjectMeta", 2: "spec!:CSINodeSpec" },
    CSIStorageCapacity: { 1: "metadata:meta.ObjectMeta", 2: "nodeTopology*:meta.LabelSelector",
      3: "storageClassName!", 4: "capacity*:resource.Quantity", 5: "maximumVolumeSize*:resource.Quantity" },
    VolumeAttachment: { 1: "metadata:meta.ObjectMeta", 2: "spec!:VolumeAttachmentSpec",
      3: "status:VolumeAttachmentStatus" },
    CSIDriverSpec: { 1: "attachRequired*:bool", 2: "podInfoOnMount*:bool", 3: "volumeLifecycleModes[] =set",
      4: "storageCapacity*:bool", 5: "fsGroupPolicy*", 6: "tokenRequests[]:TokenRequest =atomic",
      7: "requiresRepublish*:bool", 8: "seLinuxMount*:bool",
      9: "nodeAllocatableUpdatePeriodSeconds*:int64 @1.33" },
    CSINodeSpec: { 1: "drivers[]!:CSINodeDriver ~merge(name) =map(name)" },
    VolumeAttachmentSpec: { 1: "attacher!", 2: "source!:VolumeAttachmentSource", 3: "nodeName!" },
    VolumeAttachmentStatus: { 1: "attached!:bool", 2: "attachmentMetadata:{string}",
      3: "attachError*:VolumeError", 4: "detachError*:VolumeError" },
    TokenRequest: { 1: "audience!", 2: "expirationSeconds*:int64" },
    CSINodeDriver: { 1: "name!", 2: "nodeID!", 3: "topologyKeys[] =atomic",
      4: "allocatable*:VolumeNodeResources" },
    VolumeAttachmentSource: { 1: "persistentVolumeName*", 2: "inlineVolumeSpec*:core.PersistentVolumeSpec" },
    VolumeError: { 1: "time:meta.Time", 2: "message", 3: "errorCode*:int32 @1.33" },
    VolumeNodeResources: { 1: "count*:int32" },
  },
};
