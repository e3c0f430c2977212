// How Go prints values, for texts that must read exactly as the API server's: fmt's %v for numbers,
// strconv.Quote for field paths, encoding/json for structured cells. JSON decoding in Go yields
// int64 for integral numbers and float64 otherwise; we take Number.isInteger as that split.

/** A float64 literal that must keep its Go kind (1.0 is not the integer 1 in a JSONPath filter). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** fmt's %v of a number: integers plainly, floats as %g with the shortest digits (1e+06, 1.5e-05). */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return goFloat(n);
}

/** %v of a float64: exponent form when the exponent is below -4 or at least 6 (precision 6 rule). */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : "-Inf";
  if (n === 0) return Object.is(n, -0) ? "-0" : "0";
  const [mantissa, expText] = n.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const digits = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${mantissa}e${exp < 0 ? "-" : "+"}${digits}`;
  }
  // Within that window JS prints the same shortest digits without an exponent.
  return String(n);
}

const NAMED_ESCAPES: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v" };

/** strconv.Quote: double quotes, Go escapes for control characters, printable Unicode kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (NAMED_ESCAPES[ch]) out += NAMED_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** encoding/json.Marshal: map keys sorted, <, > and & escaped as Go does for HTML safety. */
export function goJSON(value: unknown): string {
  const text = JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
  return (text ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
