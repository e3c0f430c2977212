// Go-style value rendering, so selector errors read exactly as kube-apiserver's; the label key and
// value rules themselves are validation/names.ts.

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const shortEscapes: Record<string, string> = {
  "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
  "\\": "\\\\", '"': '\\"',
};

/** Go's %q (strconv.Quote), which upstream uses to echo a bad string value. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (shortEscapes[ch]) out += shortEscapes[ch];
    else if (printable.test(ch)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return out + '"';
}

/** Go's json.Marshal for a []string (nil → null), HTML-escaped as Go does by default. */
export function goJSON(values: readonly string[] | null): string {
  const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return JSON.stringify(values).replace(/[<>&\u2028\u2029]/g, hex);
}

/** field.Invalid(path, value, detail).Error(). */
export function invalidText(path: string, value: string | readonly string[] | null, detail: string): string {
  const shown = typeof value === "string" ? goQuote(value) : goJSON(value);
  return `${path}: Invalid value: ${shown}: ${detail}`;
}

/** utilerrors aggregate text: one message bare, several deduplicated inside brackets. */
export function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(", ")}]`;
}
