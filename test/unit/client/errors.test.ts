import { describe, expect, it } from "vitest";
import { ApiError, isAlreadyExists, isConflict, isGone, isNotFound, isRetriable } from "../../../src/client/errors";

describe("ApiError", () => {
  it("carries the server's Status", () => {
    const body = JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: 'pods "x" not found', reason: "NotFound", details: { name: "x", kind: "pods" }, code: 404 });
    const e = ApiError.fromBody(404, body);
    expect(e.message).toBe('pods "x" not found');
    expect(e.status.details).toEqual({ name: "x", kind: "pods" });
    expect(isNotFound(e)).toBe(true);
    expect(isConflict(e)).toBe(false);
  });

  it("synthesises a Status from a body that is not one", () => {
    const e = ApiError.fromBody(503, "upstream unavailable");
    expect(e.status).toMatchObject({ kind: "Status", status: "Failure", code: 503, reason: "ServiceUnavailable", message: "upstream unavailable" });
    expect(isRetriable(e)).toBe(true);
  });

  it("classifies by code and reason", () => {
    const status = (code: number, reason: any) => new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code, reason });
    expect(isAlreadyExists(status(409, "AlreadyExists"))).toBe(true);
    expect(isAlreadyExists(status(409, "Conflict"))).toBe(false);
    expect(isGone(status(410, "Expired"))).toBe(true);
    expect(isRetriable(status(410, "Expired"))).toBe(false);
    expect(isRetriable(status(429, "TooManyRequests"))).toBe(true);
    expect(isRetriable(new TypeError("fetch failed"))).toBe(true);
  });
});
