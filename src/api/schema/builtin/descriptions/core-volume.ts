// core/v1 Volume and the volume sources pods use most.
import type { Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const legacy = "A legacy in-tree volume plugin; prefer the matching CSI driver.";
const mode = "Permission bits for the file, 0000-0777 in octal (JSON needs the decimal form). Defaults to the " +
  "volume's defaultMode; fsGroup may add bits.";
const defaultMode = "Permission bits for the created files, 0000-0777 in octal (JSON needs the decimal form). " +
  "Defaults to 0644; directories are not affected and fsGroup may add bits.";
const items = "Which keys to expose and at which relative paths. Without it every key becomes a file named " +
  "after the key; with it only the listed keys appear. A listed key that is missing is an error unless optional.";

export const coreVolume: Descriptions = {
  [`${P}Volume`]: {
    "": "A named volume of a pod that its containers can mount. Exactly one source (emptyDir, configMap, " +
      "persistentVolumeClaim and so on) must be set.",
    awsElasticBlockStore: `An AWS EBS disk. ${legacy}`,
    azureDisk: `An Azure data disk. ${legacy}`,
    azureFile: `An Azure File share. ${legacy}`,
    cephfs: "A CephFS mount. The in-tree plugin has been removed; use the Ceph CSI driver.",
    cinder: `An OpenStack Cinder volume. ${legacy}`,
    configMap: "Files made from the keys of a ConfigMap; updated in place when the ConfigMap changes (except " +
      "for subPath mounts).",
    csi: "An ephemeral volume provided inline by a CSI driver that supports it.",
    downwardAPI: "Files containing fields of the pod (labels, annotations, name) or container resources.",
    emptyDir: "A scratch directory, empty when the pod starts and deleted when the pod leaves the node.",
    ephemeral: "A volume from a PersistentVolumeClaim created for this pod from a template and deleted with it.",
    fc: "A Fibre Channel disk attached to the node.",
    flexVolume: "A volume mounted by an exec-based FlexVolume driver. Deprecated.",
    flocker: "A Flocker dataset. Deprecated.",
    gcePersistentDisk: `A GCE persistent disk. ${legacy}`,
    gitRepo: "A directory holding a clone of a git repository. Deprecated; clone in an init container instead.",
    glusterfs: "A GlusterFS mount. The in-tree plugin has been removed.",
    hostPath: "A file or directory from the node's filesystem. Powerful and risky; mainly for system agents.",
    image: "The contents of an OCI image or artifact, mounted read-only. Needs the ImageVolume feature.",
    iscsi: "An iSCSI disk attached to the node.",
    name: "The volume's name, a DNS label unique in the pod; volumeMounts refer to it.",
    nfs: "An NFS export mounted for the lifetime of the pod.",
    persistentVolumeClaim: "The PersistentVolume bound to a claim in the pod's namespace.",
    photonPersistentDisk: "A VMware Photon Controller disk. Deprecated.",
    portworxVolume: `A Portworx volume. ${legacy}`,
    projected: "Several sources (ConfigMaps, Secrets, downward API, service account tokens) combined in one " +
      "directory.",
    quobyte: "A Quobyte mount. Deprecated.",
    rbd: "A Ceph RBD block device. Deprecated.",
    scaleIO: "A ScaleIO volume. Deprecated.",
    secret: "Files made from the keys of a Secret, kept in memory on the node.",
    storageos: "A StorageOS volume. Deprecated.",
    vsphereVolume: `A vSphere VMDK disk. ${legacy}`,
  },
  [`${P}EmptyDirVolumeSource`]: {
    "": "An initially empty directory that lives as long as the pod stays on its node.",
    medium: "Where to keep the data: empty (the default) for the node's disk, or Memory for a RAM-backed tmpfs " +
      "that counts against the containers' memory.",
    sizeLimit: "The most space the volume may use; the pod is evicted beyond it. For Memory it is further capped " +
      "by the pod's memory limits. Unset means no volume-specific limit.",
  },
  [`${P}ConfigMapVolumeSource`]: {
    "": "Exposes a ConfigMap's keys as files.",
    defaultMode,
    items,
    name: "The ConfigMap's name, in the pod's namespace.",
    optional: "If true, a missing ConfigMap or key does not keep the pod from starting.",
  },
  [`${P}SecretVolumeSource`]: {
    "": "Exposes a Secret's keys as files.",
    defaultMode,
    items,
    optional: "If true, a missing Secret or key does not keep the pod from starting.",
    secretName: "The Secret's name, in the pod's namespace.",
  },
  [`${P}HostPathVolumeSource`]: {
    "": "A path on the node's filesystem mounted into the pod.",
    path: "The path on the node; symlinks are followed.",
    type: "What must be at the path: empty (no check, the default), DirectoryOrCreate, Directory, FileOrCreate, " +
      "File, Socket, CharDevice or BlockDevice.",
  },
  [`${P}PersistentVolumeClaimVolumeSource`]: {
    "": "Mounts the volume bound to a PersistentVolumeClaim in the pod's namespace.",
    claimName: "The claim's name.",
    readOnly: "Force every mount of this volume to be read-only. Defaults to false.",
  },
  [`${P}ProjectedVolumeSource`]: {
    "": "One directory assembled from several sources.",
    defaultMode,
    sources: "The sources to combine; each entry sets exactly one kind of source.",
  },
  [`${P}VolumeProjection`]: {
    "": "One source of a projected volume; set exactly one field.",
    clusterTrustBundle: "Certificates from ClusterTrustBundle objects, written as one PEM file.",
    configMap: "Keys of a ConfigMap.",
    downwardAPI: "Pod fields and container resources.",
    podCertificate: "A key and certificate issued for this pod through a PodCertificateRequest. Needs the " +
      "PodCertificateRequest feature.",
    secret: "Keys of a Secret.",
    serviceAccountToken: "A short-lived token for the pod's service account, rotated by the kubelet.",
  },
  [`${P}ConfigMapProjection`]: {
    "": "ConfigMap keys written into a projected volume.",
    items,
    name: "The ConfigMap's name, in the pod's namespace.",
    optional: "If true, a missing ConfigMap or key does not keep the pod from starting.",
  },
  [`${P}SecretProjection`]: {
    "": "Secret keys written into a projected volume.",
    items,
    name: "The Secret's name, in the pod's namespace.",
    optional: "If true, a missing Secret or key does not keep the pod from starting.",
  },
  [`${P}DownwardAPIProjection`]: {
    "": "Pod information written into a projected volume.",
    items: "The files to create and the pod field or resource each one holds.",
  },
  [`${P}ServiceAccountTokenProjection`]: {
    "": "A bound token for the pod's service account, written to a file and refreshed before it expires.",
    audience: "Who the token is for; recipients should reject tokens not meant for them. Defaults to the API " +
      "server's audience.",
    expirationSeconds: "Requested lifetime of the token in seconds, at least 600. The kubelet replaces it after " +
      "80% of that time, and at least daily. Defaults to 3600.",
    path: "The file to write the token to, relative to the mount point.",
  },
  [`${P}ClusterTrustBundleProjection`]: {
    "": "Selects ClusterTrustBundles and writes their certificates into the pod.",
    labelSelector: "With signerName, only bundles carrying these labels are used.",
    name: "A single bundle by name. Cannot be combined with signerName or labelSelector.",
    optional: "If true, the pod starts even when no bundle matches.",
    path: "The file to write the bundle to, relative to the volume root.",
    signerName: "Use every bundle for this signer, merged and deduplicated. Cannot be combined with name.",
  },
  [`${P}DownwardAPIVolumeSource`]: {
    "": "A volume of files holding pod fields and container resource values.",
    defaultMode,
    items: "The files to create and the pod field or resource each one holds.",
  },
  [`${P}DownwardAPIVolumeFile`]: {
    "": "One file of a downward API volume; set fieldRef or resourceFieldRef.",
    fieldRef: "A pod field: metadata.name, metadata.namespace, metadata.uid, metadata.labels or " +
      "metadata.annotations (all of them, or one key).",
    mode,
    path: "Relative path of the file; absolute paths and '..' are rejected.",
    resourceFieldRef: "A container's resource limit or request; containerName is required here.",
  },
  [`${P}KeyToPath`]: {
    "": "Maps one key to a file path inside a volume.",
    key: "The key to write.",
    mode,
    path: "Relative path of the file; absolute paths and '..' are rejected.",
  },
  [`${P}NFSVolumeSource`]: {
    "": "An NFS export mounted for the life of the pod.",
    path: "The exported path on the server.",
    readOnly: "Mount the export read-only. Defaults to false.",
    server: "The NFS server, by host name or IP.",
  },
  [`${P}CSIVolumeSource`]: {
    "": "An inline ephemeral volume handled by a CSI driver.",
    driver: "The registered name of the CSI driver.",
    fsType: "The filesystem to mount, such as ext4 or xfs. If empty the driver picks one.",
    nodePublishSecretRef: "A Secret with sensitive data the driver needs to mount the volume.",
    readOnly: "Mount read-only. Defaults to false.",
    volumeAttributes: "Driver-specific settings passed through to the driver.",
  },
  [`${P}EphemeralVolumeSource`]: {
    "": "A per-pod volume from an ordinary storage driver: a claim is created with the pod and deleted with it.",
    volumeClaimTemplate: "The claim to create, named <pod>-<volume>. Its spec is copied unchanged.",
  },
  [`${P}PersistentVolumeClaimTemplate`]: {
    "": "A PersistentVolumeClaim blueprint used by ephemeral volumes.",
    metadata: "Labels and annotations copied onto the created claim; name and namespace are not allowed.",
    spec: "The spec of the created claim.",
  },
  [`${P}ImageVolumeSource`]: {
    "": "An OCI image or artifact mounted read-only as a volume.",
    pullPolicy: "Always, Never or IfNotPresent, as for container images. Defaults to Always for :latest, " +
      "otherwise IfNotPresent.",
    reference: "The image or artifact reference, resolved and authenticated like a container image.",
  },
};
