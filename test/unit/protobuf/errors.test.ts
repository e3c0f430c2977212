// Broken, hostile and unsupported bodies become Status errors (400 or 415), never crashes or hangs.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StatusError } from "../../../src/api/errors";
import { decodeProtobufObject, UnknownFieldError } from "../../../src/api/protobuf";
import { body, bytes, concat, int, MAGIC, msg, str, varint } from "./encode";

const DIR = join(import.meta.dirname, "../../fixtures/protobuf");
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, `${name}.bin`)));

function statusOf(b: Uint8Array): StatusError {
  try {
    decodeProtobufObject(b);
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw new Error(`not a StatusError: ${String(e)}`);
  }
  throw new Error("decoded without error");
}

const ns = (...meta: Uint8Array[]) => body("v1", "Namespace", msg(1, str(1, "ns1"), ...meta));

describe("protobuf body errors", () => {
  it("rejects a missing or wrong magic with 400", () => {
    expect(statusOf(new Uint8Array(0)).toStatus()).toMatchObject({ code: 400, reason: "BadRequest" });
    expect(statusOf(Uint8Array.from([0x6b, 0x38, 0x73])).code).toBe(400);
    expect(statusOf(new TextEncoder().encode('{"kind":"Namespace"}')).code).toBe(400);
    const wrong = fixture("namespace");
    wrong[3] = 0x01;
    expect(statusOf(wrong).code).toBe(400);
  });

  it("rejects every truncation of real bodies with 400", () => {
    for (const name of ["namespace", "deployment", "job-from-cronjob", "certificate-approve", "secret-tls"]) {
      const full = fixture(name);
      // Cutting right after typeMeta leaves a well-formed envelope with an empty object; kubectl's
      // bodies end with the empty contentEncoding and contentType fields (4 bytes).
      const typeMetaEnd = 6 + full[5];
      for (let n = 0; n < full.length - 4; n++) {
        if (n === typeMetaEnd) continue;
        const e = statusOf(full.subarray(0, n));
        expect(e.code, `${name} cut at ${n}`).toBe(400);
      }
    }
  });

  it("answers garbage with 400 or 415 only", () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
    const started = Date.now();
    for (let i = 0; i < 1500; i++) {
      const junk = Uint8Array.from({ length: 1 + (rand() % 200) }, () => rand() & 0xff);
      const code = statusOf(concat(MAGIC, junk)).code;
      expect([400, 415]).toContain(code);
    }
    // Bit flips inside a real body: decodes or fails with a Status, nothing else.
    const real = fixture("job-from-cronjob");
    for (let i = 0; i < 1500; i++) {
      const b = real.slice();
      b[4 + (rand() % (b.length - 4))] ^= 1 << (rand() % 8);
      try {
        decodeProtobufObject(b);
      } catch (e) {
        expect(e).toBeInstanceOf(StatusError);
      }
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("rejects unknown kinds and encodings with 415", () => {
    const raw = msg(1, str(1, "x"));
    for (const [v, k] of [["v1", "NoSuchKind"], ["example.com/v1", "Widget"], ["v1", "constructor"], ["constructor", "x"]]) {
      expect(statusOf(body(v, k, raw)).toStatus()).toMatchObject({ code: 415, reason: "UnsupportedMediaType" });
    }
    expect(statusOf(body("v1", "Namespace", raw, "gzip")).code).toBe(415);
    expect(statusOf(body("v1", "Namespace", raw, "", "application/json")).code).toBe(415);
  });

  it("rejects a missing kind with 400", () => {
    expect(statusOf(body("v1", "", msg(1, str(1, "x")))).code).toBe(400);
    expect(statusOf(MAGIC).code).toBe(400);
  });

  it("names the message and field number of an unknown field", () => {
    const e = statusOf(ns(int(99, 1)));
    expect(e).toBeInstanceOf(UnknownFieldError);
    const objectMeta = "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    expect(e).toMatchObject({ code: 400, messageName: objectMeta, fieldNumber: 99 });
    expect(e.message).toContain("unknown field number 99 in message k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    // Deep inside a pod template, with the path to it.
    const deep = body("apps/v1", "Deployment", msg(2, msg(3, msg(2, msg(2, str(1, "c"), int(77, 0))))));
    expect(statusOf(deep).message).toContain(
      "77 in message k8s.io.api.core.v1.Container (at spec.template.spec.containers[0])",
    );
    // In the envelope and in a map entry.
    expect(statusOf(concat(MAGIC, int(9, 1))).code).toBe(400);
    expect(statusOf(ns(msg(11, str(1, "k"), str(2, "v"), int(3, 1)))).code).toBe(400);
  });

  it("rejects wrong wire types, bad keys and oversized lengths with 400", () => {
    expect(statusOf(ns(int(1, 5))).message).toContain("wire type 0");
    expect(statusOf(ns(concat(varint(0)))).code).toBe(400); // field number 0
    expect(statusOf(ns(concat(varint((1 << 3) | 3)))).code).toBe(400); // group wire type
    expect(statusOf(ns(concat(varint(2 << 3 | 2), varint(2 ** 40)))).code).toBe(400);
    expect(statusOf(ns(concat(varint(7 << 3), Uint8Array.from(Array(11).fill(0xff))))).message).toContain("varint");
    // Secret.data values are bytes, immutable is a bool: a length-delimited immutable is malformed.
    const secret = concat(msg(1), msg(2, str(1, "k"), str(2, "v")), bytes(5, Uint8Array.of(1)));
    expect(statusOf(body("v1", "Secret", secret)).code).toBe(400);
  });
});
