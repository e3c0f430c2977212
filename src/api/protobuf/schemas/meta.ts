// Shared apimachinery messages: object metadata, selectors, and the small value types (Time, Quantity,
// IntOrString) whose JSON form builtins.ts produces.

import type { SchemaPackage } from "../schema";

export const meta: SchemaPackage = {
  proto: "k8s.io.apimachinery.pkg.apis.meta.v1",
  messages: {
    ObjectMeta: { 1: "name", 2: "generateName", 3: "namespace", 4: "selfLink", 5: "uid", 6: "resourceVersion",
      7: "generation:int64", 8: "creationTimestamp:Time", 9: "deletionTimestamp*:Time",
      10: "deletionGracePeriodSeconds*:int64", 11: "labels:{string}", 12: "annotations:{string}",
      13: "ownerReferences[]:OwnerReference", 14: "finalizers[]", 17: "managedFields[]:ManagedFieldsEntry" },
    OwnerReference: { 1: "kind", 3: "name", 4: "uid", 5: "apiVersion", 6: "controller*:bool",
      7: "blockOwnerDeletion*:bool" },
    ManagedFieldsEntry: { 1: "manager", 2: "operation", 3: "apiVersion", 4: "time*:Time", 6: "fieldsType",
      7: "fieldsV1*:FieldsV1", 8: "subresource" },
    Condition: { 1: "type", 2: "status", 3: "observedGeneration:int64", 4: "lastTransitionTime:Time",
      5: "reason", 6: "message" },
    LabelSelector: { 1: "matchLabels:{string}", 2: "matchExpressions[]:LabelSelectorRequirement" },
    LabelSelectorRequirement: { 1: "key", 2: "operator", 3: "values[]" },
    FieldSelectorRequirement: { 1: "key", 2: "operator", 3: "values[]" },
    // metav1.Time on the wire (a protobuf Timestamp); builtins.ts turns it into RFC 3339 text.
    Time: { 1: "seconds:int64", 2: "nanos:int32" },
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
