// CronJob schedules are checked with robfig/cron/v3's ParseStandard upstream; this reproduces its
// accepted syntax and its error texts, which the API server passes through verbatim.
import { isKnownTimeZone } from "./timezone";

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const fieldBounds: Bounds[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12, names: Object.fromEntries(months.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(days.map((d, i) => [d, i])) },
];

class CronError extends Error {}

function atoi(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) {
    throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  }
  const n = Number(expr);
  if (!Number.isSafeInteger(n)) {
    throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  }
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function intOrName(expr: string, b: Bounds): number {
  const named = b.names?.[expr.toLowerCase()];
  return named ?? atoi(expr);
}

function checkRange(expr: string, b: Bounds): void {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0]!.split("-");
  let start: number;
  let end: number;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = b.min;
    end = b.max;
  } else {
    start = intOrName(lowAndHigh[0]!, b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = intOrName(lowAndHigh[1]!, b);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = atoi(rangeAndStep[1]!);
    if (lowAndHigh.length === 1) end = b.max; // "N/step" means "N-max/step"
  } else if (rangeAndStep.length > 2) {
    throw new CronError(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new CronError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
}

function checkDuration(d: string): string | undefined {
  if (d === "0") return undefined;
  if (/^([0-9]*\.?[0-9]*(ns|us|µs|μs|ms|s|m|h))+$/.test(d) && /[0-9]/.test(d)) return undefined;
  if (/^[0-9.]+$/.test(d)) return `time: missing unit in duration ${JSON.stringify(d)}`;
  const unit = /^[0-9.]+([^0-9.]+)/.exec(d);
  if (unit) return `time: unknown unit ${JSON.stringify(unit[1])} in duration ${JSON.stringify(d)}`;
  return `time: invalid duration ${JSON.stringify(d)}`;
}

const descriptors = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

/** Returns robfig/cron's error text for an unparseable standard schedule, or undefined. */
export function cronScheduleError(input: string): string | undefined {
  let spec = input;
  if (spec.length === 0) return "empty spec string";
  try {
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      const sp = spec.indexOf(" ");
      if (sp < 0) return `invalid location descriptior: ${spec}`;
      const loc = spec.slice(spec.indexOf("=") + 1, sp);
      if (!isKnownTimeZone(loc)) return `provided bad location ${loc}: unknown time zone ${loc}`;
      spec = spec.slice(sp).trim();
    }
    if (spec.startsWith("@")) {
      if (descriptors.has(spec)) return undefined;
      if (spec.startsWith("@every ")) {
        const err = checkDuration(spec.slice("@every ".length));
        return err ? `failed to parse duration ${spec}: ${err}` : undefined;
      }
      return `unrecognized descriptor: ${spec}`;
    }
    const fields = spec.split(/\s+/).filter((f) => f.length > 0);
    if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`;
    fields.forEach((f, i) => {
      for (const expr of f.split(",").filter((e) => e.length > 0)) checkRange(expr, fieldBounds[i]!);
    });
    return undefined;
  } catch (e) {
    if (e instanceof CronError) return e.message;
    throw e;
  }
}
