// Evaluation of parsed JSONPath nodes over decoded JSON, node by node as client-go does it: each
// node maps the current list of values to the next. JSON null behaves as Go's nil interface:
// skipped by field, index and wildcard steps, but an error to filter or compare.
import { GoFloat } from "./go-text";
import type { JsonPathNode, Param } from "./jsonpath";

/** A path that does not parse, or a step upstream refuses (indexing a map, mixed comparisons). */
export class JsonPathError extends Error {}

type Value = unknown;

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);
}

/** The children a wildcard or recursive descent visits (map values in insertion order). */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.values(v);
  return [];
}

function field(input: Value[], name: string): Value[] {
  return input.filter((v) => isMap(v) && Object.hasOwn(v, name)).map((v) => (v as Record<string, unknown>)[name]);
}

function slice(input: Value[], params: [Param, Param, Param]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JsonPathError(`${typeof v} is not array or slice`);
    const [p0, p1, p2] = params.map((p) => ({ ...p })) as [Param, Param, Param];
    const len = v.length;
    if (!p0.known) p0.value = 0;
    if (p0.value < 0) p0.value += len;
    if (!p1.known) p1.value = len;
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
    if (p1.value === p0.value) return out;
    if (p0.value >= len || p0.value < 0) throw new JsonPathError(`array index out of bounds: index ${p0.value}, length ${len}`);
    if (p1.value > len || p1.value < 0) throw new JsonPathError(`array index out of bounds: index ${p1.value - 1}, length ${len}`);
    if (p0.value > p1.value) throw new JsonPathError(`starting index ${p0.value} is greater than ending index ${p1.value}`);
    const step = p2.known ? p2.value : 1;
    if (step <= 0) throw new JsonPathError("step must be > 0");
    for (let i = p0.value; i < p1.value; i += step) out.push(v[i]);
  }
  return out;
}

function recursive(input: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    const kids = children(v);
    if (!kids.length) continue;
    out.push(v, ...recursive(kids));
  }
  return out;
}

type Kind = "bool" | "int" | "float" | "string";

/** Go's basicKind: only scalars compare; a JSON integer is an int64, other numbers float64. */
function kindOf(v: Value): { kind: Kind; value: unknown } {
  if (v instanceof GoFloat) return { kind: "float", value: v.value };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (typeof v === "string") return { kind: "string", value: v };
  if (typeof v === "number") return { kind: Number.isInteger(v) ? "int" : "float", value: v };
  throw new JsonPathError("invalid type for comparison");
}

function compare(op: string, left: Value, right: Value): boolean {
  const a = kindOf(left);
  const b = kindOf(right);
  if (a.kind !== b.kind) throw new JsonPathError("incompatible types for comparison");
  const equal = a.value === b.value;
  if (op === "==") return equal;
  if (op === "!=") return !equal;
  if (a.kind === "bool") throw new JsonPathError("invalid type for comparison");
  const less = (a.value as number | string) < (b.value as number | string);
  switch (op) {
    case "<":
      return less;
    case "<=":
      return less || equal;
    case ">":
      return !(less || equal);
    case ">=":
      return !less;
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

/** One side of a comparison: exactly one value, or none (the element is skipped). */
function single(values: Value[]): Value[] {
  if (values.length > 1) throw new JsonPathError("can only compare one element at a time");
  return values;
}

function filter(input: Value[], node: Extract<JsonPathNode, { kind: "filter" }>): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (!Array.isArray(v)) throw new JsonPathError("value is not array or slice and cannot be filtered");
    for (const item of v) {
      if (node.op === "exists") {
        let lefts: Value[] = [];
        try {
          lefts = evalList([item], node.left);
        } catch {
          // Upstream decides existence before looking at the error.
        }
        if (lefts.length) out.push(item);
        continue;
      }
      const [left] = single(evalList([item], node.left));
      if (left === undefined) continue;
      const [right] = single(evalList([item], node.right));
      if (right === undefined) continue;
      if (compare(node.op, left, right)) out.push(item);
    }
  }
  return out;
}

function step(input: Value[], node: JsonPathNode): Value[] {
  switch (node.kind) {
    case "field":
      return field(input, node.name);
    case "wildcard":
      return input.flatMap(children);
    case "recursive":
      return recursive(input);
    case "array":
      return slice(input, node.params);
    case "union":
      return node.lists.flatMap((list) => evalList(input, list));
    case "filter":
      return filter(input, node);
    case "literal":
      // Text literals stand alone; numbers and booleans repeat once per input, as upstream.
      return typeof node.value === "string" ? [node.value] : input.map(() => node.value);
    case "identifier":
      throw new JsonPathError(`unrecognized identifier ${node.name}`);
  }
}

function evalList(input: Value[], nodes: JsonPathNode[]): Value[] {
  return nodes.reduce(step, input);
}

/** All values `nodes` select from `data`. Throws JsonPathError where upstream fails. */
export function findResults(nodes: JsonPathNode[], data: unknown): unknown[] {
  return evalList([data], nodes);
}

/** The first selected value, what a CRD column shows; undefined when nothing matches or on error. */
export function firstResult(nodes: JsonPathNode[], data: unknown): { value: unknown } | undefined {
  try {
    const all = findResults(nodes, data);
    return all.length ? { value: all[0] } : undefined;
  } catch (e) {
    if (e instanceof JsonPathError) return undefined;
    throw e;
  }
}
