// One label requirement (key, operator, values): its validity rules, how it matches a label set,
// and its canonical text — the pieces shared by the string parser and matchLabels/matchExpressions.

import { isLabelValue, isQualifiedName } from "../validation/names";
import { aggregateText, goJSON, invalidText } from "./validation";

/** selection.Operator values; "!" is DoesNotExist, "exists" is a bare key. */
export type Operator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits only, int64 range. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < int64Min || n > int64Max ? undefined : n;
}

/**
 * Upstream's NewRequirement checks, as one error text (empty when valid). Paths are relative to no
 * parent, which is how the API server calls it, so they read `key`, `values`, `values[0][app]`.
 */
export function requirementError(key: string, operator: Operator, values: readonly string[]): string {
  const errs: string[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalidText("key", key, keyErrs.join("; ")));
  // Go prints the values slice as JSON; an empty one reaches here as a nil slice.
  const badValues = (detail: string) => errs.push(invalidText("values", values.length ? values : null, detail));
  switch (operator) {
    case "in":
    case "notin":
      if (values.length === 0) badValues("for 'in', 'notin' operators, values set can't be empty");
      break;
    case "=":
    case "==":
    case "!=":
      if (values.length !== 1) badValues("exact-match compatibility requires one single value");
      break;
    case "exists":
    case "!":
      if (values.length !== 0) badValues("values set must be empty for exists and does not exist");
      break;
    case "gt":
    case "lt":
      if (values.length !== 1) badValues("for 'Gt', 'Lt' operators, exactly one value is required");
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalidText(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
  }
  values.forEach((v, i) => {
    const valueErrs = isLabelValue(v);
    if (valueErrs.length) errs.push(invalidText(`values[${i}][${key}]`, v, valueErrs.join("; ")));
  });
  return errs.length ? aggregateText(errs) : "";
}

export function requirementMatches(r: Requirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key]! : undefined;
  switch (r.operator) {
    case "=":
    case "==":
    case "in":
      return value !== undefined && r.values.includes(value);
    case "!=":
    case "notin":
      // A missing label satisfies a negative requirement.
      return value === undefined || !r.values.includes(value);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt": {
      if (value === undefined || r.values.length !== 1) return false;
      const have = parseInt64(value);
      const want = parseInt64(r.values[0]!);
      if (have === undefined || want === undefined) return false;
      return r.operator === "gt" ? have > want : have < want;
    }
  }
}

const infix: Record<Operator, string> = {
  "=": "=", "==": "==", "!=": "!=", in: " in ", notin: " notin ", gt: ">", lt: "<", exists: "", "!": "",
};

/** Canonical text: `!k`, `k`, `k=v`, `k in (a,b)` with set values sorted. */
export function requirementString(r: Requirement): string {
  if (r.operator === "exists") return r.key;
  if (r.operator === "!") return `!${r.key}`;
  const values = r.values.length > 1 ? [...r.values].sort().join(",") : (r.values[0] ?? "");
  const set = r.operator === "in" || r.operator === "notin";
  return `${r.key}${infix[r.operator]}${set ? `(${values})` : values}`;
}

/** Requirements ordered by key (upstream sorts so that String() is deterministic). */
export function sortByKey(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
