// What kube-controller-manager's controller_utils.go and ControllerRefManager give the workload
// controllers: controller references, adoption and release of dependents, ordering of replica sets.
// The Deployment and the ReplicaSet/ReplicationController reconcilers both build on it.

import type { KubeObject, OwnerReference } from "../../api/object";
import { LabelSelector, selectorFromLabelSelector } from "../../api/selectors/labels";
import type { Action, Resource } from "../types";

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** metav1.NewControllerRef: blockOwnerDeletion makes foreground deletion wait for the dependent. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion!,
    kind: owner.kind!,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * A structured selector, or undefined when absent or invalid: upstream then does nothing at all —
 * in particular it must not release every dependent because nothing matches.
 */
export function parseSelector(spec: unknown): LabelSelector | undefined {
  if (spec === undefined || spec === null) return undefined;
  try {
    return selectorFromLabelSelector(spec as Parameters<typeof selectorFromLabelSelector>[0]);
  } catch {
    return undefined;
  }
}

/** For matching only (which owner wants this object?): a bad selector matches nothing. */
export function safeSelector(spec: unknown): LabelSelector {
  return parseSelector(spec) ?? LabelSelector.nothing();
}

export interface Claim {
  /** Dependents this owner now controls, the adopted ones as they will read after the patch. */
  claimed: KubeObject[];
  actions: Action[];
}

/**
 * ClaimObject for each candidate: keep what we control and still select, release what we control
 * but no longer select, adopt matching orphans. An owner being deleted neither adopts nor releases.
 * Patches carry the dependent's uid, which the API treats as a precondition.
 */
export function claim(owner: KubeObject, selector: LabelSelector, candidates: KubeObject[], resource: Resource): Claim {
  const out: Claim = { claimed: [], actions: [] };
  const deleting = !!owner.metadata.deletionTimestamp;
  for (const obj of candidates) {
    if (obj.metadata.namespace !== owner.metadata.namespace) continue;
    const ref = controllerOf(obj);
    const matches = selector.matches(obj.metadata.labels);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches) out.claimed.push(obj);
      else if (!deleting) out.actions.push(ownerPatch(obj, resource, [{ $patch: "delete", uid: owner.metadata.uid }]));
      continue;
    }
    if (deleting || !matches || obj.metadata.deletionTimestamp) continue;
    const ownerRef = controllerRef(owner);
    out.actions.push(ownerPatch(obj, resource, [ownerRef]));
    const adopted = structuredClone(obj);
    adopted.metadata.ownerReferences = [...(obj.metadata.ownerReferences ?? []), ownerRef];
    out.claimed.push(adopted);
  }
  return out;
}

function ownerPatch(obj: KubeObject, resource: Resource, refs: unknown[]): Action {
  return {
    verb: "patch",
    resource,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name!,
    patchType: "strategic",
    patch: { metadata: { ownerReferences: refs, uid: obj.metadata.uid } },
  };
}

/** The owner a dependent's controller reference names, if it is still that object. */
export function resolveController(
  obj: KubeObject,
  kind: string,
  get: (ns: string | undefined, name: string) => KubeObject | undefined,
): KubeObject | undefined {
  const ref = controllerOf(obj);
  if (!ref || ref.kind !== kind) return undefined;
  const owner = get(obj.metadata.namespace, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. A missing time is the zero time. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? "";
  const nb = b.metadata.name ?? "";
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** spec.replicas as the API defaults it. */
export function specReplicas(obj: KubeObject | undefined): number {
  const r = obj?.spec?.replicas;
  return typeof r === "number" ? r : 1;
}

export function statusCount(obj: KubeObject | undefined, field: "replicas" | "readyReplicas" | "availableReplicas"): number {
  const v = obj?.status?.[field];
  return typeof v === "number" ? v : 0;
}

/** FilterActiveReplicaSets: those that want pods. */
export function activeReplicaSets(list: (KubeObject | undefined)[]): KubeObject[] {
  return list.filter((rs): rs is KubeObject => !!rs && specReplicas(rs) > 0);
}

/** JSON with sorted keys, where absent, null, empty maps and empty lists all read the same (Go's Semantic.DeepEqual). */
export function semanticJSON(value: unknown): string {
  return JSON.stringify(prune(value) ?? null);
}

function prune(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => prune(v) ?? null);
    return items.length ? items : undefined;
  }
  if (typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => [k, prune((value as Record<string, unknown>)[k])] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}
