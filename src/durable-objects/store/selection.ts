import { fieldSelectorFor } from "../../api/selectors/fields";
import { kindFieldLabelRejections, kindFieldSelectors } from "../../api/selectors/kinds";
import { parseLabelSelector } from "../../api/selectors/labels";
import type { KubeObject } from "../../api/object";
import type { Selection } from "./contract";

export type Predicate = (obj: KubeObject) => boolean;

/**
 * Compiles a list/watch selection into one predicate, or null when it selects everything (so callers
 * can skip parsing rows). Throws a 400 StatusError on bad selectors.
 */
export function compileSelection(sel: Selection): Predicate | null {
  const checks: Predicate[] = [];
  if (sel.namespace) checks.push((o) => o.metadata.namespace === sel.namespace);
  if (sel.labelSelector) {
    const labels = parseLabelSelector(sel.labelSelector);
    if (!labels.isEmpty()) checks.push((o) => labels.matches(o.metadata.labels));
  }
  if (sel.fieldSelector) {
    const resource = sel.resource;
    const fields = fieldSelectorFor(kindFieldSelectors[resource], sel.namespaced, kindFieldLabelRejections[resource])(sel.fieldSelector);
    checks.push(fields);
  }
  if (checks.length === 0) return null;
  return (o) => checks.every((check) => check(o));
}
