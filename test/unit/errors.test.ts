import { describe, expect, it } from "vitest";
import { errors, invalid } from "../../src/api/errors";

describe("Status errors", () => {
  it("renders NotFound as upstream", () => {
    const s = errors.notFound("apps", "deployments", "web").toStatus();
    expect(s).toMatchObject({ code: 404, reason: "NotFound", message: 'deployments.apps "web" not found' });
  });

  it("renders Invalid with field causes", () => {
    const e = invalid("", "ConfigMap", "Bad_Name", [
      { type: "FieldValueInvalid", field: "metadata.name", value: "Bad_Name", detail: "must be lowercase" },
    ]);
    expect(e.code).toBe(422);
    expect(e.message).toBe('ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": must be lowercase');
    expect(e.details?.causes?.[0]).toEqual({
      reason: "FieldValueInvalid",
      message: 'Invalid value: "Bad_Name": must be lowercase',
      field: "metadata.name",
    });
  });
});
