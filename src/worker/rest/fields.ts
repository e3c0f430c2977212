import { errors } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { prune, strictDecodingMessage, unknownFields, unknownFieldMessage } from "../../api/schema/walk-unknown";
import type { RestContext } from "./context";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** `fieldValidation` from the query; upstream's default is Warn. */
export function fieldValidation(rc: RestContext): FieldValidation {
  const v = rc.query.get("fieldValidation") ?? "Warn";
  if (v !== "Strict" && v !== "Warn" && v !== "Ignore") {
    throw errors.badRequest(`fieldValidation: Unsupported value: "${v}": supported values: "Ignore", "Strict", "Warn"`);
  }
  return v;
}

/**
 * Unknown fields, as upstream's decoder treats them: Strict refuses the request, Warn answers with
 * a Warning header per field, Ignore says nothing; in every case they are dropped, never stored.
 */
export function checkUnknownFields(rc: RestContext, obj: KubeObject): KubeObject {
  const schema = rc.def.schema;
  if (!schema) return obj;
  // Built-in types accept anything in free-form fields (RawExtension); custom resources report
  // in the CR decoder's order.
  const options = rc.def.strategicMerge ? { freeFormObjects: true } : { sorted: true };
  const unknown = unknownFields(obj, schema.root, schema.source, options);
  if (unknown.length === 0) return obj;
  const mode = fieldValidation(rc);
  if (mode === "Strict") {
    const strict = strictDecodingMessage(unknown);
    // Whole objects fail in the decoder, which names the kind; patches fail after patching.
    if (rc.info.verb === "patch") throw errors.badRequest(strict);
    const version = rc.def.version;
    throw errors.badRequest(`${rc.def.kind} in version ${JSON.stringify(version)} cannot be handled as a ${rc.def.kind}: ${strict}`);
  }
  if (mode === "Warn") rc.warnings.push(...unknown.map(unknownFieldMessage));
  return prune(obj, schema.root, schema.source, options) as KubeObject;
}
