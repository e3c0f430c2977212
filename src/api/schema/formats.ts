// The string formats a CRD schema's `format` is checked against: the ones apiextensions keeps
// (others, int32/int64 included, are stripped before validation and so never checked), with
// kube-openapi's strfmt rules. Names are normalised without dashes, as go-openapi does.

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const HOSTNAME =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const TIME_OF_DAY = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/;
const DURATION_PART = /(\d+)\s*([A-Za-zµ]+)/g;
const DURATION_UNITS = [["ns", "nano"], ["us", "µs", "micro"], ["ms", "milli"], ["s", "sec"], ["m", "min"], ["h", "hr", "hour"], ["d", "day"], ["w", "wk", "week"]];
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

/** time.Parse("2006-01-02"): a real calendar date. */
function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** strfmt.IsDateTime: a date, a `t`, then a time of day with zone (case-insensitive). */
function isDateTime(s: string): boolean {
  if (s.length < 4) return false;
  const parts = s.toLowerCase().split("t");
  if (parts.length < 2 || !isDate(parts[0]!)) return false;
  const m = TIME_OF_DAY.exec(parts[1]!);
  return !!m && m[1]! <= "23" && m[2]! <= "59" && m[3]! <= "59";
}

/** Go's time.ParseDuration, else the Scala-style "3 days" form strfmt also accepts. */
function isDuration(s: string): boolean {
  if (GO_DURATION.test(s)) return true;
  for (const [, , unit] of s.matchAll(DURATION_PART)) {
    const u = unit!.toLowerCase().trim();
    if (DURATION_UNITS.some((variants) => variants.some((v, i) => v === u || (i === variants.length - 1 && u.startsWith(v))))) return true;
  }
  return false;
}

function isIPv4(s: string): boolean {
  const parts = s.split(".");
  // ParseIPSloppy tolerates leading zeros; the format also wants a dotted quad.
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!s.includes(":")) return false;
  try {
    return new URL(`http://[${s}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

function isCIDR(s: string): boolean {
  const [ip, bits, ...rest] = s.split("/");
  if (rest.length || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(ip!)) return Number(bits) <= 32;
  return isIPv6(ip!) && Number(bits) <= 128;
}

function isURI(s: string): boolean {
  // govalidator.IsRequestURI: url.ParseRequestURI, i.e. absolute URL or absolute path.
  if (s.startsWith("/")) return !/\s/.test(s);
  try {
    return new URL(s).protocol.length > 1;
  } catch {
    return false;
  }
}

const CHECKS: Record<string, (s: string) => boolean> = {
  bsonobjectid: (s) => /^[0-9a-fA-F]{24}$/.test(s),
  uri: isURI,
  email: (s) => /^[^\s@<>]+@[^\s@<>]+$/.test(s) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(s),
  hostname: (s) => HOSTNAME.test(s) && s.length <= 255 && s.split(".").every((p) => p.length <= 63),
  ipv4: isIPv4,
  ipv6: isIPv6,
  cidr: isCIDR,
  mac: (s) => /^([0-9A-Fa-f]{2}[:-]){5,19}[0-9A-Fa-f]{2}$/.test(s) || /^([0-9A-Fa-f]{4}\.){2,9}[0-9A-Fa-f]{4}$/.test(s),
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID3.test(s),
  uuid4: (s) => UUID4.test(s),
  uuid5: (s) => UUID5.test(s),
  isbn: (s) => /^(?:\d[- ]?){9}[\dX]$/.test(s) || /^(?:\d[- ]?){13}$/.test(s),
  isbn10: (s) => /^(?:\d[- ]?){9}[\dX]$/.test(s),
  isbn13: (s) => /^(?:\d[- ]?){13}$/.test(s),
  creditcard: (s) => /^[\d -]{12,23}$/.test(s),
  ssn: (s) => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s),
  hexcolor: (s) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s),
  rgbcolor: (s) => /^rgb\(\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*\)$/.test(s),
  byte: (s) => BASE64.test(s),
  password: () => true,
  date: isDate,
  duration: isDuration,
  datetime: isDateTime,
};

/** The checker for a schema format, or undefined when apiextensions does not check it. */
export function formatChecker(format: string | undefined): ((s: string) => boolean) | undefined {
  return format ? CHECKS[format.replace(/-/g, "")] : undefined;
}
