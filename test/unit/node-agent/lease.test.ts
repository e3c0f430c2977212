import { describe, expect, it } from "vitest";
import { leaseExpired, leaseFor, nextRenewDelay, shouldRenew } from "../../../src/node-agent/lease";
import { microTime } from "../../../src/node-agent/clock";

const T = Date.parse("2026-01-02T15:04:05.123Z");

describe("lease decisions", () => {
  it("renews when never renewed or once the interval has passed", () => {
    expect(shouldRenew(T, undefined, 10_000)).toBe(true);
    expect(shouldRenew(T + 9_999, T, 10_000)).toBe(false);
    expect(shouldRenew(T + 10_000, T, 10_000)).toBe(true);
  });

  it("retries a failed renewal sooner, never later than the interval", () => {
    expect(nextRenewDelay(10_000, 0)).toBe(10_000);
    expect(nextRenewDelay(10_000, 1)).toBe(200);
    expect(nextRenewDelay(10_000, 3)).toBe(800);
    expect(nextRenewDelay(10_000, 30)).toBe(10_000);
  });

  it("expires leaseDurationSeconds after renewTime", () => {
    const lease = leaseFor({ name: "n1" }, 40, T);
    expect(leaseExpired(lease, T + 40_000)).toBe(false);
    expect(leaseExpired(lease, T + 40_001)).toBe(true);
    expect(leaseExpired({ metadata: {}, spec: {} }, T)).toBe(true);
  });
});

describe("leaseFor", () => {
  it("writes renewTime as a MicroTime and the node as holder and owner", () => {
    const lease = leaseFor({ name: "n1", uid: "u1" }, 40, T);
    expect(lease).toEqual({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: "n1", namespace: "kube-node-lease", ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "n1", uid: "u1" }] },
      spec: { holderIdentity: "n1", leaseDurationSeconds: 40, renewTime: "2026-01-02T15:04:05.123000Z" },
    });
  });

  it("renews a stored lease in place, keeping its metadata and resourceVersion", () => {
    const stored = leaseFor({ name: "n1", uid: "u1" }, 40, T);
    stored.metadata.resourceVersion = "7";
    const next = leaseFor({ name: "n1", uid: "u1" }, 40, T + 10_000, stored);
    expect(next.metadata.resourceVersion).toBe("7");
    expect(next.metadata.ownerReferences).toHaveLength(1);
    expect(next.spec.renewTime).toBe("2026-01-02T15:04:15.123000Z");
    expect(stored.spec.renewTime).toBe("2026-01-02T15:04:05.123000Z");
  });

  it("formats MicroTime with six fractional digits", () => {
    expect(microTime(Date.parse("2006-01-02T15:04:05Z"))).toBe("2006-01-02T15:04:05.000000Z");
  });
});
