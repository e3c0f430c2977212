// JSON values as the strategic-merge engine sees them. Upstream compares decoded Go values
// (map, slice, string, float64, bool, nil); `Kind` is that classification, so "same type"
// checks and error texts line up with apimachinery's.

export type JSONMap = Record<string, unknown>;
export type Kind = "map" | "list" | "string" | "number" | "boolean" | "null";

export function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "list";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "map";
  }
}

export function isMap(value: unknown): value is JSONMap {
  return kindOf(value) === "map";
}

export function has(map: JSONMap, key: string): boolean {
  return Object.hasOwn(map, key);
}

/** Sets a key; a JSON key named `__proto__` must become data, not the object's prototype. */
export function put(map: JSONMap, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    map[key] = value;
  }
}

/** The Go type name upstream's "expected a X, but received a Y" messages print. */
export function goTypeName(kind: Kind): string {
  switch (kind) {
    case "map":
      return "map[string]interface {}";
    case "list":
      return "[]interface {}";
    case "number":
      return "float64";
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "null":
      return "<nil>";
  }
}

/** Go's `%v` of a decoded JSON value: `map[k:v …]` with sorted keys, `[a b]`, `<nil>`, `1e+06`. */
export function goFormat(value: unknown): string {
  switch (kindOf(value)) {
    case "null":
      return "<nil>";
    case "number":
      return goFloat(value as number);
    case "list":
      return `[${(value as unknown[]).map(goFormat).join(" ")}]`;
    case "map": {
      const map = value as JSONMap;
      const keys = Object.keys(map).sort();
      return `map[${keys.map((k) => `${k}:${goFormat(map[k])}`).join(" ")}]`;
    }
    default:
      return String(value);
  }
}

// strconv's shortest 'g' format: exponent form below 1e-4 and from 1e6 up, two-digit exponents.
function goFloat(n: number): string {
  if (!Number.isFinite(n) || n === 0) return String(n);
  const [mantissa, exp] = n.toExponential().split("e");
  const e = Number(exp);
  if (e < -4 || e >= 6) {
    const digits = String(Math.abs(e)).padStart(2, "0");
    return `${mantissa}e${e < 0 ? "-" : "+"}${digits}`;
  }
  return String(n);
}
