import { describe, expect, it } from "vitest";
import { IpPool, formatIp, parseCidr, parseIp, pickPodCidr } from "../../../src/node-agent/ipam";

describe("IpPool", () => {
  it("hands out the lowest free address, skipping network and gateway", () => {
    const pool = new IpPool("10.244.1.0/24");
    expect(pool.allocate("a")).toBe("10.244.1.2");
    expect(pool.allocate("b")).toBe("10.244.1.3");
    expect(pool.allocate("a")).toBe("10.244.1.2");
    pool.release("a");
    expect(pool.allocate("c")).toBe("10.244.1.2");
  });

  it("runs out without handing out the broadcast address", () => {
    const pool = new IpPool("10.0.0.0/30");
    expect(pool.allocate("a")).toBe("10.0.0.2");
    expect(pool.allocate("b")).toBeUndefined();
  });

  it("reserves addresses seen in pod statuses (adoption) unless taken or outside", () => {
    const pool = new IpPool("10.244.1.0/24");
    expect(pool.reserve("a", "10.244.1.7")).toBe(true);
    expect(pool.reserve("b", "10.244.1.7")).toBe(false);
    expect(pool.reserve("b", "10.244.2.7")).toBe(false);
    expect(pool.reserve("b", "nonsense")).toBe(false);
    expect(pool.allocate("c")).toBe("10.244.1.2");
    expect(pool.size).toBe(2);
  });

  it("normalises a CIDR written with host bits", () => {
    expect(formatIp(parseCidr("10.244.1.9/24").base)).toBe("10.244.1.0");
    expect(() => parseCidr("fd00::/64")).toThrow();
    expect(parseIp("10.0.0.1")).toBe(167772161);
  });
});

describe("pickPodCidr", () => {
  it("takes the lowest /24 no node uses", () => {
    expect(pickPodCidr([])).toBe("10.244.0.0/24");
    expect(pickPodCidr(["10.244.0.0/24", "10.244.2.0/24"])).toBe("10.244.1.0/24");
  });
});
