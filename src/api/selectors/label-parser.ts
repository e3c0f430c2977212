// The label selector grammar as apimachinery's pkg/labels lexer/parser accepts it, failing with the
// same texts. Tokens are split on whitespace and on the operator characters = ! ( ) , > <.

import { type Operator, type Requirement, requirementError, sortByKey } from "./requirement";
import { isQualifiedName } from "../validation/names";
import { goQuote } from "./validation";

type Token = "EOS" | "IDENT" | "(" | ")" | "," | "!" | "=" | "==" | "!=" | ">" | "<" | "in" | "notin";
interface Item {
  tok: Token;
  lit: string;
}

// Every literal token; anything else made of non-special characters is an identifier.
const keywords = new Map<string, Token>(
  (["(", ")", ",", "!", "=", "==", "!=", ">", "<", "in", "notin"] as const).map((t) => [t, t]),
);
const special = new Set(["=", "!", "(", ")", ",", ">", "<"]);
const space = new Set([" ", "\t", "\r", "\n"]);
const binaryOps = "in, notin, =, ==, !=, gt, lt";
const binaryOperators = new Map<Token, Operator>([
  ["in", "in"], ["notin", "notin"], ["=", "="], ["==", "=="], ["!=", "!="], [">", "gt"], ["<", "lt"],
]);

/** Thrown inside the parser; parseLabelRequirements decides whether to prefix it. */
export class SelectorSyntaxError extends Error {}
const fail = (message: string): never => {
  throw new SelectorSyntaxError(message);
};

function lex(s: string): Item[] {
  let pos = 0;
  // Like upstream's byte reader, a NUL reads the same as the end of the input.
  const read = () => (pos < s.length ? s[pos++]!.replace("\0", "") : "");
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (space.has(ch)) ch = read();
    if (ch === "") {
      items.push({ tok: "EOS", lit: "" });
      return items;
    }
    let buf = ch;
    if (special.has(ch)) {
      // Longest operator: extend while the text is still a known token ("!" → "!=").
      for (;;) {
        const next = read();
        if (next === "") break;
        if (!special.has(next) || !keywords.has(buf + next)) {
          pos--;
          break;
        }
        buf += next;
      }
      items.push({ tok: keywords.get(buf)!, lit: buf });
    } else {
      for (;;) {
        const next = read();
        if (next === "") break;
        if (special.has(next) || space.has(next)) {
          pos--;
          break;
        }
        buf += next;
      }
      items.push({ tok: keywords.get(buf) ?? "IDENT", lit: buf });
    }
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  // Where a value is expected, "in" and "notin" are plain identifiers.
  peek(asValue = true): Item {
    const it = this.items[Math.min(this.pos, this.items.length - 1)]!;
    return asValue && (it.tok === "in" || it.tok === "notin") ? { tok: "IDENT", lit: it.lit } : it;
  }
  next(asValue = true): Item {
    const it = this.peek(asValue);
    this.pos++;
    return it;
  }

  requirement(): Requirement {
    let { tok, lit } = this.next();
    const negated = tok === "!";
    if (negated) ({ tok, lit } = this.next());
    if (tok !== "IDENT") fail(`found '${lit}', expected: identifier`);
    const keyErrs = isQualifiedName(lit);
    // The key is checked with a nil field path, which Go prints as "<nil>".
    if (keyErrs.length) fail(`<nil>: Invalid value: ${goQuote(lit)}: ${keyErrs.join("; ")}`);
    const after = this.peek().tok;
    if (negated || after === "EOS" || after === ",") return this.build(lit, negated ? "!" : "exists", []);
    const opItem = this.next(false);
    const op = binaryOperators.get(opItem.tok);
    if (!op) return fail(`found '${opItem.lit}', expected: ${binaryOps}`);
    const values = op === "in" || op === "notin" ? this.valueSet() : this.exactValue();
    return this.build(lit, op, [...values].sort());
  }

  build(key: string, operator: Operator, values: string[]): Requirement {
    const err = requirementError(key, operator, values);
    if (err) fail(err);
    return { key, operator, values };
  }

  valueSet(): Set<string> {
    const open = this.next();
    if (open.tok !== "(") fail(`found '${open.lit}' expected: '('`);
    const first = this.peek();
    if (first.tok === ")") {
      this.next();
      return new Set([""]); // "()" is the set holding the empty string
    }
    if (first.tok !== "IDENT" && first.tok !== ",") fail(`found '${first.lit}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const it = this.next();
      if (it.tok === "IDENT") {
        values.add(it.lit);
        const after = this.peek();
        if (after.tok === ")") break;
        if (after.tok !== ",") fail(`found '${after.lit}', expected: ',' or ')'`);
      } else if (it.tok === ",") {
        // Commas with nothing between (or before, or after) them stand for the empty value.
        const after = this.peek().tok;
        if (values.size === 0 || after === ")" || after === ",") values.add("");
        if (after === ")") break;
      } else {
        fail(`found '${it.lit}', expected: ',', or identifier`);
      }
    }
    this.next(); // the ")" just seen
    return values;
  }

  exactValue(): string[] {
    const ahead = this.peek().tok;
    if (ahead === "EOS" || ahead === ",") return [""];
    const it = this.next();
    if (it.tok !== "IDENT") fail(`found '${it.lit}', expected: identifier`);
    return [it.lit];
  }
}

/** Parses a selector string into key-sorted requirements; throws SelectorSyntaxError. */
export function parseLabelRequirements(text: string): Requirement[] {
  const p = new Parser(lex(text));
  const reqs: Requirement[] = [];
  for (;;) {
    const { tok, lit } = p.peek();
    if (tok === "EOS") break;
    if (tok !== "IDENT" && tok !== "!") fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(p.requirement());
    } catch (e) {
      if (e instanceof SelectorSyntaxError) fail(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const sep = p.next();
    if (sep.tok === "EOS") break;
    if (sep.tok !== ",") fail(`found '${sep.lit}', expected: ',' or 'end of string'`);
    const ahead = p.peek();
    if (ahead.tok !== "IDENT" && ahead.tok !== "!") fail(`found '${ahead.lit}', expected: identifier after ','`);
  }
  return sortByKey(reqs);
}
