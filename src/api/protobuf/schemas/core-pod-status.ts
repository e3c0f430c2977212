// core/v1 Pod and what its status reports: conditions, IPs, container and resource states.

import type { SchemaPackage } from "../schema";

export const corePodStatus: SchemaPackage["messages"] = {
  Pod: { 1: "metadata:meta.ObjectMeta", 2: "spec:PodSpec", 3: "status:PodStatus" },
  PodStatus: { 1: "phase", 2: "conditions[]:PodCondition ~merge(type) =map(type)", 3: "message", 4: "reason",
    5: "hostIP", 6: "podIP", 7: "startTime*:meta.Time", 8: "containerStatuses[]:ContainerStatus =atomic",
    9: "qosClass", 10: "initContainerStatuses[]:ContainerStatus =atomic", 11: "nominatedNodeName",
    12: "podIPs[]:PodIP ~merge(ip) =map(ip)", 13: "ephemeralContainerStatuses[]:ContainerStatus =atomic",
    14: "resize", 15: "resourceClaimStatuses[]:PodResourceClaimStatus ~merge,retainKeys(name) =map(name)",
    16: "hostIPs[]:HostIP ~merge(ip) =atomic", 17: "observedGeneration:int64 @1.33" },
  PodCondition: { 1: "type!", 2: "status!", 3: "lastProbeTime:meta.Time", 4: "lastTransitionTime:meta.Time",
    5: "reason", 6: "message", 7: "observedGeneration:int64 @1.33" },
  ContainerStatus: { 1: "name!", 2: "state:ContainerState", 3: "lastState:ContainerState", 4: "ready!:bool",
    5: "restartCount!:int32", 6: "image!", 7: "imageID!", 8: "containerID", 9: "started*:bool",
    10: "allocatedResources:{resource.Quantity}", 11: "resources*:ResourceRequirements",
    12: "volumeMounts[]:VolumeMountStatus ~merge(mountPath) =map(mountPath)", 13: "user*:ContainerUser",
    14: "allocatedResourcesStatus[]:ResourceStatus ~merge(name) =map(name)", 15: "stopSignal* @1.33" },
  PodIP: { 1: "ip!" },
  PodResourceClaimStatus: { 1: "name!", 2: "resourceClaimName*" },
  HostIP: { 1: "ip!" },
  ContainerState: { 1: "waiting*:ContainerStateWaiting", 2: "running*:ContainerStateRunning",
    3: "terminated*:ContainerStateTerminated" },
  VolumeMountStatus: { 1: "name!", 2: "mountPath!", 3: "readOnly:bool", 4: "recursiveReadOnly*" },
  ContainerUser: { 1: "linux*:LinuxContainerUser" },
  ResourceStatus: { 1: "name!", 2: "resources[]:ResourceHealth =map(resourceID)" },
  ContainerStateWaiting: { 1: "reason", 2: "message" },
  ContainerStateRunning: { 1: "startedAt:meta.Time" },
  ContainerStateTerminated: { 1: "exitCode!:int32", 2: "signal:int32", 3: "reason", 4: "message",
    5: "startedAt:meta.Time", 6: "finishedAt:meta.Time", 7: "containerID" },
  LinuxContainerUser: { 1: "uid!:int64", 2: "gid!:int64", 3: "supplementalGroups[]:int64 =atomic" },
  ResourceHealth: { 1: "resourceID!", 2: "health" },
};
