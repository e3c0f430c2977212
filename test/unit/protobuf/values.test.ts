// Hand-made bodies for the JSON mapping rules kubectl's own bodies do not reach.

import { describe, expect, it } from "vitest";
import { decodeProtobufObject } from "../../../src/api/protobuf";
import { body, bytes, concat, int, key, msg, str, varint } from "./encode";

const decode = (apiVersion: string, kind: string, ...fields: Uint8Array[]) =>
  decodeProtobufObject(body(apiVersion, kind, concat(...fields)));
const meta = (...fields: Uint8Array[]) => decode("v1", "Namespace", msg(1, ...fields)).metadata;

describe("protobuf JSON mapping", () => {
  it("sets apiVersion and kind from the envelope, metadata even when absent", () => {
    expect(decode("v1", "ServiceAccount")).toEqual({ apiVersion: "v1", kind: "ServiceAccount", metadata: {} });
  });

  it("omits zero non-pointer scalars and keeps set ones", () => {
    expect(meta(str(1, ""), str(2, ""), int(7, 0), str(5, "u"))).toEqual({ uid: "u" });
    // Last occurrence wins, including a later zero.
    expect(meta(str(1, "a"), str(1, ""))).toEqual({});
  });

  it("reads int64 and int32 across their range as numbers", () => {
    expect(meta(int(7, 2 ** 40 + 3), int(10, -1))).toEqual({ generation: 2 ** 40 + 3, deletionGracePeriodSeconds: -1 });
    expect(meta(int(7, -(2 ** 33)))).toEqual({ generation: -(2 ** 33) });
    // int32 negatives travel as 10-byte varints.
    const spec = (n: number) => msg(2, int(1, n));
    expect(decode("apps/v1", "Deployment", spec(-5)).spec).toEqual({ replicas: -5 });
    expect(decode("apps/v1", "Deployment", spec(2 ** 31 - 1)).spec).toEqual({ replicas: 2 ** 31 - 1 });
  });

  it("writes Time as RFC 3339 and omits the zero time", () => {
    const t = (seconds: number, nanos = 0) => meta(msg(8, int(1, seconds), int(2, nanos)));
    expect(t(1704164645)).toEqual({ creationTimestamp: "2024-01-02T03:04:05Z" });
    expect(t(1704164645, 999_999_999)).toEqual({ creationTimestamp: "2024-01-02T03:04:05Z" });
    expect(t(0)).toEqual({});
    expect(meta(msg(9))).toEqual({}); // a pointer to the zero time is null in Go's JSON
    expect(t(-62135596800)).toEqual({ creationTimestamp: "0001-01-01T00:00:00Z" });
    expect(() => t(2 ** 50)).toThrow(/out of range/);
  });

  it("maps IntOrString and Quantity", () => {
    const pdb = (...spec: Uint8Array[]) => decode("policy/v1", "PodDisruptionBudget", msg(2, ...spec)).spec;
    expect(pdb(msg(1, int(1, 0), int(2, 3)))).toEqual({ minAvailable: 3 });
    expect(pdb(msg(1, int(1, 1), str(3, "25%")))).toEqual({ minAvailable: "25%" });
    expect(pdb(msg(1))).toEqual({ minAvailable: 0 }); // pointer: zero kept
    expect(() => pdb(msg(1, int(1, 7)))).toThrow(/IntOrString/);
    const hard = concat(msg(1, str(1, "cpu"), msg(2, str(1, "500m"))), msg(1, str(1, "pods")));
    const quota = decode("v1", "ResourceQuota", msg(2, hard));
    expect(quota.spec).toEqual({ hard: { cpu: "500m", pods: "0" } });
  });

  it("keeps map keys as data, even __proto__", () => {
    const labels = meta(msg(11, str(1, "__proto__"), str(2, "x")), msg(11, str(1, "a"), str(2, ""))).labels as object;
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.keys(labels)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(labels)).toBe('{"__proto__":"x","a":""}');
  });

  it("encodes bytes as base64", () => {
    const entries = [msg(2, str(1, "k"), bytes(2, Uint8Array.of(0, 255, 1))), msg(2, str(1, "e"))];
    const data = decode("v1", "Secret", ...entries).data;
    expect(data).toEqual({ k: "AP8B", e: "" });
  });

  it("accepts packed and unpacked repeated numbers", () => {
    const job = (values: Uint8Array) =>
      decode("batch/v1", "Job", msg(2, msg(11, msg(1, str(1, "FailJob"), msg(2, str(2, "In"), values))))).spec;
    const packed = concat(key(3, 2), varint(3), varint(1), varint(42), varint(7));
    const rule = { action: "FailJob", onExitCodes: { operator: "In", values: [1, 42, 7] } };
    expect(job(packed)).toEqual({ podFailurePolicy: { rules: [rule] } });
    expect(job(concat(int(3, 1), int(3, 42), int(3, 7)))).toEqual({ podFailurePolicy: { rules: [rule] } });
  });

  it("inlines embedded structs and keeps empty pointer messages", () => {
    const pod = (volume: Uint8Array) =>
      decode("apps/v1", "Deployment", msg(2, msg(3, msg(2, msg(1, volume))))).spec.template.spec.volumes[0];
    expect(pod(concat(str(1, "v"), msg(2, msg(2))))).toEqual({ name: "v", emptyDir: {} });
    expect(pod(concat(str(1, "v"), msg(2, msg(19, msg(1, str(1, "cm")), int(4, 0)))))).toEqual({
      name: "v",
      configMap: { name: "cm", optional: false },
    });
  });

  it("merges repeated occurrences of a singular message", () => {
    expect(meta(msg(9), str(1, "a")).name).toBe("a");
    const d = decode("apps/v1", "Deployment", msg(2, int(1, 2)), msg(2, int(7, 1)));
    expect(d.spec).toEqual({ replicas: 2, paused: true });
  });
});
