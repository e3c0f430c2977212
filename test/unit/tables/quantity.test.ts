import { describe, expect, it } from "vitest";
import { formatQuantity } from "../../../src/api/tables/quantity";

describe("formatQuantity (canonical resource.Quantity)", () => {
  it.each([
    ["1", "1"],
    ["0", "0"],
    ["0Gi", "0"],
    ["500m", "500m"],
    ["0.5", "500m"],
    ["1000m", "1"],
    ["1500m", "1500m"],
    ["1.5", "1500m"],
    ["100", "100"],
    ["1000", "1k"],
    ["1500", "1500"],
    ["10Gi", "10Gi"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["1.5Gi", "1536Mi"],
    ["0.5Ki", "512"],
    ["2048", "2048"],
    ["1G", "1G"],
    ["1e3", "1e3"],
    ["12e2", "1200"],
    ["1e-10", "1e-9"],
    ["0.0000000001", "1n"],
    ["-250m", "-250m"],
    [2, "2"],
  ])("%s prints as %s", (input, want) => {
    expect(formatQuantity(input)).toBe(want);
  });

  it("treats a missing value as zero and keeps unparsable text", () => {
    expect(formatQuantity(undefined)).toBe("0");
    expect(formatQuantity("lots")).toBe("lots");
  });
});
