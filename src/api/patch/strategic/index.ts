// Strategic merge patch (application/strategic-merge-patch+json), applied server-side with
// k8s.io/apimachinery's semantics: what `kubectl apply` (on existing objects), `edit`, `set …`,
// `rollout restart`, `cordon`, `taint` and plain `kubectl patch` send. Schemas supply each
// field's `x-kubernetes-patch-strategy` and `x-kubernetes-patch-merge-key`.
//
// Module map: apply.ts merges maps, lists.ts merges lists, order.ts places list items,
// directives.ts holds the `$`-keys, schema.ts reads patch metadata, errors.ts words failures.

import type { Schema, SchemaSource } from "../../schema/types";
import { mergeMap } from "./apply";
import { checkDirectives } from "./directives";
import { patchErrors } from "./errors";
import { isMap, type JSONMap } from "./json";

/**
 * Applies `patch` to `original` and returns the result as a new value; neither input is touched.
 * Throws a StatusError (400, or 422 for lists of lists) when the patch is malformed.
 */
export function strategicMergePatch(
  original: unknown,
  patch: unknown,
  schema: Schema | undefined,
  source: SchemaSource,
): unknown {
  const target = document(original);
  const changes = document(patch);
  checkDirectives(changes, schema, source);
  // The merge works in place, as upstream's does, so it gets private copies.
  return mergeMap(structuredClone(target), structuredClone(changes), schema, source);
}

// Both sides must be JSON objects; upstream decodes them into maps (JSON null reads as empty).
function document(value: unknown): JSONMap {
  if (value === null || value === undefined) return {};
  if (!isMap(value)) throw patchErrors.badJSONDoc();
  return value;
}
