// Shared apimachinery messages: object and list metadata, selectors, conditions, and the small value
// types (Time, MicroTime, Quantity, IntOrString, RawExtension) whose JSON form builtins.ts produces.

import type { SchemaPackage } from "../schema";

export const meta: SchemaPackage = {
  proto: "k8s.io.apimachinery.pkg.apis.meta.v1",
  messages: {
    ObjectMeta: { 1: "name", 2: "generateName", 3: "namespace", 4: "selfLink", 5: "uid", 6: "resourceVersion",
      7: "generation:int64", 8: "creationTimestamp:Time", 9: "deletionTimestamp*:Time",
      10: "deletionGracePeriodSeconds*:int64", 11: "labels:{string}", 12: "annotations:{string}",
      13: "ownerReferences[]:OwnerReference ~merge(uid) =map(uid)", 14: "finalizers[] ~merge =set",
      17: "managedFields[]:ManagedFieldsEntry =atomic" },
    ListMeta: { 1: "selfLink", 2: "resourceVersion", 3: "continue", 4: "remainingItemCount*:int64" },
    LabelSelector: { 0: "=atomic", 1: "matchLabels:{string}",
      2: "matchExpressions[]:LabelSelectorRequirement =atomic" },
    Condition: { 1: "type!", 2: "status!", 3: "observedGeneration:int64", 4: "lastTransitionTime!:Time",
      5: "reason!", 6: "message!" },
    OwnerReference: { 0: "=atomic", 1: "kind!", 3: "name!", 4: "uid!", 5: "apiVersion!", 6: "controller*:bool",
      7: "blockOwnerDeletion*:bool" },
    ManagedFieldsEntry: { 1: "manager", 2: "operation", 3: "apiVersion", 4: "time*:Time", 6: "fieldsType",
      7: "fieldsV1*:FieldsV1", 8: "subresource" },
    LabelSelectorRequirement: { 1: "key!", 2: "operator!", 3: "values[] =atomic" },
    FieldSelectorRequirement: { 1: "key!", 2: "operator!", 3: "values[] =atomic" },
    // metav1.Time and MicroTime on the wire (a protobuf Timestamp); builtins.ts turns Time into RFC 3339 text.
    Time: { 1: "seconds:int64", 2: "nanos:int32" },
    MicroTime: { 1: "seconds:int64", 2: "nanos:int32" },
    // Upstream declares Raw as bytes; it is JSON text, so it is read as a string and parsed.
    FieldsV1: { 1: "Raw" },
  },
};

export const resource: SchemaPackage = {
  proto: "k8s.io.apimachinery.pkg.api.resource",
  messages: { Quantity: { 1: "string" } },
};

export const intstr: SchemaPackage = {
  proto: "k8s.io.apimachinery.pkg.util.intstr",
  messages: { IntOrString: { 1: "type:int64", 2: "intVal:int32", 3: "strVal" } },
};

// runtime.RawExtension: an embedded object (ControllerRevision.data). Upstream declares raw as bytes; it
// is JSON text, so like FieldsV1 it is read as a string for a finisher to parse.
export const runtime: SchemaPackage = {
  proto: "k8s.io.apimachinery.pkg.runtime",
  messages: { RawExtension: { 1: "raw" } },
};
