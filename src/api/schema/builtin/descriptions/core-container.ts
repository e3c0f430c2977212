// core/v1 Container and what it is built from: ports, environment, resources and mounts.
import type { Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const container: Record<string, string> = {
  "": "One container of a pod: the image to run, its command, environment, resources, mounts, probes and " +
    "security settings.",
  args: "Arguments passed to the entrypoint, replacing the image's CMD. $(VAR) references are expanded from the " +
    "container's environment; $$ escapes a literal $. Cannot be updated.",
  command: "The entrypoint, replacing the image's ENTRYPOINT; it is not run through a shell. $(VAR) references " +
    "are expanded from the container's environment; $$ escapes a literal $. Cannot be updated.",
  env: "Variables added to the container's environment. Cannot be updated.",
  envFrom: "ConfigMaps and Secrets whose keys all become environment variables. On duplicates the last source " +
    "wins, and entries in env override them all. Cannot be updated.",
  image: "The container image reference, such as nginx:1.27. Optional here so that templates can leave it to " +
    "other tooling, but a pod cannot run without it. Can be updated on a running pod.",
  imagePullPolicy: "When to pull the image: Always, IfNotPresent or Never. Defaults to Always for the :latest " +
    "tag or no tag, otherwise IfNotPresent. Cannot be updated.",
  lifecycle: "Actions the kubelet runs right after the container starts and just before it is stopped.",
  livenessProbe: "A periodic check of whether the container is still healthy; after enough failures the " +
    "container is restarted. Cannot be updated.",
  name: "The container's name, a DNS label unique among all containers of the pod. Cannot be updated.",
  ports: "Ports the container listens on. Informational: a port left out is still reachable. A named port can " +
    "be targeted by Services and probes. Cannot be updated.",
  readinessProbe: "A periodic check of whether the container can take traffic; while it fails the pod is " +
    "removed from Service endpoints. Cannot be updated.",
  resizePolicy: "Per resource, whether changing its requests or limits in place needs a container restart.",
  resources: "Compute resources the container requests (used for scheduling) and its limits (enforced at run " +
    "time).",
  restartPolicy: "Only for init containers: Always turns the init container into a sidecar that starts before " +
    "and keeps running alongside the main containers, restarted whenever it exits.",
  restartPolicyRules: "Ordered rules, matched on exit codes, that decide whether the container restarts after " +
    "exiting; when none match, restartPolicy applies. Needs restartPolicy set explicitly; at most 20 rules.",
  securityContext: "Security settings for this container, overriding the pod's securityContext where both set " +
    "a value.",
  startupProbe: "A check that must succeed before liveness and readiness probes start, giving slow-starting " +
    "containers time; if it keeps failing the container is restarted. Cannot be updated.",
  stdin: "Keep a stdin stream open for the container; without it reads from stdin get EOF. Defaults to false.",
  stdinOnce: "Close stdin after the first attached client disconnects, instead of keeping it open across " +
    "attach sessions. Defaults to false.",
  terminationMessagePath: "File whose contents become the container's termination message (at most 4096 bytes). " +
    "Cannot be updated; the default is /dev/termination-log.",
  terminationMessagePolicy: "File (the default) reads the message from terminationMessagePath; " +
    "FallbackToLogsOnError falls back to the end of the log if a failed container wrote no message.",
  tty: "Allocate a terminal for the container; requires stdin. Defaults to false.",
  volumeDevices: "Raw block devices from PersistentVolumeClaims to expose inside the container.",
  volumeMounts: "Which of the pod's volumes appear in this container, and at which paths. Cannot be updated.",
  workingDir: "The working directory for the command. Defaults to the image's setting, or the runtime's " +
    "default. Cannot be updated.",
};

export const coreContainer: Descriptions = {
  [`${P}Container`]: container,
  [`${P}EphemeralContainer`]: {
    ...container,
    "": "A temporary container added to a running pod, usually for debugging. It gets no resource or scheduling " +
      "guarantees, is never restarted, and cannot be removed; add it through the ephemeralcontainers subresource.",
    lifecycle: "Not allowed for ephemeral containers.",
    livenessProbe: "Not allowed for ephemeral containers.",
    name: "The container's name, a DNS label that no other container of the pod, of any type, may share.",
    ports: "Not allowed for ephemeral containers.",
    readinessProbe: "Not allowed for ephemeral containers.",
    resizePolicy: "Not allowed for ephemeral containers.",
    resources: "Not allowed for ephemeral containers; they use whatever the pod already has.",
    restartPolicy: "Not allowed for ephemeral containers.",
    restartPolicyRules: "Not allowed for ephemeral containers.",
    startupProbe: "Not allowed for ephemeral containers.",
    targetContainerName: "A container of the pod whose namespaces (such as PID and IPC) this one should join, " +
      "so its processes are visible. Unset uses the pod's namespaces. Depends on runtime support.",
    volumeMounts: "Pod volumes to mount; subPath mounts are not allowed. Cannot be updated.",
  },
  [`${P}ContainerPort`]: {
    "": "A network port a container listens on.",
    containerPort: "The port number on the pod's IP, from 1 to 65535. Required.",
    hostIP: "The node address to bind hostPort on.",
    hostPort: "Also expose the port on the node at this number (1-65535). Must equal containerPort with " +
      "hostNetwork. Rarely needed, and it limits where the pod can be scheduled.",
    name: "A name for the port (an IANA service name, unique in the pod) that Services and probes can refer to.",
    protocol: "TCP (the default), UDP or SCTP.",
  },
  [`${P}EnvVar`]: {
    "": "One environment variable of a container, either a literal value or a value taken from elsewhere.",
    name: "The variable name: printable ASCII characters except '='.",
    value: "A literal value. $(VAR) references to earlier variables are expanded and $$ escapes a literal $. " +
      "Defaults to the empty string. Cannot be combined with valueFrom.",
    valueFrom: "Take the value from a ConfigMap, Secret, a pod field or a container resource instead.",
  },
  [`${P}EnvVarSource`]: {
    "": "Where an environment variable's value comes from; set exactly one source.",
    configMapKeyRef: "A key of a ConfigMap in the pod's namespace.",
    fieldRef: "A field of the pod: metadata.name, metadata.namespace, metadata.uid, metadata.labels['k'], " +
      "metadata.annotations['k'], spec.nodeName, spec.serviceAccountName, status.hostIP(s) or status.podIP(s).",
    fileKeyRef: "A key in an env-format file on a volume of the pod. Needs the EnvFiles feature gate.",
    resourceFieldRef: "A resource request or limit of a container, such as limits.cpu or requests.memory.",
    secretKeyRef: "A key of a Secret in the pod's namespace.",
  },
  [`${P}EnvFromSource`]: {
    "": "A ConfigMap or Secret whose every key becomes an environment variable; set one of the two.",
    configMapRef: "The ConfigMap to read variables from.",
    prefix: "Text put in front of every variable name from this source.",
    secretRef: "The Secret to read variables from.",
  },
  [`${P}ConfigMapEnvSource`]: {
    "": "A ConfigMap whose data entries all become environment variables.",
    name: "The ConfigMap's name, in the pod's namespace.",
    optional: "If true, a missing ConfigMap is not an error and simply adds no variables.",
  },
  [`${P}SecretEnvSource`]: {
    "": "A Secret whose data entries all become environment variables.",
    name: "The Secret's name, in the pod's namespace.",
    optional: "If true, a missing Secret is not an error and simply adds no variables.",
  },
  [`${P}ConfigMapKeySelector`]: {
    "": "Picks one key of a ConfigMap.",
    key: "The key whose value to use.",
    name: "The ConfigMap's name, in the pod's namespace.",
    optional: "If true, a missing ConfigMap or key is tolerated instead of keeping the container from starting.",
  },
  [`${P}SecretKeySelector`]: {
    "": "Picks one key of a Secret.",
    key: "The key whose value to use.",
    name: "The Secret's name, in the pod's namespace.",
    optional: "If true, a missing Secret or key is tolerated instead of keeping the container from starting.",
  },
  [`${P}ObjectFieldSelector`]: {
    "": "Picks a field of the pod by path.",
    apiVersion: "The API version fieldPath is written against. Defaults to v1.",
    fieldPath: "The path of the field, such as metadata.name or status.podIP.",
  },
  [`${P}ResourceFieldSelector`]: {
    "": "Picks a container's resource request or limit and the unit to express it in.",
    containerName: "The container to read from. Required in downward API volumes; in env it defaults to the " +
      "container itself.",
    divisor: "The unit the value is divided by, such as 1m for millicores or 1Mi for mebibytes. Defaults to 1.",
    resource: "Which value: limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory " +
      "or requests.ephemeral-storage (hugepages too). Required.",
  },
  [`${P}ResourceRequirements`]: {
    "": "Compute resource requests and limits, such as cpu and memory.",
    claims: "Names of entries in spec.resourceClaims this container uses. Needs the DynamicResourceAllocation " +
      "feature; immutable, and only valid on containers.",
    limits: "The most of each resource the container may use; exceeding memory gets it killed, cpu is throttled.",
    requests: "The amount of each resource reserved for the container and used for scheduling. Defaults to the " +
      "limit when only a limit is given; may not exceed the limit.",
  },
  [`${P}ResourceClaim`]: {
    "": "Gives a container access to one of the pod's resource claims.",
    name: "The name of an entry in the pod's spec.resourceClaims.",
    request: "One request within that claim; empty means everything the claim allocated.",
  },
  [`${P}VolumeMount`]: {
    "": "Where and how a pod volume appears inside a container.",
    mountPath: "The path inside the container to mount at. Must not contain ':'.",
    mountPropagation: "Whether mounts made later propagate: None (the default), HostToContainer, or " +
      "Bidirectional (privileged containers only). Must be None when recursiveReadOnly is enabled.",
    name: "The name of a volume in the pod's spec.volumes.",
    readOnly: "Mount read-only instead of read-write. Defaults to false.",
    recursiveReadOnly: "With readOnly, whether submounts are also made read-only: Disabled (the default), " +
      "IfPossible, or Enabled (fail if the runtime cannot). Must be unset when readOnly is false.",
    subPath: "Mount only this path inside the volume instead of its root. Defaults to the root.",
    subPathExpr: "Like subPath, but $(VAR) references are expanded from the container's environment. Cannot be " +
      "combined with subPath.",
  },
  [`${P}VolumeDevice`]: {
    "": "Maps a raw block volume into a container as a device.",
    devicePath: "The device path inside the container.",
    name: "The name of a pod volume backed by a PersistentVolumeClaim in Block mode.",
  },
  [`${P}ContainerResizePolicy`]: {
    "": "How a container reacts when one of its resources is resized in place.",
    resourceName: "The resource this applies to: cpu or memory.",
    restartPolicy: "NotRequired (the default) applies the change live; RestartContainer restarts the container.",
  },
};
