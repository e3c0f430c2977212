// The LimitRanger admission plugin (plugin/pkg/admission/limitranger): its mutating half fills in
// container requests/limits from a namespace's LimitRange defaults; its validating half enforces
// min, max and maxLimitRequestRatio on containers, pods and PersistentVolumeClaims.
import type { StatusError } from "../errors";
import type { KubeObject } from "../object";
import { formatQuantity, type Quantity } from "../validation/quantity";
import { admissionForbidden, aggregateMessage } from "./errors";
import { podResources, toResourceMap, type ResourceMap } from "./resources";

type Obj = Record<string, any>;
const ANNOTATION = "kubernetes.io/limit-ranger";

/**
 * Which writes LimitRanger looks at: pods on create (containers are immutable afterwards, so an
 * update could never be changed anyway) and PersistentVolumeClaims on create and update; never a
 * subresource. The lead also skips writes whose stored object is already being deleted.
 */
export function limitRangerHandles(operation: string, resource: string, subresource?: string): boolean {
  if (subresource) return false;
  if (resource === "pods") return operation === "CREATE";
  return resource === "persistentvolumeclaims" && (operation === "CREATE" || operation === "UPDATE");
}

const items = (lr: KubeObject): Obj[] => (Array.isArray(lr.spec?.limits) ? lr.spec.limits : []);

/**
 * A Container item's defaults, completed as the API's LimitRange defaulting does (limit from max,
 * request from the default limit, then from min), so an object stored without defaulting still works.
 */
function containerDefaults(lr: KubeObject): { limits: Obj; requests: Obj } {
  const limits: Obj = {};
  const requests: Obj = {};
  for (const item of items(lr)) {
    if (item.type !== "Container") continue;
    const dflt: Obj = { ...(item.max ?? {}), ...(item.default ?? {}) };
    Object.assign(limits, dflt);
    Object.assign(requests, { ...(item.min ?? {}), ...dflt, ...(item.defaultRequest ?? {}) });
  }
  return { limits, requests };
}

const pick = (o: Obj, keys: string[]): Obj => Object.fromEntries(keys.map((k) => [k, o[k]]));

/** Fills missing requests/limits in place, one container at a time, and records what it set. */
function mergeDefaults(pod: KubeObject, d: { limits: Obj; requests: Obj }): void {
  const notes: string[] = [];
  const visit = (c: Obj, prefix: string) => {
    const have = (kind: string): Obj => c.resources?.[kind] ?? {};
    const setLimits = Object.keys(d.limits).filter((k) => !(k in have("limits")));
    const setRequests = Object.keys(d.requests).filter((k) => !(k in have("requests")));
    // Only touch containers that gain something, so an unaffected pod is stored byte-for-byte.
    if (setLimits.length) c.resources = { ...c.resources, limits: { ...have("limits"), ...pick(d.limits, setLimits) } };
    if (setRequests.length) c.resources = { ...c.resources, requests: { ...have("requests"), ...pick(d.requests, setRequests) } };
    if (setRequests.length) notes.push(`${setRequests.sort().join(", ")} request for ${prefix} ${c.name}`);
    if (setLimits.length) notes.push(`${setLimits.sort().join(", ")} limit for ${prefix} ${c.name}`);
  };
  for (const c of pod.spec?.containers ?? []) visit(c, "container");
  for (const c of pod.spec?.initContainers ?? []) visit(c, "init container");
  if (notes.length) (pod.metadata.annotations ??= {})[ANNOTATION] = `LimitRanger plugin set: ${notes.join("; ")}`;
}

/** Mutating half: applies each LimitRange's container defaults to a pod, in place. */
export function applyLimitRangeDefaults(pod: KubeObject, limitRanges: KubeObject[]): void {
  pod.spec ??= {};
  for (const lr of limitRanges) mergeDefaults(pod, containerDefaults(lr));
}

const str = (q: Quantity): string => formatQuantity(q);
/** MilliValue(): thousandths, rounded up, as upstream compares at milli precision. */
function milli(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  const scaled = q.num * 1000n;
  return scaled / q.den + (scaled % q.den > 0n ? 1n : 0n);
}

