// Types whose JSON is not an object of their fields. Upstream publishes most as definitions of their
// own; where its form needs `oneOf` (Quantity, IntOrString), we say the same with Kubernetes' structural
// extension, and where it is an open object or any JSON, we say so explicitly so that pruning and
// unknown-field checks leave the contents alone.

import type { Schema } from "../types";

const ANY: Schema = { "x-kubernetes-preserve-unknown-fields": true };

/** Message key → its schema, published under the message's definition name. */
export const VALUE_SCHEMAS: Readonly<Record<string, Schema>> = {
  "meta.Time": { type: "string", format: "date-time" },
  "meta.MicroTime": { type: "string", format: "date-time" },
  // Upstream: type object. The field set is opaque to us (managedFields), so keep it whole.
  "meta.FieldsV1": { type: "object", ...ANY },
  // Upstream v3: oneOf string | number. A JSON number here may be fractional (0.5), hence the format.
  "resource.Quantity": { format: "quantity", "x-kubernetes-int-or-string": true },
  // Upstream v3: format int-or-string, oneOf integer | string.
  "intstr.IntOrString": { format: "int-or-string", "x-kubernetes-int-or-string": true },
  // Upstream: type object. An embedded object of any kind (ControllerRevision.data).
  "runtime.RawExtension": { type: "object", ...ANY },
  // Upstream: empty schemas. Any JSON value; the Or* unions are a schema, a bool or a list.
  "apiextensions.JSON": ANY,
  "apiextensions.JSONSchemaPropsOrArray": ANY,
  "apiextensions.JSONSchemaPropsOrBool": ANY,
  "apiextensions.JSONSchemaPropsOrStringArray": ANY,
};

const STRINGS: Schema = { type: "array", items: { type: "string" } };

/** Message key → a schema written in place of a $ref: Go types that are no definition upstream. */
export const INLINE_SCHEMAS: Readonly<Record<string, Schema>> = {
  "authentication.ExtraValue": STRINGS,
  "certificates.ExtraValue": STRINGS,
};
