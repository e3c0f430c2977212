import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultSecret } from "../../../src/api/defaults/core";
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from "../../../src/api/validation/core/config";
import { only, show } from "./helpers";

const meta = { name: "cfg", namespace: "default" };
const b64 = (s: string) => btoa(s);

describe("ConfigMap validation", () => {
  it("accepts valid keys", () => {
    expect(validateConfigMap({ metadata: meta, data: { "app.properties": "a=b", KEY_1: "v" }, binaryData: { "logo.png": b64("x") } })).toEqual([]);
  });

  it("rejects bad keys with a data[key] path", () => {
    const e = only(validateConfigMap({ metadata: meta, data: { "bad key": "v" } }));
    expect(e.field).toBe("data[bad key]");
    expect(e.message).toMatch(/^Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' \(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name'/);
  });

  it("rejects a key present in both data and binaryData", () => {
    expect(only(validateConfigMap({ metadata: meta, data: { a: "1" }, binaryData: { a: b64("1") } }))).toEqual({
      type: "FieldValueInvalid",
      field: "data[a]",
      message: 'Invalid value: "a": duplicate of key present in binaryData',
    });
  });

  it("limits the total size to 1 MiB", () => {
    expect(only(validateConfigMap({ metadata: meta, data: { a: "x".repeat(1024 * 1024 + 1) } }))).toEqual({
      type: "FieldValueTooLong",
      field: "",
      message: "Too long: must have at most 1048576 bytes",
    });
  });

  it("locks data when immutable", () => {
    const old: KubeObject = { metadata: meta, data: { a: "1" }, immutable: true };
    expect(validateConfigMapUpdate({ ...old, metadata: { ...meta, labels: { x: "y" } } }, old)).toEqual([]);
    expect(show(validateConfigMapUpdate({ ...old, data: { a: "2" } }, old))).toEqual(["data: Forbidden: field is immutable when `immutable` is set"]);
    expect(show(validateConfigMapUpdate({ ...old, immutable: false }, old))).toEqual(["immutable: Forbidden: field is immutable when `immutable` is set"]);
  });
});

describe("Secret validation", () => {
  it("defaults the type and merges stringData", () => {
    const s: KubeObject = { metadata: meta, stringData: { password: "héllo" } };
    defaultSecret(s);
    expect(s).toEqual({ metadata: meta, type: "Opaque", data: { password: "aMOpbGxv" } });
    expect(validateSecret(s)).toEqual([]);
  });

  it("requires tls.crt and tls.key for kubernetes.io/tls", () => {
    expect(show(validateSecret({ metadata: meta, type: "kubernetes.io/tls", data: { "tls.crt": b64("c") } }))).toEqual(["data[tls.key]: Required value"]);
  });

  it("requires valid JSON for dockerconfigjson", () => {
    expect(show(validateSecret({ metadata: meta, type: "kubernetes.io/dockerconfigjson", data: {} }))).toEqual(["data[.dockerconfigjson]: Required value"]);
    const bad = validateSecret({ metadata: meta, type: "kubernetes.io/dockerconfigjson", data: { ".dockerconfigjson": b64("nope") } });
    expect(show(bad)).toEqual(['data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'n\' looking for beginning of value']);
    const ok = validateSecret({ metadata: meta, type: "kubernetes.io/dockerconfigjson", data: { ".dockerconfigjson": b64('{"auths":{}}') } });
    expect(ok).toEqual([]);
  });

  it("checks keys, size and the type on update", () => {
    expect(show(validateSecret({ metadata: meta, data: { "a/b": b64("x") } }))[0]).toMatch(/^data\[a\/b\]: Invalid value: "a\/b": a valid config key/);
    expect(show(validateSecret({ metadata: meta, data: { big: b64("x".repeat(1024 * 1024 + 3)) } }))).toEqual(["data: Too long: must have at most 1048576 bytes"]);
    const old: KubeObject = { metadata: meta, type: "Opaque", data: { a: b64("1") }, immutable: true };
    expect(show(validateSecretUpdate({ ...old, type: "kubernetes.io/tls", data: { a: b64("2") } }, old))).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
      "data: Forbidden: field is immutable when `immutable` is set",
      "data[tls.crt]: Required value",
      "data[tls.key]: Required value",
    ]);
  });
});
