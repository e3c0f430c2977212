// ConfigMaps and Secrets: key format, 1 MiB total size, Secret type requirements and the
// `immutable: true` lock (core ValidateConfigMap / ValidateSecret and their updates).
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { byteLength, errForbidden, errInvalid, errRequired, errTooLong, immutable, isObj, key, msgs, semanticEqual, str, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { isConfigMapKey, nameIsDNSSubdomain } from "../names";
import { base64ToUtf8 } from "../../base64";

export const maxSecretSize = 1024 * 1024;
const meta = { namespaced: true, nameValidator: nameIsDNSSubdomain };

/** Decoded length of a base64 value (what Go sees after unmarshalling []byte). */
export function base64Length(v: unknown): number {
  const s = str(v).replace(/\s/g, "");
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - pad);
}

function decodeBase64(v: unknown): string | undefined {
  try {
    return base64ToUtf8(str(v));
  } catch {
    return undefined;
  }
}

/** encoding/json's complaint about a value that is not a JSON object, roughly as Go words it. */
function jsonObjectError(text: string): string | undefined {
  const t = text.trim();
  if (!t) return "unexpected end of JSON input";
  try {
    const v = JSON.parse(t);
    if (isObj(v)) return undefined;
    const kind = Array.isArray(v) ? "array" : v === null ? undefined : typeof v === "boolean" ? "bool" : typeof v;
    return kind ? `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}` : undefined;
  } catch {
    return `invalid character '${t[0]}' looking for beginning of value`;
  }
}

function requireJSONKey(data: Obj, k: string, errs: FieldError[]): void {
  if (!(k in data)) {
    errs.push(errRequired(key("data", k)));
    return;
  }
  const bad = jsonObjectError(decodeBase64(data[k]) ?? "");
  if (bad) errs.push(errInvalid(key("data", k), "<secret contents redacted>", bad));
}

export function validateSecret(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, meta);
  const data: Obj = isObj(obj.data) ? obj.data : {};
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...msgs(key("data", k), k, isConfigMapKey(k)));
    size += base64Length(v);
  }
  if (size > maxSecretSize) errs.push(errTooLong("data", maxSecretSize));
  switch (obj.type) {
    case "kubernetes.io/service-account-token":
      if (!str(obj.metadata?.annotations?.["kubernetes.io/service-account.name"])) {
        errs.push(errRequired("metadata.annotations[kubernetes.io/service-account.name]"));
      }
      break;
    case "kubernetes.io/dockercfg":
      requireJSONKey(data, ".dockercfg", errs);
      break;
    case "kubernetes.io/dockerconfigjson":
      requireJSONKey(data, ".dockerconfigjson", errs);
      break;
    case "kubernetes.io/basic-auth":
      if (!("username" in data) && !("password" in data)) {
        errs.push(errRequired("data[username]"), errRequired("data[password]"));
      }
      break;
    case "kubernetes.io/ssh-auth":
      if (base64Length(data["ssh-privatekey"]) === 0) errs.push(errRequired("data[ssh-privatekey]"));
      break;
    case "kubernetes.io/tls":
      if (!("tls.crt" in data)) errs.push(errRequired("data[tls.crt]"));
      if (!("tls.key" in data)) errs.push(errRequired("data[tls.key]"));
      break;
  }
  return errs;
}

const lockedMsg = "field is immutable when `immutable` is set";

function immutableLock(obj: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(errForbidden("immutable", lockedMsg));
  for (const f of fields) if (!semanticEqual(obj[f], old[f])) errs.push(errForbidden(f, lockedMsg));
  return errs;
}

export function validateSecretUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...immutable(obj.type ?? "", old.type ?? "", "type"),
    ...immutableLock(obj, old, ["data"]),
    ...validateSecret(obj),
  ];
}

export function validateConfigMap(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, meta);
  const data: Obj = isObj(obj.data) ? obj.data : {};
  const binary: Obj = isObj(obj.binaryData) ? obj.binaryData : {};
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...msgs(key("data", k), k, isConfigMapKey(k)));
    if (k in binary) errs.push(errInvalid(key("data", k), k, "duplicate of key present in binaryData"));
    size += byteLength(str(v));
  }
  for (const [k, v] of Object.entries(binary)) {
    errs.push(...msgs(key("binaryData", k), k, isConfigMapKey(k)));
    size += base64Length(v);
  }
  // Upstream reports the size of the whole object with an empty field path.
  if (size > maxSecretSize) errs.push(errTooLong("", maxSecretSize));
  return errs;
}

export function validateConfigMapUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...immutableLock(obj, old, ["data", "binaryData"]),
    ...validateConfigMap(obj),
  ];
}