type Check = (type: string, name: string, enforced: Quantity, req: ResourceMap, lim: ResourceMap) => string | undefined;

const minCheck: Check = (type, name, enforced, req, lim) => {
  const r = req.get(name);
  const l = lim.get(name);
  if (!r) return `minimum ${name} usage per ${type} is ${str(enforced)}.  No request is specified`;
  if (milli(r) < milli(enforced)) return `minimum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(r)}`;
  if (l && milli(l) < milli(enforced)) return `minimum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(l)}`;
  return undefined;
};

const maxCheck: Check = (type, name, enforced, req, lim) => {
  const r = req.get(name);
  const l = lim.get(name);
  if (!l) return `maximum ${name} usage per ${type} is ${str(enforced)}.  No limit is specified`;
  if (milli(l) > milli(enforced)) return `maximum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(l)}`;
  if (r && milli(r) > milli(enforced)) return `maximum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(r)}`;
  return undefined;
};

/** PVCs have no limits: max applies to the request. */
const maxRequestCheck: Check = (type, name, enforced, req) => {
  const r = req.get(name);
  if (!r) return `maximum ${name} usage per ${type} is ${str(enforced)}.  No request is specified`;
  if (milli(r) > milli(enforced)) return `maximum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(r)}`;
  return undefined;
};

const ratioCheck: Check = (type, name, enforced, req, lim) => {
  const r = milli(req.get(name));
  const l = milli(lim.get(name));
  const head = `${name} max limit to request ratio per ${type} is ${str(enforced)}`;
  if (!req.has(name) || r === 0n) return `${head}, but no request is specified or request is 0`;
  if (!lim.has(name) || l === 0n) return `${head}, but no limit is specified or limit is 0`;
  const ratio = Number(l) / Number(r);
  if (ratio * 1000 > Number(milli(enforced))) return `${head}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
};

/** Runs checks for every constraint of an item, keys sorted (Go's map order is random; ours is stable). */
function run(item: Obj, type: string, req: ResourceMap, lim: ResourceMap, max: Check): string[] {
  const out: string[] = [];
  const each = (list: unknown, check: Check) => {
    const m = toResourceMap(list);
    for (const k of [...m.keys()].sort()) {
      const e = check(type, k, m.get(k)!, req, lim);
      if (e) out.push(e);
    }
  };
  each(item.min, minCheck);
  each(item.max, max);
  if (max !== maxRequestCheck) each(item.maxLimitRequestRatio, ratioCheck);
  return out;
}

function podViolations(lr: KubeObject, pod: KubeObject): string[] {
  const errs: string[] = [];
  const containers: Obj[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const item of items(lr)) {
    if (item.type === "Container") {
      for (const c of containers) {
        errs.push(...run(item, "Container", toResourceMap(c?.resources?.requests), toResourceMap(c?.resources?.limits), maxCheck));
      }
    }
    if (item.type === "Pod") {
      errs.push(...run(item, "Pod", podResources(pod.spec, "requests", false), podResources(pod.spec, "limits", false), maxCheck));
    }
  }
  return errs;
}

function pvcViolations(lr: KubeObject, pvc: KubeObject): string[] {
  const req = toResourceMap(pvc.spec?.resources?.requests);
  return items(lr)
    .filter((i) => i.type === "PersistentVolumeClaim")
    .flatMap((i) => run(i, "PersistentVolumeClaim", req, new Map(), maxRequestCheck));
}

/**
 * Validating half: the first LimitRange the object violates yields a 403 listing that range's
 * violations, e.g. `pods "x" is forbidden: maximum cpu usage per Container is 1, but limit is 2`
 * (several violations are bracketed, as upstream's aggregate error prints them).
 */
export function validateLimitRanges(
  resource: string,
  obj: KubeObject,
  limitRanges: KubeObject[],
  name: string | undefined = obj.metadata.name,
): StatusError | undefined {
  for (const lr of limitRanges) {
    const errs = resource === "pods" ? podViolations(lr, obj) : resource === "persistentvolumeclaims" ? pvcViolations(lr, obj) : [];
    if (errs.length) return admissionForbidden(resource, name, aggregateMessage(errs));
  }
  return undefined;
}
