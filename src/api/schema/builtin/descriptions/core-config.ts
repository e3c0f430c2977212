// core/v1 ConfigMap, Secret, ServiceAccount, Namespace, Event and ObjectReference.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const keys = "Keys may contain letters, digits, '-', '_' and '.'";

export const coreConfig: Descriptions = {
  [`${P}ConfigMap`]: {
    "": "Non-secret configuration as key/value pairs, which pods consume as environment variables, command " +
      "arguments or files in a volume. The total size is limited to 1 MiB.",
    ...objectFields,
    binaryData: `Values that are arbitrary bytes, base64-encoded in JSON. ${keys}, and may not repeat keys of data.`,
    data: `UTF-8 string values. ${keys}, and may not repeat keys of binaryData.`,
    immutable: "When true, data and binaryData can no longer change (only metadata can), and it cannot be " +
      "turned back off; delete and recreate instead. Lets kubelets stop watching for changes.",
  },
  [`${P}Secret`]: {
    "": "A small amount of sensitive data, such as passwords, tokens or keys, for pods to use as files or " +
      "environment variables. The total size is limited to 1 MiB.",
    ...objectFields,
    data: `The secret values as bytes, base64-encoded in JSON. ${keys}.`,
    immutable: "When true, data can no longer change (only metadata can), and it cannot be turned back off.",
    stringData: "A write-only convenience for plain-text values: merged into data on write, overriding the same " +
      "keys, and never returned on reads.",
    type: "What the secret holds, which decides the required keys: Opaque (the default), kubernetes.io/tls, " +
      "kubernetes.io/dockerconfigjson, kubernetes.io/basic-auth, kubernetes.io/ssh-auth and others. Immutable.",
  },
  [`${P}ServiceAccount`]: {
    "": "An identity for processes running in pods, which authenticate to the API server with its tokens and " +
      "are authorised through RBAC bindings to it.",
    ...objectFields,
    automountServiceAccountToken: "Whether pods using this account get an API token mounted by default; a pod " +
      "can override it.",
    imagePullSecrets: "Registry credential Secrets added to every pod that uses this account. Only the kubelet " +
      "reads them; they are not mounted into containers.",
    secrets: "Secrets pods using this account may mount, enforced only with the deprecated " +
      "kubernetes.io/enforce-mountable-secrets annotation. Not a place to find API tokens; request those instead.",
  },
  [`${P}Namespace`]: {
    "": "A scope for the names of namespaced objects, and a unit for access control, quotas and policies.",
    ...objectFields,
    spec: "The namespace's finalizers.",
    status: "Whether the namespace is active or being deleted.",
  },
  [`${P}NamespaceSpec`]: {
    "": "The desired state of a namespace.",
    finalizers: "Values that must all be removed before a deleted namespace is gone; \"kubernetes\" is removed " +
      "once every object in it has been deleted. Changed through the finalize subresource.",
  },
  [`${P}NamespaceStatus`]: {
    "": "The observed state of a namespace.",
    conditions: "Details of a deletion in progress, such as content that could not be removed yet.",
    phase: "Active, or Terminating once deletion has started; new objects cannot be created while terminating.",
  },
  [`${P}NamespaceCondition`]: {
    "": "One aspect of a namespace's state, mostly reported during deletion.",
    ...conditionFields,
    type: "Which aspect, such as NamespaceDeletionContentFailure or NamespaceFinalizersRemaining.",
  },
  [`${P}Event`]: {
    "": "A report of something that happened to an object, such as a pod being scheduled or an image pull " +
      "failing. Best-effort and short-lived (an hour by default); do not build logic on them.",
    ...objectFields,
    action: "What was done, or failed, to the involved object.",
    count: "How many times this event has occurred.",
    eventTime: "When the event first happened, with microsecond precision; set by newer reporters.",
    firstTimestamp: "When the event was first recorded.",
    involvedObject: "The object the event is about.",
    lastTimestamp: "When the event was most recently recorded.",
    message: "A human-readable description of what happened.",
    reason: "A short CamelCase machine-readable reason, such as Scheduled, Pulled or BackOff.",
    related: "A second object involved, if any.",
    reportingComponent: "The controller that emitted the event, such as kubelet.",
    reportingInstance: "The particular instance of that controller, such as the node name.",
    series: "Data about a repeating event, if it is one.",
    source: "The component and host that reported the event (older reporters).",
    type: "Normal or Warning; more types may appear.",
  },
  [`${P}EventSeries`]: {
    "": "Aggregation data for an event that keeps recurring.",
    count: "Occurrences so far in this series.",
    lastObservedTime: "When the last occurrence was seen.",
  },
  [`${P}EventSource`]: {
    "": "Which component on which host reported an event.",
    component: "The reporting component.",
    host: "The node the component runs on.",
  },
  [`${P}ObjectReference`]: {
    "": "A full reference to an object: kind, namespace, name, and optionally uid, version and a field within it.",
    apiVersion: "The referent's API version.",
    fieldPath: "A part of the object, if the reference is to that rather than the whole, such as " +
      "spec.containers{app} for one container of a pod.",
    kind: "The referent's kind.",
    name: "The referent's name.",
    namespace: "The referent's namespace.",
    resourceVersion: "The specific resourceVersion referred to, if any.",
    uid: "The referent's uid.",
  },
};
