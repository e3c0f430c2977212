// The one type model every schema-driven feature reads: an OpenAPI v3 structural schema with
// Kubernetes' extensions — the form CRDs bring, and the form built-in kinds are described in too.
// Strategic merge patch, server-side apply, field validation, pruning, OpenAPI documents and
// `kubectl explain` all walk these, so built-ins and custom resources behave alike.

export type SchemaType = "object" | "array" | "string" | "integer" | "number" | "boolean";

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface Schema {
  type?: SchemaType;
  /** int32, int64, double, byte (base64), date-time, int-or-string, quantity … */
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  /** A map: `additionalProperties` is the value schema. */
  additionalProperties?: Schema | boolean;
  items?: Schema;
  /** A named schema ("io.k8s.api.apps.v1.Deployment"), resolved through a SchemaSource. */
  $ref?: string;
  /** Upstream wraps a $ref in allOf when it adds a default or description; treat as the ref. */
  allOf?: Schema[];
  default?: unknown;
  nullable?: boolean;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  multipleOf?: number;
  minProperties?: number;
  maxProperties?: number;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  /** Server-side apply's list semantics: atomic (default), set, or map keyed by list-map-keys. */
  "x-kubernetes-list-type"?: "atomic" | "set" | "map";
  "x-kubernetes-list-map-keys"?: string[];
  /** Server-side apply's map/struct semantics: granular (default) or atomic. */
  "x-kubernetes-map-type"?: "atomic" | "granular";
  /** Strategic merge patch: "merge", "replace", "retainKeys" or "merge,retainKeys". */
  "x-kubernetes-patch-strategy"?: string;
  "x-kubernetes-patch-merge-key"?: string;
  "x-kubernetes-group-version-kind"?: GroupVersionKind[];
}

/** Where named schemas come from (built-in definitions, a CRD's versions). */
export interface SchemaSource {
  /** The schema named by a $ref ("#/components/schemas/X", "#/definitions/X" or plain "X"). */
  named(ref: string): Schema | undefined;
}

/** Follows $ref and a single-element allOf until a concrete schema; undefined if unresolvable. */
export function resolve(schema: Schema | undefined, source: SchemaSource): Schema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 32; depth++) {
    if (current.$ref) {
      const target = source.named(current.$ref);
      if (!target) return undefined;
      // A description or default beside the $ref belongs to the use site, but the shape is the target's.
      current = target;
    } else if (current.allOf?.length === 1 && !current.type && !current.properties) {
      current = current.allOf[0];
    } else {
      return current;
    }
  }
  return current;
}

/** The name part of a $ref. */
export function refName(ref: string): string {
  return ref.replace(/^#\/(components\/schemas|definitions)\//, "");
}
