// The ResourceQuota admission plugin's decision (plugin/pkg/admission/resourcequota): refuse a write
// that would take a namespace over a hard limit, and otherwise say what each quota's status.used
// becomes. Upstream charges the quota in admission, before the object is stored, so concurrent
// creates cannot all slip under the same limit; the controller later recounts and gives back
// whatever was charged for writes that then failed.
import type { StatusError } from "../errors";
import type { KubeObject } from "../object";
import { admissionForbidden } from "./errors";
import { computeUsage, evaluatorFor, matchesScopes, type QuotaOperation } from "./quota-usage";
import {
  addMaps,
  fromResourceMap,
  mask,
  prettyPrint,
  sameResources,
  subtractNonNegative,
  toResourceMap,
  type ResourceMap,
} from "./resources";
import { cmpQuantity } from "../validation/quantity";

export interface QuotaRequest {
  operation: QuotaOperation;
  /** Registry-qualified resource: "pods", "services", "deployments.apps". */
  resource: string;
  subresource?: string;
  /** The object's name (empty before generateName is resolved). */
  name?: string;
  object: KubeObject;
  /** The stored object, for UPDATE: only the increase is charged. */
  oldObject?: KubeObject;
}

export interface QuotaResult {
  /** 403 Forbidden with upstream's message, when the write must be refused. */
  error?: StatusError;
  /** Quotas whose status.used changed: persist each with an update of resourcequotas/status. */
  updates: KubeObject[];
}

/** Quotas on cpu or memory make every container state its own; a mistake upstream keeps for compatibility. */
const mustSpecify = new Set(["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]);

/** podEvaluator.Constraints: "must specify limits.cpu for: app; requests.cpu for: app,sidecar". */
export function podConstraints(restricted: string[], pod: KubeObject): string | undefined {
  const required = restricted.filter((r) => mustSpecify.has(r));
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const have = computeUsage(toResourceMap(c?.resources?.requests), toResourceMap(c?.resources?.limits));
    for (const r of required) if (!have.has(r)) (missing.get(r) ?? missing.set(r, new Set()).get(r)!).add(String(c?.name ?? ""));
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}

/**
 * Checks one write against the namespace's quotas (all ResourceQuotas of the object's namespace).
 * An empty result (no error, no updates) means quota has nothing to say about this write.
 */
export function checkQuota(req: QuotaRequest, quotas: KubeObject[], now: Date = new Date()): QuotaResult {
  const none: QuotaResult = { updates: [] };
  // Pods are charged only on their main resource; other subresources never change usage.
  if (req.subresource || req.operation === "DELETE") return none;
  const ev = evaluatorFor(req.resource);
  if (!ev.handles(req.operation, req.object, req.oldObject)) return none;
  const name = req.name ?? req.object.metadata.name;
  const forbid = (why: string): QuotaResult => ({ error: admissionForbidden(req.resource, name, why), updates: [] });

  const relevant: KubeObject[] = [];
  for (const q of quotas) {
    const hard = toResourceMap(q.status?.hard);
    const restricted = [...hard.keys()].filter((n) => ev.matches(n));
    // A quota the controller has not yet filled in has no status.hard, and so no say yet.
    if (restricted.length === 0 || !matchesScopes(ev, q, req.object)) continue;
    if (req.resource === "pods") {
      const why = podConstraints(restricted, req.object);
      if (why) return forbid(`failed quota: ${q.metadata.name}: ${why}`);
    }
    const used = q.status?.used ?? {};
    if (restricted.some((r) => !(r in used))) {
      return forbid(`status unknown for quota: ${q.metadata.name}, resources: ${[...restricted].sort().join(",")}`);
    }
    relevant.push(q);
  }

  let delta = ev.usage(req.object, now);
  const negative = [...delta].filter(([, v]) => v.num < 0n).map(([k]) => k);
  if (negative.length) return forbid(`quota usage is negative for resource(s): ${negative.sort().join(",")}`);
  // An update with a stored predecessor pays only for what it adds; without one it is a create.
  if (req.operation === "UPDATE" && req.oldObject?.metadata.resourceVersion) {
    delta = subtractNonNegative(delta, ev.usage(req.oldObject, now));
  }
  if ([...delta.values()].every((v) => v.num === 0n) || relevant.length === 0) return none;

  const updates: KubeObject[] = [];
  for (const q of relevant) {
    const hard = toResourceMap(q.status.hard);
    const used = toResourceMap(q.status.used);
    const requested = mask(delta, hard.keys());
    const next = addMaps(used, requested);
    const exceeded = [...requested.keys()].filter((k) => cmpQuantity(next.get(k)!, hard.get(k)!) > 0);
    if (exceeded.length) {
      return forbid(
        `exceeded quota: ${q.metadata.name}, requested: ${prettyPrint(mask(requested, exceeded))}, ` +
          `used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`,
      );
    }
    if (!sameResources(next, used)) updates.push(charged(q, next));
  }
  return { updates };
}

function charged(q: KubeObject, used: ResourceMap): KubeObject {
  const copy = structuredClone(q);
  copy.status = { ...copy.status, used: fromResourceMap(used) };
  return copy;
}
