import { describe, expect, it } from "vitest";
import { cronScheduleError } from "../../../src/api/validation/cron";

describe("cron schedules (robfig/cron v3 ParseStandard)", () => {
  it("accepts standard specs and descriptors", () => {
    for (const s of ["*/5 * * * *", "0 0 * * 0", "15 3 1-15/2 jan-jun mon,wed,fri", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually", "@every 1h30m", "? * * * *"]) {
      expect(cronScheduleError(s)).toBeUndefined();
    }
  });

  it("reports upstream's parse errors", () => {
    expect(cronScheduleError("* * * *")).toBe("expected exactly 5 fields, found 4: [* * * *]");
    expect(cronScheduleError("60 * * * *")).toBe("end of range (60) above maximum (59): 60");
    expect(cronScheduleError("* * 0 * *")).toBe("beginning of range (0) below minimum (1): 0");
    expect(cronScheduleError("5-1 * * * *")).toBe("beginning of range (5) beyond end of range (1): 5-1");
    expect(cronScheduleError("*/0 * * * *")).toBe("step of range should be a positive number: */0");
    expect(cronScheduleError("x * * * *")).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(cronScheduleError("* * * * 7")).toBe("end of range (7) above maximum (6): 7");
    expect(cronScheduleError("@fortnightly")).toBe("unrecognized descriptor: @fortnightly");
    expect(cronScheduleError("@every 5")).toBe('failed to parse duration @every 5: time: missing unit in duration "5"');
    expect(cronScheduleError("")).toBe("empty spec string");
  });
});
