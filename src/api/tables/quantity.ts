// resource.Quantity in its canonical form, as upstream's Quantity.String() prints it: "1500m",
// "1Gi", "2k". Stored objects may hold what a client sent ("0.5", "1024Mi"); a real apiserver
// would print those as "500m" and "1Gi". Exact arithmetic with bigint: quantities are decimals.

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = new Map(Object.entries(BINARY_SUFFIX).map(([s, e]) => [e / 10, s]));

type Format = "DecimalSI" | "BinarySI" | "DecimalExponent";
/** value = mantissa × 10^exp, rounded (away from zero) to nano units as upstream does. */
interface Parsed {
  mantissa: bigint;
  exp: number;
  format: Format;
}

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

function parse(text: string): Parsed | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign, whole = "", frac = "", suffix = ""] = m;
  if (whole + frac === "") return undefined;
  let mantissa = BigInt(whole + frac) * (sign === "-" ? -1n : 1n);
  let exp = -frac.length;
  let format: Format = "DecimalSI";
  if (suffix in DECIMAL_SUFFIX) exp += DECIMAL_SUFFIX[suffix]!;
  else if (suffix in BINARY_SUFFIX) {
    mantissa *= 2n ** BigInt(BINARY_SUFFIX[suffix]!);
    format = "BinarySI";
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    exp += Number(suffix.slice(1));
    format = "DecimalExponent";
  } else return undefined;
  if (exp < -9) {
    // Anything finer than a nano-unit rounds up, so a tiny request still asks for something.
    const div = 10n ** BigInt(-9 - exp);
    const q = mantissa / div;
    mantissa = mantissa % div === 0n ? q : q + (mantissa < 0n ? -1n : 1n);
    exp = -9;
  }
  return { mantissa, exp, format };
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** The integer value, or undefined if the quantity has a fractional part. */
function asInteger({ mantissa, exp }: Parsed): bigint | undefined {
  if (exp >= 0) return mantissa * 10n ** BigInt(exp);
  const div = 10n ** BigInt(-exp);
  return mantissa % div === 0n ? mantissa / div : undefined;
}

/** Canonical string for a quantity; anything unparsable is returned unchanged. */
export function formatQuantity(value: unknown): string {
  if (value === undefined || value === null) return "0";
  const text = String(value);
  const q = parse(text);
  if (!q) return text;
  if (q.mantissa === 0n) return "0";
  let format = q.format;
  const int = asInteger(q);
  // Small or fractional binary quantities print in decimal rather than round.
  if (format === "BinarySI" && (int === undefined || abs(int) < 1024n)) format = "DecimalSI";
  if (format === "BinarySI" && int !== undefined) {
    let n = int;
    let e = 0;
    while (n % 1024n === 0n) {
      n /= 1024n;
      e++;
    }
    return `${n}${BINARY_BY_EXP.get(e) ?? ""}`;
  }
  // Move every factor of ten into the exponent, then back down to a multiple of three.
  let { mantissa, exp } = q;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(r);
  exp -= r;
  if (format === "DecimalExponent") return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  return `${mantissa}${DECIMAL_BY_EXP.get(exp) ?? ""}`;
}
