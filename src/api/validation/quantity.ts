// resource.Quantity: upstream's grammar and error texts, exact rational values (BigInt) for
// comparisons, and the canonical form the API server stores ("0.5" is stored as "500m").
export const quantityFormatError =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const numericError = "unable to parse numeric part of quantity";
const suffixError = "unable to parse quantity's suffix";

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  /** value = num / den, den > 0. */
  num: bigint;
  den: bigint;
  format: QuantityFormat;
}

const splitRe = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const pow = (b: bigint, e: number): bigint => b ** BigInt(e);

/** Parse a quantity string (or JSON number); returns the upstream error text on failure. */
export function parseQuantity(input: unknown): Quantity | string {
  const s = typeof input === "number" && Number.isFinite(input) ? String(input) : input;
  if (typeof s !== "string" || s.length === 0) return quantityFormatError;
  const m = splitRe.exec(s.trim() === s ? s : "");
  if (!m) return quantityFormatError;
  let number = m[1]!;
  let suffix = m[2]!;
  // The regex is permissive: "1.2.3" splits as number "1.2" and suffix ".3", which is no suffix.
  const numMatch = /^([+-]?)([0-9]*)(?:\.([0-9]*))?/.exec(number)!;
  if (numMatch[0].length !== number.length) {
    suffix = number.slice(numMatch[0].length) + suffix;
    number = numMatch[0];
  }
  const sign = numMatch[1] === "-" ? -1n : 1n;
  const whole = numMatch[2] ?? "";
  const frac = numMatch[3] ?? "";
  if (whole.length + frac.length === 0) return numericError;
  let num = sign * BigInt(`${whole}${frac}` || "0");
  let den = pow(10n, frac.length);
  let format: QuantityFormat;
  if (suffix in decimalSuffixes) {
    format = "DecimalSI";
    const e = decimalSuffixes[suffix]!;
    if (e >= 0) num *= pow(10n, e);
    else den *= pow(10n, -e);
  } else if (suffix in binarySuffixes) {
    format = "BinarySI";
    num *= pow(2n, binarySuffixes[suffix]!);
  } else if (/^[eE][+-]?[0-9]+$/.test(suffix)) {
    format = "DecimalExponent";
    const e = Number(suffix.slice(1));
    if (Math.abs(e) > 1000) return suffixError;
    if (e >= 0) num *= pow(10n, e);
    else den *= pow(10n, -e);
  } else {
    return suffixError;
  }
  return { num, den, format };
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const isZero = (q: Quantity): boolean => q.num === 0n;
export const isNegative = (q: Quantity): boolean => q.num < 0n;
export const isInteger = (q: Quantity): boolean => q.num % q.den === 0n;

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den, format: a.format };
}

export const zeroQuantity: Quantity = { num: 0n, den: 1n, format: "DecimalSI" };

const decimalBySuffixExp: Record<number, string> = { [-9]: "n", [-6]: "u", [-3]: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E" };
const binaryByExp: Record<number, string> = { 0: "", 10: "Ki", 20: "Mi", 30: "Gi", 40: "Ti", 50: "Pi", 60: "Ei" };

/** Quantity.String(): the canonical form, rounding up below nano precision as upstream does. */
export function formatQuantity(q: Quantity): string {
  const neg = q.num < 0n;
  const absNum = neg ? -q.num : q.num;
  const sign = neg ? "-" : "";
  let format = q.format;
  if (format === "BinarySI") {
    const small = absNum < 1024n * q.den;
    if (small || absNum % q.den !== 0n) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    let v = absNum / q.den;
    let e = 0;
    while (e < 60 && v !== 0n && v % 1024n === 0n) {
      v /= 1024n;
      e += 10;
    }
    return `${sign}${v}${binaryByExp[e]}`;
  }
  // Nano units, rounded away from zero like upstream's RoundUp.
  const scaled = absNum * pow(10n, 9);
  let mantissa = scaled / q.den + (scaled % q.den === 0n ? 0n : 1n);
  if (mantissa === 0n) return "0";
  let e = -9;
  while (e < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    e += 3;
  }
  if (format === "DecimalExponent") return e === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${e}`;
  return `${sign}${mantissa}${decimalBySuffixExp[e]}`;
}

/** Canonicalize a stored quantity value, leaving unparseable input for validation to report. */
export function canonicalQuantity(v: unknown): unknown {
  const q = parseQuantity(v);
  return typeof q === "string" ? v : formatQuantity(q);
}
