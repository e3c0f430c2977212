import { describe, expect, it } from "vitest";
import { humanDuration, translateTimestampSince } from "../../../src/api/tables/duration";
import { NOW, ago } from "./helpers";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe("humanDuration", () => {
  it.each([
    [0, "0s"],
    [999, "0s"],
    [45 * S, "45s"],
    [119 * S + 999, "119s"],
    [2 * M, "2m"],
    [5 * M + 10 * S, "5m10s"],
    [9 * M + 59 * S + 999, "9m59s"],
    [10 * M + 30 * S, "10m"],
    [179 * M + 59 * S, "179m"],
    [3 * H, "3h"],
    [3 * H + 25 * M, "3h25m"],
    [7 * H + 59 * M + 59 * S, "7h59m"],
    [8 * H + 59 * M, "8h"],
    [47 * H + 59 * M, "47h"],
    [2 * D, "2d"],
    [3 * D + 4 * H, "3d4h"],
    [7 * D + 23 * H + 59 * M, "7d23h"],
    [8 * D + 23 * H, "8d"],
    [400 * D, "400d"],
    [2 * Y - 1, "729d"],
    [2 * Y + 23 * H, "2y"],
    [2 * Y + 40 * D, "2y40d"],
    [8 * Y - 1, "7y364d"],
    [9 * Y + 100 * D, "9y"],
  ])("%i ms is %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it("tolerates up to two seconds of clock skew into the future", () => {
    expect(humanDuration(-1999)).toBe("0s");
    expect(humanDuration(-2000)).toBe("<invalid>");
  });
});

describe("translateTimestampSince", () => {
  it("ages a timestamp against the given clock", () => {
    expect(translateTimestampSince(ago(310), NOW)).toBe("5m10s");
    expect(translateTimestampSince("2024-06-01T11:59:59.999999Z", NOW)).toBe("0s");
  });

  it("prints <unknown> for missing or zero timestamps", () => {
    expect(translateTimestampSince(undefined, NOW)).toBe("<unknown>");
    expect(translateTimestampSince("", NOW)).toBe("<unknown>");
    expect(translateTimestampSince(null, NOW)).toBe("<unknown>");
    expect(translateTimestampSince("0001-01-01T00:00:00Z", NOW)).toBe("<unknown>");
  });
});
