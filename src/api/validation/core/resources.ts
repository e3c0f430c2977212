// Resource names and quantities (core validation + core/helper): container requests/limits, quota
// and limit-range resource names, and the request <= limit rule.
import type { FieldError } from "../../errors";
import { child, errForbidden, errInvalid, errRequired, isNegativeMsg, isObj, key, msgs } from "../field";
import { isQualifiedName } from "../names";
import { cmpQuantity, formatQuantity, isInteger, parseQuantity, type Quantity } from "../quantity";

export const isNativeResource = (n: string): boolean => !n.includes("/") || n.includes("kubernetes.io/");
export const isHugePageResource = (n: string): boolean => n.startsWith("hugepages-");
const isQuotaHugePage = (n: string): boolean => isHugePageResource(n) || n.startsWith("requests.hugepages-");

export function isExtendedResource(n: string): boolean {
  if (isNativeResource(n) || n.startsWith("requests.")) return false;
  return isQualifiedName(`requests.${n}`).length === 0;
}

/** Native, non-hugepage resources may have requests below limits; the rest must match. */
export const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePageResource(n);

const integerResources = new Set([
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);
const computeResources = ["cpu", "memory", "ephemeral-storage"];
const standardQuota = new Set([
  ...computeResources,
  ...computeResources.map((r) => `requests.${r}`),
  ...computeResources.map((r) => `limits.${r}`),
  "requests.storage",
  ...integerResources,
]);
const standardResources = new Set([...standardQuota, "storage"]);

const isIntegerResource = (n: string): boolean => integerResources.has(n) || isExtendedResource(n);

export function validateResourceName(name: string, field: string): FieldError[] {
  const errs = msgs(field, name, isQualifiedName(name));
  if (errs.length) return errs;
  if (!name.includes("/") && !(standardResources.has(name) || isQuotaHugePage(name))) {
    errs.push(errInvalid(field, name, "must be a standard resource type or fully qualified"));
  }
  return errs;
}

export function validateContainerResourceName(name: string, field: string): FieldError[] {
  const errs = validateResourceName(name, field);
  if (!name.includes("/")) {
    if (!computeResources.includes(name) && !isHugePageResource(name)) {
      errs.push(errInvalid(field, name, "must be a standard resource for containers"));
    }
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(errInvalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

export function validateQuotaResourceName(name: string, field: string): FieldError[] {
  const errs = validateResourceName(name, field);
  if (!name.includes("/") && !(standardQuota.has(name) || isQuotaHugePage(name))) {
    errs.push(errInvalid(field, name, "must be a standard resource for quota"));
  }
  return errs;
}

/** Parse a quantity value, reporting upstream's decode error at the field when malformed. */
export function quantityAt(value: unknown, field: string, errs: FieldError[]): Quantity | undefined {
  const q = parseQuantity(value);
  if (typeof q === "string") {
    errs.push(errInvalid(field, value, q));
    return undefined;
  }
  return q;
}

/** ValidateResourceQuantityValue: non-negative, and whole for countable resources. */
export function validateQuantityValue(resource: string, q: Quantity, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.num < 0n) errs.push(errInvalid(field, formatQuantity(q), isNegativeMsg));
  if (isIntegerResource(resource) && !isInteger(q)) errs.push(errInvalid(field, formatQuantity(q), "must be an integer"));
  return errs;
}

export function validateResourceRequirements(res: unknown, field: string): FieldError[] {
  const r = isObj(res) ? res : {};
  const limPath = child(field, "limits");
  const reqPath = child(field, "requests");
  const errs: FieldError[] = [];
  const limits = new Map<string, Quantity>();
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, value] of Object.entries(isObj(r.limits) ? r.limits : {})) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityAt(value, p, errs);
    if (!q) continue;
    limits.set(name, q);
    errs.push(...validateQuantityValue(name, q, p));
    if (isHugePageResource(name)) hugePages = true;
    if (name === "cpu" || name === "memory") cpuOrMemory = true;
  }
  for (const [name, value] of Object.entries(isObj(r.requests) ? r.requests : {})) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityAt(value, p, errs);
    if (!q) continue;
    errs.push(...validateQuantityValue(name, q, p));
    const limit = limits.get(name);
    if (limit) {
      const c = cmpQuantity(q, limit);
      if (c !== 0 && !isOvercommitAllowed(name)) {
        errs.push(errInvalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(limit)}`));
      } else if (c > 0) {
        errs.push(errInvalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(errRequired(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePageResource(name)) hugePages = true;
    if (name === "cpu" || name === "memory") cpuOrMemory = true;
  }
  if (hugePages && !cpuOrMemory) errs.push(errForbidden(field, "HugePages require cpu or memory"));
  return errs;
}
