// Per-kind strategies keyed by qualified resource name ("pods", "deployments.apps"): defaulting,
// the kind-specific create/update preparation, and validation.
import type { FieldError } from "../errors";
import type { Strategy } from "../registry/types";
import { coreStrategies } from "./core";
import { otherStrategies } from "./others";
import { workloadStrategies } from "./workloads";

/**
 * Update validators re-run create checks (as upstream does), so a bad label can be reported twice;
 * upstream's error aggregate drops such repeats, and so do we.
 */
export function dedupe(errs: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const k = JSON.stringify([e.type, e.field, e.value, e.detail]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function withDedupe(s: Strategy): Strategy {
  const { validate, validateUpdate } = s;
  return {
    ...s,
    ...(validate && { validate: (obj) => dedupe(validate(obj)) }),
    ...(validateUpdate && { validateUpdate: (obj, old) => dedupe(validateUpdate(obj, old)) }),
  };
}

export const strategies: Record<string, Strategy> = Object.fromEntries(
  Object.entries({ ...coreStrategies, ...workloadStrategies, ...otherStrategies }).map(([k, s]) => [k, withDedupe(s)]),
);
