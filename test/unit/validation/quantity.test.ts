import { describe, expect, it } from "vitest";
import { cmpQuantity, formatQuantity, parseQuantity, quantityFormatError, type Quantity } from "../../../src/api/validation/quantity";

const q = (s: unknown) => parseQuantity(s) as Quantity;
const canon = (s: unknown) => formatQuantity(q(s));

describe("resource.Quantity", () => {
  it("parses the documented grammar", () => {
    for (const s of ["1", "0.5", ".5", "100m", "1Ki", "512Mi", "1.5Gi", "1e3", "1E-3", "+2", "-1", "5n", "3u", "2k", "1M", "1T", "1P", "1E"]) {
      expect(typeof parseQuantity(s)).toBe("object");
    }
    expect(typeof parseQuantity(2)).toBe("object");
  });

  it("rejects malformed quantities with upstream's texts", () => {
    expect(parseQuantity("abc")).toBe(quantityFormatError);
    expect(parseQuantity("1 Gi")).toBe(quantityFormatError);
    expect(parseQuantity("1.2.3")).toBe("unable to parse quantity's suffix");
    expect(parseQuantity("1KK")).toBe("unable to parse quantity's suffix");
    expect(parseQuantity(".")).toBe("unable to parse numeric part of quantity");
  });

  it("compares exactly across suffixes", () => {
    expect(cmpQuantity(q("1"), q("1000m"))).toBe(0);
    expect(cmpQuantity(q("1Gi"), q("1G"))).toBe(1);
    expect(cmpQuantity(q("500m"), q("0.6"))).toBe(-1);
  });

  it("formats canonically as the API server stores quantities", () => {
    expect(canon("0.5")).toBe("500m");
    expect(canon("1000m")).toBe("1");
    expect(canon("1.5Gi")).toBe("1536Mi");
    expect(canon("2048Mi")).toBe("2Gi");
    expect(canon("1500")).toBe("1500");
    expect(canon("1e3")).toBe("1e3");
    expect(canon("0.1234567891")).toBe("123456790n");
    expect(canon(1)).toBe("1");
    expect(canon("100Ki")).toBe("100Ki");
    expect(canon("512")).toBe("512");
  });
});
