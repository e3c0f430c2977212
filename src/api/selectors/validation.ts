// Label key/value rules and Go-style value rendering, so selector errors read exactly as
// kube-apiserver's (k8s.io/apimachinery v0.36: pkg/api/validate/content, util/validation/field).

// Wording changed in apimachinery v0.35 ("characters" → "bytes", "a qualified name" → "a valid
// label key"); we speak the current release.
const maxLen = (n: number) => `must be no more than ${n} bytes`;
const keyWord = "a valid label key";

const labelKeyFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const labelValueFmt = `(${labelKeyFmt})?`;
const dnsLabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dnsSubdomainFmt = `${dnsLabelFmt}(\\.${dnsLabelFmt})*`;
const labelKeyRe = new RegExp(`^${labelKeyFmt}$`);
const labelValueRe = new RegExp(`^${labelValueFmt}$`);
const dnsSubdomainRe = new RegExp(`^${dnsSubdomainFmt}$`);

const keyCharsMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Upstream's RegexError: the message, examples, then the regex itself. */
function regexError(msg: string, re: string, ...examples: string[]): string {
  const eg = examples.map((e, i) => `${i > 0 ? " or " : ""}'${e}', `).join("");
  return `${msg} (e.g. ${eg}regex used for validation is '${re}')`;
}

// Go measures strings in bytes, not UTF-16 units.
const utf8 = new TextEncoder();
const byteLen = (s: string) => utf8.encode(s).length;

function dnsSubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 253) errs.push(maxLen(253));
  if (!dnsSubdomainRe.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        dnsSubdomainFmt,
        "example.com",
      ),
    );
  }
  return errs;
}

/** A label key ("qualified name"): optional DNS-subdomain prefix and '/', then a 63-byte name. */
export function labelKeyErrors(value: string): string[] {
  const parts = value.split("/");
  if (parts.length > 2) {
    return [
      `${keyWord} ${regexError(keyCharsMsg, labelKeyFmt, "MyName", "my.name", "123-abc")}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  const errs: string[] = [];
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === "") errs.push("prefix part must be non-empty");
    else errs.push(...dnsSubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  }
  if (name === "") errs.push("name part must be non-empty");
  else if (byteLen(name) > 63) errs.push(`name part ${maxLen(63)}`);
  if (!labelKeyRe.test(name)) {
    errs.push(`name part ${regexError(keyCharsMsg, labelKeyFmt, "MyName", "my.name", "123-abc")}`);
  }
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > 63) errs.push(maxLen(63));
  if (!labelValueRe.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        labelValueFmt,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  }
  return errs;
}

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
