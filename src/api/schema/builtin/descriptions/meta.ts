// meta/v1: object and list metadata, owner references, label selectors.
import { conditionFields, type Descriptions } from "./common";

const P = "io.k8s.apimachinery.pkg.apis.meta.v1.";

export const meta: Descriptions = {
  [`${P}ObjectMeta`]: {
    "": "Metadata every stored object has: identity (name, namespace, uid), organisation (labels, annotations), " +
      "ownership and lifecycle bookkeeping maintained by the server.",
    annotations: "Free-form string key/value pairs for tools and people to attach non-identifying data. " +
      "Unlike labels they cannot be used in selectors.",
    creationTimestamp: "When the server created the object, in RFC 3339 UTC. Set by the system and read-only.",
    deletionGracePeriodSeconds: "Seconds the object still has to terminate gracefully once deletion was requested. " +
      "Only present alongside deletionTimestamp; it can only shrink. Read-only.",
    deletionTimestamp: "Filled in by the server once a graceful delete has been asked for; the object goes away " +
      "after this moment, as soon as no finalizers remain. Clients cannot set it, and it can only move earlier. " +
      "Read-only.",
    finalizers: "Identifiers of components that must finish cleanup before the object is removed. While any remain, " +
      "deletion waits; after deletion starts entries may only be removed. No processing order is implied.",
    generateName: "A prefix the server extends with a random suffix to build a unique name, used only when name is " +
      "empty. Follows the same rules as name and may be shortened to fit.",
    generation: "A counter of changes to the desired state (usually the spec), incremented by the server. Read-only.",
    labels: "Identifying string key/value pairs used to organise objects and to select them, for example by " +
      "Services, controllers and `kubectl get -l`.",
    managedFields: "Server-side apply bookkeeping: which manager owns which fields, per API version and operation. " +
      "Internal; users rarely need to read or set it.",
    name: "The object's name, unique per kind within its namespace (or cluster-wide for cluster-scoped kinds). " +
      "Required on create unless generateName is used; cannot be changed.",
    namespace: "The namespace the object lives in; empty for cluster-scoped kinds. An empty value on a namespaced " +
      "request means \"default\". Must be a DNS label and cannot be changed.",
    ownerReferences: "Objects this one depends on. When every owner is gone the garbage collector deletes this " +
      "object. At most one entry may have controller set to true.",
    resourceVersion: "An opaque version string that changes on every write. Send it back unchanged for optimistic " +
      "concurrency on update or to resume a watch. Set by the system; read-only.",
    selfLink: "Deprecated and no longer filled in by the server.",
    uid: "A unique identifier assigned by the server on create, never reused and never changed. Read-only.",
  },
  [`${P}OwnerReference`]: {
    "": "Points at an object that owns this one. The owner must be cluster-scoped or in the same namespace, " +
      "which is why no namespace is given.",
    apiVersion: "The owner's API version (group/version).",
    blockOwnerDeletion: "When true and the owner is being deleted in the foreground, the owner stays until this " +
      "dependent is gone. Setting it requires delete permission on the owner. Defaults to false.",
    controller: "True when the owner is the controller that manages this object; at most one owner may say so.",
    kind: "The owner's kind.",
    name: "The owner's name.",
    uid: "The owner's uid, so a recreated object with the same name is not mistaken for the owner.",
  },
  [`${P}LabelSelector`]: {
    "": "A query over labels. matchLabels and matchExpressions must all hold; an empty selector matches every " +
      "object, while an absent one matches none.",
    matchExpressions: "Set-based requirements (In, NotIn, Exists, DoesNotExist), all of which must hold.",
    matchLabels: "Exact key=value pairs, all of which must be present. Each pair is shorthand for an In " +
      "requirement with a single value.",
  },
  [`${P}LabelSelectorRequirement`]: {
    "": "One set-based condition of a label selector: a key, an operator, and possibly values.",
    key: "The label key the condition tests.",
    operator: "How the key relates to values: In, NotIn, Exists or DoesNotExist.",
    values: "The values to compare with. Must be non-empty for In and NotIn and empty for Exists and DoesNotExist. " +
      "Replaced as a whole by strategic merge patch.",
  },
  [`${P}ListMeta`]: {
    "": "Metadata carried by lists and other synthetic responses rather than stored objects.",
    continue: "Present when a limited list has more items: pass it as the continue parameter to fetch the next " +
      "page. Opaque, and it expires after a while.",
    remainingItemCount: "An estimate of how many items are left after this page. Omitted when unknown, for example " +
      "when selectors were used, and on the last page.",
    resourceVersion: "The resourceVersion the list was read at; a watch started from it misses no changes. Opaque.",
    selfLink: "Deprecated and no longer filled in by the server.",
  },
  [`${P}ManagedFieldsEntry`]: {
    "": "One manager's claim on a set of fields, recorded by server-side apply.",
    apiVersion: "The group/version the field set is expressed in.",
    fieldsType: "The format of the field set; the only value is FieldsV1.",
    fieldsV1: "The owned fields, as a nested JSON structure of field paths.",
    manager: "Name of the client or controller that owns these fields.",
    operation: "How the fields were written: Apply or Update.",
    subresource: "The subresource the write went through (such as status), or empty for the main resource. " +
      "Managers with the same name are tracked separately per subresource.",
    time: "When this entry last changed ownership of any field.",
  },
  [`${P}Condition`]: {
    "": "The standard shape of one status condition: a type, whether it holds, and why.",
    ...conditionFields,
    observedGeneration: "The metadata.generation the condition was computed from; lower than the current " +
      "generation means it may be stale.",
    type: "What the condition is about, in CamelCase, optionally domain-prefixed (example.com/Ready).",
  },
};
