// core/v1 Node: spec, status and what the kubelet reports about itself.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

export const coreNode: Descriptions = {
  [`${P}Node`]: {
    "": "A machine, physical or virtual, that runs pods. Usually registered by its own kubelet, which keeps " +
      "its status and lease up to date.",
    ...objectFields,
    spec: "Settings for the node: taints, schedulability, pod address ranges.",
    status: "What the kubelet last reported: conditions, capacity, addresses, versions.",
  },
  [`${P}NodeSpec`]: {
    "": "The configured state of a node.",
    configSource: "Deprecated dynamic kubelet configuration source; no longer used by kubelets.",
    externalID: "Deprecated and not set by current kubelets.",
    podCIDR: "The node's range of pod IP addresses.",
    podCIDRs: "The node's pod address ranges, at most one per IP family; the first equals podCIDR.",
    providerID: "The cloud provider's ID for the machine, as <provider>://<id>.",
    taints: "Taints that repel pods which do not tolerate them.",
    unschedulable: "When true no new pods are scheduled here; existing pods stay. Set by kubectl cordon. " +
      "Defaults to false.",
  },
  [`${P}NodeStatus`]: {
    "": "The observed state of a node as reported by its kubelet.",
    addresses: "Addresses the node can be reached at, by type. They can change over the node's life; replace " +
      "the whole list when patching.",
    allocatable: "Resources available to pods after system reservations; what the scheduler uses. Defaults " +
      "to capacity.",
    capacity: "The node's total resources, such as cpu, memory, ephemeral-storage and pods.",
    conditions: "Health observations such as Ready, MemoryPressure, DiskPressure, PIDPressure and " +
      "NetworkUnavailable.",
    config: "Deprecated status of dynamic kubelet configuration.",
    daemonEndpoints: "Ports on which daemons such as the kubelet listen.",
    features: "Optional features the node's container runtime supports.",
    images: "Container images present on the node.",
    nodeInfo: "Identifiers and versions of the machine and its software.",
    phase: "Deprecated and never set.",
    runtimeHandlers: "The runtime handlers the node offers, with their features.",
    volumesAttached: "Volumes currently attached to the node.",
    volumesInUse: "Attachable volumes currently mounted on the node.",
  },
  [`${P}NodeCondition`]: {
    "": "One health observation about a node.",
    ...conditionFields,
    lastHeartbeatTime: "When the kubelet last refreshed this condition.",
    type: "Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable, or a custom type.",
  },
  [`${P}NodeAddress`]: {
    "": "One address of a node.",
    address: "The address itself.",
    type: "Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.",
  },
  [`${P}NodeSystemInfo`]: {
    "": "Identifiers and versions reported by a node.",
    architecture: "The CPU architecture, such as amd64 or arm64.",
    bootID: "Changes on every reboot.",
    containerRuntimeVersion: "The container runtime and version, such as containerd://1.7.0.",
    kernelVersion: "The kernel release, as from uname -r.",
    kubeProxyVersion: "Deprecated; not reliably set.",
    kubeletVersion: "The kubelet's version.",
    machineID: "The machine ID from /etc/machine-id; the preferred unique identifier of the machine.",
    operatingSystem: "linux or windows.",
    osImage: "The OS distribution, as from /etc/os-release.",
    swap: "Swap memory on the node.",
    systemUUID: "The hardware system UUID.",
  },
  [`${P}NodeDaemonEndpoints`]: {
    "": "Ports opened by daemons on the node.",
    kubeletEndpoint: "The kubelet's API port.",
  },
  [`${P}DaemonEndpoint`]: {
    "": "The port of one node daemon.",
    Port: "The port number.",
  },
  [`${P}Taint`]: {
    "": "A mark on a node that repels pods without a matching toleration.",
    effect: "What happens to pods that do not tolerate it: NoSchedule (not scheduled here), PreferNoSchedule " +
      "(avoided if possible) or NoExecute (also evicted if running). Required.",
    key: "The taint key. Required.",
    timeAdded: "When a NoExecute taint was added; set by the system.",
    value: "The taint value, if any.",
  },
  [`${P}ContainerImage`]: {
    "": "An image present on a node.",
    names: "References the image is known by, with tags or digests.",
    sizeBytes: "Image size, in bytes.",
  },
  [`${P}AttachedVolume`]: {
    "": "One volume currently attached to the node.",
    devicePath: "Where the device appears on the node.",
    name: "The volume's unique name.",
  },
  [`${P}NodeRuntimeHandler`]: {
    "": "A container runtime handler offered by a node.",
    features: "What this handler supports.",
    name: "The handler's name; the default handler has an empty one.",
  },
  [`${P}NodeRuntimeHandlerFeatures`]: {
    "": "Optional features of a runtime handler.",
    recursiveReadOnlyMounts: "Whether recursively read-only mounts are supported.",
    userNamespaces: "Whether user namespaces, including for volumes, are supported.",
  },
  [`${P}NodeFeatures`]: {
    "": "Optional features of the node's container runtime as a whole.",
    supplementalGroupsPolicy: "Whether supplementalGroupsPolicy and reporting of container user IDs are " +
      "supported.",
  },
  [`${P}NodeConfigSource`]: {
    "": "Deprecated source of dynamic kubelet configuration.",
    configMap: "A ConfigMap holding kubelet configuration.",
  },
  [`${P}NodeConfigStatus`]: {
    "": "Deprecated status of dynamic kubelet configuration.",
    active: "The configuration in use.",
    assigned: "The configuration the node was asked to use.",
    error: "Problems applying the assigned configuration.",
    lastKnownGood: "The configuration to fall back to.",
  },
  [`${P}NodeSwapStatus`]: {
    "": "Swap memory of a node.",
    capacity: "Total swap in bytes.",
  },
};
