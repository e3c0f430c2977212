// CronJob schedules evaluated as robfig/cron v3 does (the parser upstream uses): five fields or a
// descriptor, day-of-month OR day-of-week when both are restricted, in a time zone. Syntax is
// checked by the API's validator (src/api/validation/cron.ts); this only computes next times.
// Time zones come from Intl, which workerd and Node both carry.
import { cronScheduleError } from "../api/validation/cron";

export interface Schedule {
  /** The first activation strictly after `after` (ms), or Infinity if none within five years. */
  next(after: number): number;
}

const descriptors: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const names: Record<string, number>[] = [
  {},
  {},
  {},
  Object.fromEntries(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1])),
  Object.fromEntries(["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((d, i) => [d, i])),
];
const bounds = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]] as const;

interface Field {
  values: Set<number>;
  /** Written as "*" or "?" (with no step above 1): decides the day-of-month/day-of-week rule. */
  star: boolean;
}

function parseField(text: string, i: number): Field {
  const [min, max] = bounds[i]!;
  const field: Field = { values: new Set(), star: false };
  for (const expr of text.split(",")) {
    const [range, stepText] = expr.split("/");
    const [lo, hi] = range!.split("-");
    const value = (s: string) => names[i]![s.toLowerCase()] ?? Number(s);
    const any = lo === "*" || lo === "?";
    const start = any ? min : value(lo!);
    const step = stepText === undefined ? 1 : Number(stepText);
    const end = any || (hi === undefined && stepText !== undefined) ? max : hi === undefined ? start : value(hi);
    if (any && step <= 1) field.star = true;
    for (let v = start; v <= end; v += step) field.values.add(v);
  }
  return field;
}

/** A Go duration ("1h30m", "90s", "1.5h") in milliseconds. */
function goDuration(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, n, unit] of text.matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(n) * units[unit!]!;
  return total;
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  dow: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a zone. */
function wall(ms: number, tz: string): Wall {
  if (tz === "UTC") {
    const d = new Date(ms);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), dow: d.getUTCDay() };
  }
  let f = formatters.get(tz);
  if (!f) {
    const opts = { timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" } as const;
    formatters.set(tz, (f = new Intl.DateTimeFormat("en-US", opts)));
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, dow: new Date(Date.UTC(p.year!, p.month! - 1, p.day!)).getUTCDay() };
}

/** Minutes the zone is ahead of UTC at an instant. */
export function zoneOffset(ms: number, tz: string): number {
  const w = wall(ms, tz);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** The instant a wall-clock time names in a zone (a time skipped by DST lands just after the gap). */
function instant(y: number, mo: number, d: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d);
  const first = guess - zoneOffset(guess, tz) * 60_000;
  return guess - zoneOffset(first, tz) * 60_000;
}

/** Parses spec.schedule (with spec.timeZone); returns robfig's error text when it is invalid. */
export function parseSchedule(spec: string, timeZone?: string): Schedule | string {
  const error = cronScheduleError(spec);
  if (error) return error;
  let text = spec.trim();
  let tz = timeZone || "UTC";
  const prefix = /^(?:CRON_)?TZ=(\S+)\s+/.exec(text);
  if (prefix) {
    tz = prefix[1]!;
    text = text.slice(prefix[0].length);
  }
  if (text.startsWith("@every ")) {
    const delay = Math.max(1000, Math.round(goDuration(text.slice(7)) / 1000) * 1000);
    return { next: (after) => after - (((after % 1000) + 1000) % 1000) + delay };
  }
  const fields = (descriptors[text] ?? text).split(/\s+/).map(parseField);
  const [minute, hour, dom, month, dow] = fields as [Field, Field, Field, Field, Field];
  const dayMatches = (w: Wall) =>
    dom.star || dow.star ? dom.values.has(w.d) && dow.values.has(w.dow) : dom.values.has(w.d) || dow.values.has(w.dow);
  return {
    next(after) {
      let t = Math.floor(after / 60_000) * 60_000 + 60_000;
      const limit = after + 5 * 366 * 86_400_000;
      while (t <= limit) {
        const w = wall(t, tz);
        let to: number;
        if (!month.values.has(w.mo)) to = instant(w.y, w.mo + 1, 1, tz);
        else if (!dayMatches(w)) to = instant(w.y, w.mo, w.d + 1, tz);
        else if (!hour.values.has(w.h)) to = t + (60 - w.mi) * 60_000;
        else if (!minute.values.has(w.mi)) to = t + 60_000;
        else return t;
        // Never step backwards, whatever a DST transition does to the wall clock.
        t = Math.max(to, t + 60_000);
      }
      return Infinity;
    },
  };
}

/** time.RFC3339 in a zone, as Go prints it: "Z" for a zero offset. */
export function rfc3339In(ms: number, timeZone?: string): string {
  const off = zoneOffset(ms, timeZone || "UTC");
  const local = new Date(Math.floor(ms / 1000) * 1000 + off * 60_000).toISOString().slice(0, 19);
  if (off === 0) return `${local}Z`;
  const a = Math.abs(off);
  return `${local}${off < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}
