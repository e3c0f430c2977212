// core/v1 Endpoints, LimitRange, ResourceQuota and ReplicationController.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

export const coreMisc: Descriptions = {
  [`${P}Endpoints`]: {
    "": "The legacy list of addresses and ports backing a Service, named after it. Deprecated from 1.33 in " +
      "favour of EndpointSlice, which also carries newer Service features.",
    ...objectFields,
    subsets: "Groups of addresses that share the same ports; the endpoints are the union of all subsets.",
  },
  [`${P}EndpointSubset`]: {
    "": "A group of addresses that all serve the same ports; every address is an endpoint on every port.",
    addresses: "Addresses that are ready to receive traffic.",
    notReadyAddresses: "Addresses not ready yet, for instance still starting or failing readiness checks.",
    ports: "The ports offered on each address.",
  },
  [`${P}EndpointAddress`]: {
    "": "One endpoint address.",
    hostname: "The endpoint's host name, if any.",
    ip: "The IP address. Loopback, link-local and link-local multicast addresses are not allowed.",
    nodeName: "The node the endpoint runs on.",
    targetRef: "The object behind the endpoint, usually a pod.",
  },
  [`${P}EndpointPort`]: {
    "": "One port of an endpoint subset.",
    appProtocol: "The application protocol hint, as on the Service port.",
    name: "Matches the name of the Service port. Optional only when there is a single port.",
    port: "The port number.",
    protocol: "TCP (the default), UDP or SCTP.",
  },
  [`${P}LimitRange`]: {
    "": "Per-namespace defaults and bounds for the resources of individual pods, containers and claims, " +
      "applied when they are created.",
    ...objectFields,
    spec: "The limits to apply.",
  },
  [`${P}LimitRangeSpec`]: {
    "": "The list of limits in a LimitRange.",
    limits: "Limits, each for one kind of object.",
  },
  [`${P}LimitRangeItem`]: {
    "": "Bounds and defaults for one kind of object: Container, Pod or PersistentVolumeClaim.",
    default: "Limits filled in for containers that set none.",
    defaultRequest: "Requests filled in for containers that set none.",
    max: "The highest value allowed per resource.",
    maxLimitRequestRatio: "The largest allowed limit-to-request ratio per resource; both must then be set.",
    min: "The lowest value allowed per resource.",
    type: "What the item applies to: Container, Pod or PersistentVolumeClaim.",
  },
  [`${P}ResourceQuota`]: {
    "": "A cap on the total resources and object counts a namespace may use; creations that would exceed it " +
      "are rejected.",
    ...objectFields,
    spec: "The limits to enforce and which objects they cover.",
    status: "The limits in force and current usage.",
  },
  [`${P}ResourceQuotaSpec`]: {
    "": "The desired limits of a quota.",
    hard: "The limit per resource name, such as requests.cpu, limits.memory, pods or count/deployments.apps.",
    scopeSelector: "Selects tracked objects by scope with operators; combined with scopes.",
    scopes: "Only count objects in all these scopes: Terminating, NotTerminating, BestEffort, NotBestEffort, " +
      "PriorityClass or CrossNamespacePodAffinity. Unset counts everything.",
  },
  [`${P}ResourceQuotaStatus`]: {
    "": "The observed state of a quota.",
    hard: "The limits currently enforced.",
    used: "Current usage in the namespace, per resource.",
  },
  [`${P}ScopeSelector`]: {
    "": "Scope requirements that must all hold for an object to be counted.",
    matchExpressions: "The requirements.",
  },
  [`${P}ScopedResourceSelectorRequirement`]: {
    "": "One scope requirement of a quota.",
    operator: "In, NotIn, Exists or DoesNotExist.",
    scopeName: "The scope tested, such as PriorityClass.",
    values: "Values to compare with: non-empty for In and NotIn, empty for Exists and DoesNotExist.",
  },
  [`${P}ReplicationController`]: {
    "": "The original way to keep a number of identical pods running. Superseded by ReplicaSet and " +
      "Deployment, which support set-based selectors and rollouts.",
    ...objectFields,
    spec: "The desired state: how many pods and which template.",
    status: "What the controller last observed. Read-only to users.",
  },
  [`${P}ReplicationControllerSpec`]: {
    "": "The desired state of a ReplicationController.",
    minReadySeconds: "How long a new pod must stay ready, with no container crashing, before it counts as " +
      "available. Defaults to 0.",
    replicas: "The number of pods wanted. Defaults to 1.",
    selector: "Labels (exact matches only) identifying the managed pods. Defaults to the template's labels.",
    template: "The pod to create when there are too few.",
  },
  [`${P}ReplicationControllerStatus`]: {
    "": "The observed state of a ReplicationController.",
    availableReplicas: "Pods that have been ready for at least minReadySeconds.",
    conditions: "The latest observations, such as ReplicaFailure.",
    fullyLabeledReplicas: "Pods whose labels carry all of the template's labels.",
    observedGeneration: "The metadata.generation the controller last acted on.",
    readyReplicas: "Pods whose Ready condition is True.",
    replicas: "Pods matching the selector, as last counted.",
  },
  [`${P}ReplicationControllerCondition`]: {
    "": "One aspect of a ReplicationController's state.",
    ...conditionFields,
    type: "Which aspect; ReplicaFailure is the one in use.",
  },
};
