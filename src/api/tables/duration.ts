// Ages as kubectl shows them, after apimachinery's duration.HumanDuration: about two or three
// significant figures, coarser the older a thing is ("45s", "5m10s", "3h", "7d2h", "2y30d").

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's zero time.Time as RFC 3339; upstream treats it like a missing timestamp. */
const GO_ZERO_TIME = Date.parse("0001-01-01T00:00:00Z");

/** Formats a duration given in milliseconds. Go truncates toward zero at every step, so do we. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  // Up to two seconds in the future counts as "now" to tolerate clock skew between machines.
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** Milliseconds since the epoch, or undefined for a missing, unparsable or Go-zero timestamp. */
export function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== "string" || ts === "") return undefined;
  const t = Date.parse(ts);
  if (Number.isNaN(t) || t <= GO_ZERO_TIME) return undefined;
  return t;
}

/** Age of a timestamp as upstream's translateTimestampSince prints it. */
export function translateTimestampSince(ts: unknown, now: Date): string {
  const t = parseTime(ts);
  return t === undefined ? "<unknown>" : humanDuration(now.getTime() - t);
}
