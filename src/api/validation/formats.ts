// Other apimachinery string formats: ConfigMap keys, environment variable names, ports,
// percentages, HTTP header names and Unix IDs.
import { byteLength } from "./field";
import { inclusiveRangeError, maxLenError, regexError } from "./messages";

const anchored = (fmt: string) => new RegExp(`^${fmt}$`);
const configMapKeyFmt = "[-._a-zA-Z0-9]+";
const percentFmt = "[0-9]+%";
const httpHeaderFmt = "[-A-Za-z0-9]+";
const configMapKeyRe = anchored(configMapKeyFmt);
const percentRe = anchored(percentFmt);
const httpHeaderRe = anchored(httpHeaderFmt);

function chDirPrefix(v: string): string[] {
  if (v === ".") return ["must not be '.'"];
  if (v === "..") return ["must not be '..'"];
  if (v.startsWith("..")) return ["must not start with '..'"];
  return [];
}

export function isConfigMapKey(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 253) errs.push(maxLenError(253));
  if (!configMapKeyRe.test(v)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        configMapKeyFmt,
        "key.name",
        "KEY_NAME",
        "key-name",
      ),
    );
  }
  return [...errs, ...chDirPrefix(v)];
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on by default upstream). */
export function isEnvVarName(v: string): string[] {
  const errs: string[] = [];
  if (v.length === 0) errs.push("environment variable name must be non-empty");
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c > 0x7e || ch === "=") {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

/** IsValidPortName (IANA_SVC_NAME). */
export function isPortName(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(v)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(v)) errs.push("must contain at least one letter (a-z)");
  if (v.includes("--")) errs.push("must not contain consecutive hyphens");
  if (v.length > 0 && (v.startsWith("-") || v.endsWith("-"))) errs.push("must not begin or end with a hyphen");
  return errs;
}

export function isPortNum(n: number): string[] {
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

export function isPercent(v: string): string[] {
  return percentRe.test(v)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", percentFmt, "1%", "93%")];
}

export function isHTTPHeaderName(v: string): string[] {
  return httpHeaderRe.test(v)
    ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", httpHeaderFmt, "X-Header-Name")];
}

export const isValidUserOrGroupID = (n: number): string[] =>
  Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? [] : [inclusiveRangeError(0, 4294967295)];
