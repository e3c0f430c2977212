// core/v1 PodStatus and the container states reported in it.
import { conditionFields, type Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const perName = "reported by the kubelet. Entries with unknown or duplicate names are not rejected but may be ignored.";

export const corePodStatus: Descriptions = {
  [`${P}PodStatus`]: {
    "": "A pod's observed state as reported by the scheduler and the kubelet. It can lag behind reality, for " +
      "instance when the node cannot reach the control plane.",
    conditions: "Detailed readiness milestones such as PodScheduled, Initialized, ContainersReady and Ready.",
    containerStatuses: `One entry per main container, ${perName}`,
    ephemeralContainerStatuses: `One entry per ephemeral container that has run, ${perName}`,
    extendedResourceClaimStatus: "The resource claim created automatically for extended resources satisfied " +
      "through dynamic resource allocation, and how containers map to its requests.",
    hostIP: "The primary IP of the node the pod runs on. Empty until the pod has started.",
    hostIPs: "All IPs of the node, at most one per address family; the first equals hostIP.",
    initContainerStatuses: `One entry per init container, ${perName}`,
    message: "A human-readable explanation of the pod's current state.",
    nominatedNodeName: "Set when the pod preempted others on a node and waits for them to leave. The pod may " +
      "still end up on another node.",
    observedGeneration: "The metadata.generation this status was computed from. Needs the " +
      "PodObservedGenerationTracking feature.",
    phase: "A one-word summary: Pending (accepted, not all containers created yet, including scheduling and " +
      "image pulls), Running, Succeeded, Failed, or Unknown (node unreachable).",
    podIP: "The pod's primary IP address, reachable within the cluster. Empty until assigned.",
    podIPs: "All IPs of the pod, at most one IPv4 and one IPv6; the first equals podIP.",
    qosClass: "The quality-of-service class derived from the containers' requests and limits: Guaranteed, " +
      "Burstable or BestEffort. Decides eviction order under memory pressure.",
    reason: "A short CamelCase reason for the pod's state, such as Evicted.",
    resize: "Progress of an in-place resource resize: Proposed, InProgress, Deferred or Infeasible; empty when " +
      "none is pending. Deprecated in favour of the PodResizePending and PodResizeInProgress conditions.",
    resourceClaimStatuses: "The names of ResourceClaims generated from templates for this pod.",
    startTime: "When the kubelet accepted the pod, before any image was pulled.",
  },
  [`${P}ContainerStatus`]: {
    "": "The reported state of one container of a pod.",
    allocatedResources: "The requests the node has actually reserved for the container; differs from the spec " +
      "while an in-place resize is pending.",
    allocatedResourcesStatus: "Health of the devices and other resources assigned to the container.",
    containerID: "The runtime's ID for the container, as <runtime>://<id>.",
    image: "The image the container runs, as resolved by the runtime; may differ in form from the spec.",
    imageID: "The resolved image ID, usually including its digest.",
    lastState: "The state of the previous run, typically how it terminated; empty if it has not restarted.",
    name: "The container's name, matching its entry in the spec.",
    ready: "Whether the container currently passes its readiness probe (or, without one, has started). " +
      "Ready containers receive Service traffic.",
    resources: "The requests and limits currently applied to the running container.",
    restartCount: "The number of restarts so far. May drop back to 0 if the node loses its state.",
    started: "Whether the container passed its postStart hook and startup probe. False again after a restart.",
    state: "The container's current state: waiting, running or terminated.",
    stopSignal: "The signal that will be used to stop this container.",
    user: "The user and group identities the container's first process actually started with.",
    volumeMounts: "The volume mounts in effect, with their resolved read-only handling.",
  },
  [`${P}ContainerState`]: {
    "": "A container's state; at most one field is set, and none at all means waiting.",
    running: "Set while the container runs.",
    terminated: "Set once the container has exited.",
    waiting: "Set while the container is not yet running, for example pulling its image or backing off.",
  },
  [`${P}ContainerStateRunning`]: {
    "": "Details of a running container.",
    startedAt: "When the container last started or restarted.",
  },
  [`${P}ContainerStateWaiting`]: {
    "": "Details of a container that is not running yet.",
    message: "A human-readable explanation of why it is waiting.",
    reason: "A short reason, such as ContainerCreating, ImagePullBackOff or CrashLoopBackOff.",
  },
  [`${P}ContainerStateTerminated`]: {
    "": "Details of a container that has exited.",
    containerID: "The runtime's ID of the exited container, as <runtime>://<id>.",
    exitCode: "The process exit code; 0 means success.",
    finishedAt: "When the container exited.",
    message: "The termination message, or another explanation of the exit.",
    reason: "A short reason, such as Completed, Error or OOMKilled.",
    signal: "The signal that ended the process, if any.",
    startedAt: "When this run of the container started.",
  },
  [`${P}PodCondition`]: {
    "": "One readiness milestone of a pod.",
    ...conditionFields,
    lastProbeTime: "When the condition was last checked.",
    observedGeneration: "The metadata.generation this condition was computed from. Needs the " +
      "PodObservedGenerationTracking feature.",
    type: "Which milestone: PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady, Ready, or a " +
      "custom type used by a readiness gate.",
  },
  [`${P}PodIP`]: {
    "": "One IP address of a pod.",
    ip: "The address.",
  },
  [`${P}HostIP`]: {
    "": "One IP address of the node running a pod.",
    ip: "The address.",
  },
  [`${P}VolumeMountStatus`]: {
    "": "The effective state of one volume mount of a container.",
    mountPath: "The mount path from the spec.",
    name: "The volume name from the spec.",
    readOnly: "Whether the mount is read-only.",
    recursiveReadOnly: "Disabled or Enabled: how an IfPossible request was resolved. Unset for writable mounts.",
  },
  [`${P}ContainerUser`]: {
    "": "The identity a container's first process started with.",
    linux: "User and group IDs on Linux.",
  },
  [`${P}LinuxContainerUser`]: {
    "": "Linux user and group IDs of a container's first process.",
    gid: "The primary group ID.",
    supplementalGroups: "The supplementary group IDs.",
    uid: "The user ID.",
  },
  [`${P}ResourceStatus`]: {
    "": "Health of the devices behind one resource assigned to a container.",
    name: "The resource name from the spec, or claim:<claim>/<request> for dynamically allocated devices.",
    resources: "Health per individual device, keyed by resourceID.",
  },
  [`${P}ResourceHealth`]: {
    "": "Health of one device.",
    health: "Healthy, Unhealthy or Unknown.",
    resourceID: "The device's identifier, unique on the node.",
  },
  [`${P}PodResourceClaimStatus`]: {
    "": "Records which ResourceClaim was generated for a pod's claim template.",
    name: "The name of the entry in spec.resourceClaims.",
    resourceClaimName: "The generated claim's name; unset if no claim was needed.",
  },
};
