// apps/v1 StatefulSet, DaemonSet and ControllerRevision.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.apps.v1.";

export const appsSets: Descriptions = {
  [`${P}StatefulSet`]: {
    "": "Runs pods that each keep a stable identity: a fixed ordinal name, a stable DNS name through a headless " +
      "Service, and their own PersistentVolumeClaims that follow them across rescheduling.",
    ...objectFields,
    spec: "The desired state: replica count, pod template, claim templates and update behaviour.",
    status: "What the StatefulSet controller last observed. Read-only to users.",
  },
  [`${P}StatefulSetSpec`]: {
    "": "The desired state of a StatefulSet. After creation only replicas, ordinals, template, updateStrategy, " +
      "revisionHistoryLimit, persistentVolumeClaimRetentionPolicy and minReadySeconds may change.",
    minReadySeconds: "How long a new pod must stay ready, with no container crashing, before it counts as " +
      "available. Defaults to 0.",
    ordinals: "Controls the number given to the first replica.",
    persistentVolumeClaimRetentionPolicy: "Whether claims made from volumeClaimTemplates are kept or deleted when " +
      "the StatefulSet is deleted or scaled down. Both default to Retain.",
    podManagementPolicy: "OrderedReady (the default) creates pods one at a time in ordinal order, waiting for each " +
      "to be ready, and removes them in reverse; Parallel creates and deletes them all at once. Immutable.",
    replicas: "The number of pods wanted, each with its own identity. Defaults to 1.",
    revisionHistoryLimit: "How many old ControllerRevisions to keep for rollback. Defaults to 10.",
    selector: "Labels identifying the pods of this set. Must match the template's labels; immutable.",
    serviceName: "The headless Service that gives each pod its DNS name, of the form " +
      "<pod>.<serviceName>.<namespace>.svc. Immutable.",
    template: "The pod each replica is created from; the pod name is the set name plus its ordinal. " +
      "restartPolicy must be Always.",
    updateStrategy: "How pods are replaced when the template changes.",
    volumeClaimTemplates: "Claims created once per pod (named <template>-<pod>) and mounted by matching volume " +
      "name; they override same-named volumes in the template. Immutable.",
  },
  [`${P}StatefulSetUpdateStrategy`]: {
    "": "How a StatefulSet rolls out template changes.",
    rollingUpdate: "Parameters for RollingUpdate; not allowed with OnDelete.",
    type: "RollingUpdate (the default) replaces pods automatically from the highest ordinal down; OnDelete " +
      "only uses the new template when you delete a pod yourself.",
  },
  [`${P}RollingUpdateStatefulSetStrategy`]: {
    "": "Parameters for a StatefulSet rolling update.",
    maxUnavailable: "How many pods may be unavailable at once during the update, as a number or percentage " +
      "(rounded up), at least 1. Defaults to 1. Needs the MaxUnavailableStatefulSet feature gate.",
    partition: "Only pods with an ordinal at or above this number are updated; lower ones keep the old " +
      "revision, which enables canaries and staged rollouts. Defaults to 0.",
  },
  [`${P}StatefulSetPersistentVolumeClaimRetentionPolicy`]: {
    "": "What happens to claims made from volumeClaimTemplates when they are no longer needed.",
    whenDeleted: "On deletion of the StatefulSet: Retain (the default) keeps the claims, Delete removes them.",
    whenScaled: "On scale-down: Retain (the default) keeps claims of removed pods, Delete removes claims of " +
      "ordinals above the new replica count.",
  },
  [`${P}StatefulSetOrdinals`]: {
    "": "How replica ordinals are numbered.",
    start: "The ordinal of the first replica; replicas are numbered from start to start+replicas-1. " +
      "Defaults to 0.",
  },
  [`${P}StatefulSetStatus`]: {
    "": "The observed state of a StatefulSet.",
    availableReplicas: "Pods that have been ready for at least minReadySeconds.",
    collisionCount: "Incremented when a new ControllerRevision's name clashes; it changes the hash used next.",
    conditions: "The latest observations of the set's state.",
    currentReplicas: "Pods running the revision named by currentRevision.",
    currentRevision: "The revision used for pods with ordinals below currentReplicas (the old side of a rollout).",
    observedGeneration: "The metadata.generation the controller last acted on.",
    readyReplicas: "Pods of this set whose Ready condition is True.",
    replicas: "Pods the controller has created for this set.",
    updateRevision: "The revision new and updated pods are created from (the highest updatedReplicas ordinals).",
    updatedReplicas: "Pods running the revision named by updateRevision.",
  },
  [`${P}StatefulSetCondition`]: {
    "": "One aspect of a StatefulSet's state at a point in time.",
    ...conditionFields,
    type: "Which aspect of the StatefulSet this condition reports.",
  },
  [`${P}DaemonSet`]: {
    "": "Runs one copy of a pod on every eligible node, adding pods as nodes join and removing them as nodes " +
      "leave. Typical uses are log collectors, node monitoring and network plugins.",
    ...objectFields,
    spec: "The desired state: the pod template, which nodes it targets, and how updates roll out.",
    status: "What the DaemonSet controller last observed. Read-only to users.",
  },
  [`${P}DaemonSetSpec`]: {
    "": "The desired state of a DaemonSet.",
    minReadySeconds: "How long a new pod must stay ready, with no container crashing, before it counts as " +
      "available. Defaults to 0.",
    revisionHistoryLimit: "How many old ControllerRevisions to keep for rollback. Defaults to 10.",
    selector: "Labels identifying the daemon pods. Must match the template's labels; immutable.",
    template: "The pod run on each eligible node; its nodeSelector and affinity narrow which nodes qualify. " +
      "restartPolicy must be Always.",
    updateStrategy: "How daemon pods are replaced when the template changes.",
  },
  [`${P}DaemonSetUpdateStrategy`]: {
    "": "How a DaemonSet rolls out template changes.",
    rollingUpdate: "Parameters for RollingUpdate; not allowed with OnDelete.",
    type: "RollingUpdate (the default) replaces pods node by node; OnDelete waits for you to delete old pods.",
  },
  [`${P}RollingUpdateDaemonSet`]: {
    "": "Pacing for a DaemonSet rolling update.",
    maxSurge: "How many nodes may briefly run both the old and new pod, as a number or percentage of eligible " +
      "nodes (rounded up). Cannot be 0 when maxUnavailable is 0. Defaults to 0.",
    maxUnavailable: "How many nodes' daemon pods may be unavailable at once, as a number or percentage of " +
      "eligible nodes (rounded up). Cannot be 0 when maxSurge is 0. Defaults to 1.",
  },
  [`${P}DaemonSetStatus`]: {
    "": "The observed state of a DaemonSet, counted in nodes.",
    collisionCount: "Incremented when a new ControllerRevision's name clashes; it changes the hash used next.",
    conditions: "The latest observations of the DaemonSet's state.",
    currentNumberScheduled: "Eligible nodes that run at least one daemon pod.",
    desiredNumberScheduled: "Nodes that should run the daemon pod, whether or not they do yet.",
    numberAvailable: "Eligible nodes whose daemon pod has been ready for at least minReadySeconds.",
    numberMisscheduled: "Nodes running a daemon pod that should not run one.",
    numberReady: "Eligible nodes whose daemon pod has a Ready condition of True.",
    numberUnavailable: "Eligible nodes with no available daemon pod.",
    observedGeneration: "The metadata.generation the controller last acted on.",
    updatedNumberScheduled: "Nodes running a daemon pod from the current template.",
  },
  [`${P}DaemonSetCondition`]: {
    "": "One aspect of a DaemonSet's state at a point in time.",
    ...conditionFields,
    type: "Which aspect of the DaemonSet this condition reports.",
  },
  [`${P}ControllerRevision`]: {
    "": "An immutable snapshot of a StatefulSet's or DaemonSet's template, kept for rollouts and rollback. " +
      "Mostly for controllers' own use; it can be deleted but its data never changes.",
    ...objectFields,
    data: "The serialised state captured by this revision. Cannot be changed.",
    revision: "The revision number of the captured state.",
  },
};
