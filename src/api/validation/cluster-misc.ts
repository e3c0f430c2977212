// StorageClasses, PriorityClasses, Leases and CertificateSigningRequests.
import type { FieldError } from "../errors";
import type { KubeObject } from "../object";
import { asArray, byteLength, errDuplicate, errForbidden, errInvalid, errNotSupported, errRequired, errTooLong, immutable, index, isObj, msgs, semanticEqual, str } from "./field";
import { validateObjectMeta, validateObjectMetaUpdate } from "./meta";
import { isQualifiedName, nameAnything, nameIsDNSSubdomain } from "./names";

const clusterMeta = { namespaced: false, nameValidator: nameIsDNSSubdomain };

export function validateStorageClass(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, clusterMeta);
  const prov = str(obj.provisioner);
  if (!prov) errs.push(errRequired("provisioner"));
  else errs.push(...msgs("provisioner", prov, isQualifiedName(prov.toLowerCase())));
  const params = isObj(obj.parameters) ? obj.parameters : {};
  let size = 0;
  for (const [k, v] of Object.entries(params)) {
    if (!k) errs.push(errInvalid("parameters", k, "field can not be empty."));
    size += byteLength(k) + byteLength(str(v));
  }
  if (Object.keys(params).length > 512) errs.push(errTooLong("parameters", 512));
  if (size > 256 * 1024) errs.push(errTooLong("parameters", 256 * 1024));
  const rp = obj.reclaimPolicy;
  if (rp && !["Delete", "Recycle", "Retain"].includes(rp)) errs.push(errNotSupported("reclaimPolicy", rp, ["Delete", "Recycle", "Retain"]));
  const vbm = obj.volumeBindingMode;
  if (vbm === undefined || vbm === null) errs.push(errRequired("volumeBindingMode"));
  else if (!["Immediate", "WaitForFirstConsumer"].includes(vbm)) errs.push(errNotSupported("volumeBindingMode", vbm, ["Immediate", "WaitForFirstConsumer"]));
  return errs;
}

export function validateStorageClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  if (!semanticEqual(obj.parameters, old.parameters)) errs.push(errForbidden("parameters", "updates to parameters are forbidden."));
  if (obj.provisioner !== old.provisioner) errs.push(errForbidden("provisioner", "updates to provisioner are forbidden."));
  if ((obj.reclaimPolicy ?? "") !== (old.reclaimPolicy ?? "")) errs.push(errForbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."));
  errs.push(...immutable(obj.volumeBindingMode, old.volumeBindingMode, "volumeBindingMode"));
  return [...errs, ...validateStorageClass(obj)];
}

const systemClasses: Record<string, number> = { "system-node-critical": 2000001000, "system-cluster-critical": 2000000000 };

export function validatePriorityClass(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, clusterMeta);
  const name = str(obj.metadata?.name);
  const value = typeof obj.value === "number" ? obj.value : 0;
  if (name.startsWith("system-")) {
    const known = systemClasses[name];
    const why =
      known === undefined
        ? `${name} is not a known system priority class`
        : value !== known
          ? `value of ${name} PriorityClass must be ${known}`
          : obj.globalDefault === true
            ? `globalDefault of ${name} PriorityClass must be false`
            : "";
    if (why) errs.push(errForbidden("metadata.name", `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`));
  } else if (value > 1000000000) {
    errs.push(errForbidden("value", "maximum allowed value of a user defined priority is 1000000000"));
  }
  const pp = obj.preemptionPolicy;
  if (pp !== undefined && pp !== null) {
    if (!pp) errs.push(errRequired("preemptionPolicy"));
    else if (!["PreemptLowerPriority", "Never"].includes(pp)) errs.push(errNotSupported("preemptionPolicy", pp, ["PreemptLowerPriority", "Never"]));
  }
  return errs;
}

export function validatePriorityClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  if (obj.value !== old.value) errs.push(errForbidden("value", "may not be changed in an update."));
  errs.push(...immutable(obj.preemptionPolicy, old.preemptionPolicy, "preemptionPolicy"));
  return errs;
}

function validateLeaseSpec(obj: KubeObject): FieldError[] {
  const s = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  if (typeof s.leaseDurationSeconds === "number" && s.leaseDurationSeconds <= 0) {
    errs.push(errInvalid("spec.leaseDurationSeconds", s.leaseDurationSeconds, "must be greater than 0"));
  }
  if (typeof s.leaseTransitions === "number" && s.leaseTransitions < 0) {
    errs.push(errInvalid("spec.leaseTransitions", s.leaseTransitions, "must be greater than or equal to 0"));
  }
  return errs;
}

export function validateLease(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }), ...validateLeaseSpec(obj)];
}

export function validateLeaseUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateLeaseSpec(obj)];
}

const usages = [
  "any", "client auth", "code signing", "content commitment", "crl sign", "data encipherment", "decipher only", "digital signature",
  "email protection", "encipher only", "ipsec end system", "ipsec tunnel", "ipsec user", "key agreement", "key encipherment",
  "microsoft sgc", "netscape sgc", "ocsp signing", "s/mime", "server auth", "signing", "timestamping", "cert sign",
].sort();

/** CSR requests are base64 PEM; the signature itself is not checked here. */
function pemBlockType(request: unknown): string | undefined {
  try {
    return /-----BEGIN ([A-Z ]+)-----/.exec(atob(str(request)))?.[1];
  } catch {
    return undefined;
  }
}

export function validateCSR(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: false, nameValidator: nameAnything });
  const spec = isObj(obj.spec) ? obj.spec : {};
  if (pemBlockType(spec.request) !== "CERTIFICATE REQUEST") errs.push(errInvalid("spec.request", spec.request ?? null, "PEM block type must be CERTIFICATE REQUEST"));
  const list = asArray(spec.usages);
  if (list.length === 0) errs.push(errRequired("spec.usages", "usages must be provided"));
  list.forEach((u, i) => {
    if (!usages.includes(u)) errs.push(errNotSupported(index("spec.usages", i), u, usages));
    if (list.indexOf(u) !== i) errs.push(errDuplicate(index("spec.usages", i), u));
  });
  const signer = str(spec.signerName);
  if (!signer) errs.push(errRequired("spec.signerName", "signerName must be provided"));
  else if (signer === "kubernetes.io/legacy-unknown") errs.push(errInvalid("spec.signerName", signer, "the legacy signerName is not allowed via this API version"));
  else {
    const parts = signer.split("/");
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      errs.push(errInvalid("spec.signerName", signer, "must be a fully qualified domain and path of the form 'example.com/signer-name'"));
    } else errs.push(...msgs("spec.signerName", signer, nameIsDNSSubdomain(parts[0], false)));
  }
  if (typeof spec.expirationSeconds === "number" && spec.expirationSeconds < 600) {
    errs.push(errInvalid("spec.expirationSeconds", spec.expirationSeconds, "may not specify a duration less than 600 seconds (10 minutes)"));
  }
  return errs;
}

/** The spec is carried over from the old object by the strategy, so only metadata can differ. */
export function validateCSRUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateCSR(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
}
