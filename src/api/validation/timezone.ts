// Time zone names: upstream loads them from the Go tz database; workerd exposes the same IANA
// database through Intl, which rejects unknown names with a RangeError.
export function isKnownTimeZone(tz: string): boolean {
  if (tz === "UTC" || tz === "") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
