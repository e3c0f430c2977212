// Kubernetes' JSONPath dialect (client-go util/jsonpath), as CRD printer columns use it:
// `.spec.replicas`, `.status.conditions[?(@.type=="Ready")].status`, `.items[*].name`, `..name`,
// `['key']`, slices and unions. Missing keys yield no result rather than an error, as the CRD table
// convertor allows; type mismatches (indexing a map, comparing a string with a number) are errors.
// A small parser and evaluator of our own: npm's maintained engine (jsonpath-plus) reads filters as
// JS expressions with JS's loose comparisons and has none of client-go's quirks (quoted keys re-read
// as paths, int/float kinds, first-match printing), so matching upstream would mean wrapping it anyway.
import { GoFloat, goFloat, goJSON, goNumber } from "./go-text";
import { JsonPathError } from "./jsonpath-eval";

export { JsonPathError, findResults, firstResult } from "./jsonpath-eval";

export interface Param {
  value: number;
  known: boolean;
  derived: boolean;
}

export type JsonPathNode =
  | { kind: "field"; name: string }
  | { kind: "wildcard" }
  | { kind: "recursive" }
  | { kind: "array"; params: [Param, Param, Param] }
  | { kind: "union"; lists: JsonPathNode[][] }
  | { kind: "filter"; left: JsonPathNode[]; right: JsonPathNode[]; op: string }
  | { kind: "literal"; value: unknown }
  | { kind: "identifier"; name: string };

const TERMINATORS = new Set([" ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}"]);
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;
const isAlnum = (c: string | undefined) => c !== undefined && /^[\p{L}\p{Nd}_]$/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /^\p{Nd}$/u.test(c);

class Parser {
  private pos = 0;
  constructor(private readonly input: string) {}

  /** One action's nodes, up to the closing brace (or the end: callers leave the braces off). */
  parse(): JsonPathNode[] {
    const nodes: JsonPathNode[] = [];
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest === "" || rest.startsWith("}")) return nodes;
      if (rest.startsWith("[?(")) nodes.push(this.filter());
      else if (rest.startsWith("..")) {
        if (nodes.at(-1)?.kind === "recursive") throw new JsonPathError("invalid multiple recursive descent");
        this.pos += 2;
        nodes.push({ kind: "recursive" });
        if (isAlnum(this.input[this.pos])) nodes.push(this.field());
      } else {
        const c = rest[0]!;
        if (c === "\r" || c === "\n") throw new JsonPathError("unclosed action");
        if (c === " " || c === "@" || c === "$") this.pos++;
        else if (c === "[") nodes.push(...this.array());
        else if (c === '"' || c === "'") nodes.push(this.quote(c));
        else if (c === ".") {
          this.pos++;
          nodes.push(this.field());
        } else if (c === "+" || c === "-" || isDigit(c)) nodes.push(this.number());
        else if (isAlnum(c)) nodes.push(this.identifier());
        else throw new JsonPathError(`unrecognized character in action: ${JSON.stringify(c)}`);
      }
    }
  }

  /** Up to a terminator; a backslash keeps the next character (`labels.app\.kubernetes\.io/name`). */
  private word(): string {
    let out = "";
    while (this.pos < this.input.length && !TERMINATORS.has(this.input[this.pos]!)) {
      if (this.input[this.pos] === "\\") this.pos++;
      out += this.input[this.pos++] ?? "";
    }
    return out;
  }

  private field(): JsonPathNode {
    const name = this.word();
    return name === "*" ? { kind: "wildcard" } : { kind: "field", name };
  }

  private identifier(): JsonPathNode {
    const name = this.word();
    return name === "true" || name === "false" ? { kind: "literal", value: name === "true" } : { kind: "identifier", name };
  }

  private number(): JsonPathNode {
    const m = /^[+-]?[\d.]*/.exec(this.input.slice(this.pos))![0];
    this.pos += m.length;
    if (/^[+-]?\d+$/.test(m)) return { kind: "literal", value: Number(m) };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m)) return { kind: "literal", value: new GoFloat(Number(m)) };
    throw new JsonPathError(`cannot parse number ${m}`);
  }

  private quote(q: string): JsonPathNode {
    let i = this.pos + 1;
    while (i < this.input.length && !(this.input[i] === q && this.input[i - 1] !== "\\")) {
      if (this.input[i] === "\n") break;
      i++;
    }
    if (this.input[i] !== q) throw new JsonPathError("unterminated quoted string");
    const body = this.input.slice(this.pos + 1, i);
    this.pos = i + 1;
    return { kind: "literal", value: body.replace(/\\(.)/g, (_m, ch: string) => ({ n: "\n", t: "\t", r: "\r" })[ch] ?? ch) };
  }

  private array(): JsonPathNode[] {
    const end = this.input.indexOf("]", this.pos);
    const nl = this.input.indexOf("\n", this.pos);
    if (end < 0 || (nl >= 0 && nl < end)) throw new JsonPathError("unterminated array");
    let text = this.input.slice(this.pos + 1, end);
    this.pos = end + 1;
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) return [{ kind: "union", lists: parts.map((p) => new Parser(`[${p.trim()}]`).parse()) }];
    const key = /^'([^']*)'$/.exec(text);
    // Upstream re-reads a quoted key as `.key`, so dots inside it still separate fields.
    if (key) return new Parser(`.${key[1]}`).parse();
    const m = SLICE.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const params: Param[] = [];
    for (let i = 0; i < 3; i++) {
      const raw = m[i + 1] ?? "";
      const digits = i > 0 ? raw.slice(1) : raw;
      if (raw !== "" && !(i > 0 && digits === "")) params.push({ value: Number(digits), known: true, derived: false });
      else if (raw === "" && i === 1) params.push({ value: params[0]!.value + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    return [{ kind: "array", params: params as [Param, Param, Param] }];
  }

  private filter(): JsonPathNode {
    const start = (this.pos += 3);
    let begin = false;
    let ended = false;
    let pair = "";
    for (;;) {
      const r = this.input[this.pos++];
      if (r === undefined || r === "\n") throw new JsonPathError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
        } else if (this.input[this.pos - 2] !== "\\" && r === pair) ended = true;
      } else if (r === ")" && begin === ended) break;
    }
    if (this.input[this.pos++] !== "]") throw new JsonPathError("unclosed array expect ]");
    const text = this.input.slice(start, this.pos - 2);
    const m = FILTER.exec(text);
    if (!m) return { kind: "filter", left: new Parser(text).parse(), right: [], op: "exists" };
    return { kind: "filter", left: new Parser(m[1]!).parse(), right: new Parser(m[3]!).parse(), op: m[2]! };
  }
}

/** Parses a path such as `.status.conditions[?(@.type=="Ready")].status`. Throws JsonPathError. */
export function parseJsonPath(path: string): JsonPathNode[] {
  return new Parser(path).parse();
}


/** What the table convertor prints for a string column: text of scalars, JSON of maps and lists. */
export function printText(value: unknown): string {
  if (value instanceof GoFloat) return goFloat(value.value);
  if (value === null || value === undefined) return "<no value>";
  if (typeof value === "object") return goJSON(value);
  if (typeof value === "number") return goNumber(value);
  return String(value);
}
