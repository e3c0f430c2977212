// Field selectors as kube-apiserver evaluates them: apimachinery's pkg/fields grammar (terms joined
// by ",", operators "=", "==", "!=", values escaped with "\"), then each field label checked by
// the kind's conversion function before any object is matched.

import { errors } from "../errors";
import type { KubeObject } from "../object";

export interface FieldRequirement {
  readonly field: string;
  /** "==" is read as "=". */
  readonly op: "=" | "!=";
  readonly value: string;
}

/** How a kind exposes one selectable field; undefined reads as "", as a missing fields.Set key. */
export type FieldGetter = (obj: KubeObject) => string | undefined;

export class FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}

  matches(get: (field: string) => string | undefined): boolean {
    return this.requirements.every((r) => ((get(r.field) ?? "") === r.value) === (r.op === "="));
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.op}${escapeFieldValue(r.value)}`).join(",");
  }
}

/** Escapes \ , and = so any literal can be written as a value. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

function unescapeValue(raw: string): string {
  let out = "";
  let escaping = false;
  for (const c of raw) {
    if (escaping) {
      if (c !== "\\" && c !== "," && c !== "=") {
        throw errors.badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      escaping = false;
    } else if (c === "\\") {
      escaping = true;
    } else if (c === "," || c === "=") {
      // Go formats the offending rune with %v, i.e. as its number ("61" for "=").
      throw errors.badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (escaping) throw errors.badRequest("invalid field selector: invalid escape sequence: \\");
  return out;
}

/** Terms split on unescaped commas; escapes stay in place for unescapeValue. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === ",") {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

// "==" before "=" so a doubled operator does not leave "=" on the value.
const operators = ["!=", "==", "="] as const;

/** The `fieldSelector` query parameter; bad syntax is a 400 with upstream's message. */
export function parseFieldSelector(text: string): FieldSelector {
  const reqs: FieldRequirement[] = [];
  // Upstream sorts the raw terms, which fixes both the order errors surface in and toString().
  for (const term of splitTerms(text).sort()) {
    if (term === "") continue;
    let split: [number, (typeof operators)[number]] | undefined;
    for (let i = 0; i < term.length && !split; i++) {
      const op = operators.find((o) => term.startsWith(o, i));
      if (op) split = [i, op];
    }
    if (!split) throw errors.badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const [at, op] = split;
    const field = term.slice(0, at);
    const value = unescapeValue(term.slice(at + op.length));
    // Upstream's parse drops a term with neither field nor value ("=", "!="): it selects all.
    if (field === "" && value === "") continue;
    reqs.push({ field, op: op === "!=" ? "!=" : "=", value });
  }
  return new FieldSelector(reqs);
}

/** runtime.DefaultMetaV1FieldSelectorConversion's refusal, used by kinds that register none. */
export const defaultFieldLabelRejection = (label: string) =>
  `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`;

/** The message most registered conversion functions (and every CRD) use. */
export const fieldLabelNotSupported = (label: string) => `field label not supported: ${label}`;

/**
 * A kind's field selector compiler. `fieldSelectors` undefined means the kind registers no
 * conversion upstream: metadata.name and metadata.namespace only, with the generic message.
 * Otherwise metadata.name, metadata.namespace when namespaced, and the kind's own fields.
 * Unknown fields are a 400 raised when the selector is compiled, before any object is read.
 */
export function fieldSelectorFor(
  fieldSelectors: Record<string, FieldGetter> | undefined,
  namespaced: boolean,
  reject: (label: string) => string = fieldSelectors ? fieldLabelNotSupported : defaultFieldLabelRejection,
): (selectorText: string) => (obj: KubeObject) => boolean {
  const getters = new Map<string, FieldGetter>([["metadata.name", (o) => o.metadata.name]]);
  if (namespaced || !fieldSelectors) {
    getters.set("metadata.namespace", (o) => (namespaced ? o.metadata.namespace : undefined));
  }
  for (const [field, get] of Object.entries(fieldSelectors ?? {})) getters.set(field, get);

  return (selectorText) => {
    const selector = parseFieldSelector(selectorText);
    const checks = selector.requirements.map((r) => {
      const get = getters.get(r.field);
      if (!get) throw errors.badRequest(reject(r.field));
      return { get, r };
    });
    return (obj) => checks.every(({ get, r }) => ((get(obj) ?? "") === r.value) === (r.op === "="));
  };
}
