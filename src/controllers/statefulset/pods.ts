// A StatefulSet's members: stable names `<set>-<ordinal>`, hostname and subdomain, the identity
// labels, and one PersistentVolumeClaim per claim template (`<template>-<set>-<ordinal>`), with
// owner references following persistentVolumeClaimRetentionPolicy.
import type { KubeObject, OwnerReference } from "../../api/object";
import { canonicalJSON, isPodAvailable, isPodReady, newControllerRef, phase, type Obj } from "../job/shared";

export const POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
/** On StatefulSet pods the revision label holds the full ControllerRevision name. */
export const REVISION_LABEL = "controller-revision-hash";

export function ordinalOf(pod: KubeObject): { parent: string; ordinal: number } {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? "");
  return m ? { parent: m[1]!, ordinal: Number(m[2]) } : { parent: "", ordinal: -1 };
}

export const startOrdinal = (set: KubeObject): number => set.spec?.ordinals?.start ?? 0;
export const replicaCount = (set: KubeObject): number => set.spec?.replicas ?? 1;
export const podName = (set: KubeObject, ordinal: number) => `${set.metadata.name}-${ordinal}`;
export const revisionOf = (pod: KubeObject): string => pod.metadata.labels?.[REVISION_LABEL] ?? "";

export const isCreated = (pod: KubeObject) => phase(pod) !== "";
export const isTerminating = (pod: KubeObject) => !!pod.metadata.deletionTimestamp;
export const isRunningAndReady = (pod: KubeObject) => phase(pod) === "Running" && isPodReady(pod);
export const isHealthy = (pod: KubeObject) => isRunningAndReady(pod) && !isTerminating(pod);
export function isAvailable(pod: KubeObject, set: KubeObject, now: number): boolean {
  return isPodAvailable(pod, set.spec?.minReadySeconds ?? 0, now);
}

function claimTemplates(set: KubeObject): Obj[] {
  return set.spec?.volumeClaimTemplates ?? [];
}

export function claimName(set: KubeObject, template: Obj, ordinal: number): string {
  return `${template.metadata?.name}-${set.metadata.name}-${ordinal}`;
}

function policy(set: KubeObject): { whenDeleted: string; whenScaled: string } {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  return { whenDeleted: p.whenDeleted ?? "Retain", whenScaled: p.whenScaled ?? "Retain" };
}

/**
 * updateClaimOwnerRefForSetAndPod: Delete on set deletion → the set owns the claim; Delete on
 * scale-down → a condemned pod owns it (the garbage collector then removes it with the pod).
 */
export function claimOwners(set: KubeObject, pod: KubeObject | undefined, scaledDown: boolean, current: OwnerReference[] = []): OwnerReference[] {
  const refs = current.filter(
    (r) => !(r.kind === "StatefulSet" && r.name === set.metadata.name) && !(r.kind === "Pod" && pod && r.name === pod.metadata.name),
  );
  const p = policy(set);
  if (p.whenDeleted === "Delete" && !scaledDown) refs.push(newControllerRef(set, "apps/v1", "StatefulSet"));
  if (p.whenScaled === "Delete" && scaledDown && pod?.metadata.uid) refs.push(newControllerRef(pod, "v1", "Pod"));
  return refs;
}

/** getPersistentVolumeClaims: the claims a member needs, labelled with the set's selector. */
export function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  return claimTemplates(set).map((t) => {
    const { status: _, ...template } = structuredClone(t);
    const owners = claimOwners(set, undefined, false);
    return {
      ...template,
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: {
        ...template.metadata,
        name: claimName(set, t, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) },
        ...(owners.length ? { ownerReferences: owners } : {}),
      },
    };
  });
}

/** A claim whose owners disagree with the retention policy, as the merge patch that fixes it. */
export function claimOwnerPatch(set: KubeObject, pod: KubeObject, claim: KubeObject, scaledDown: boolean): unknown | undefined {
  const current = claim.metadata.ownerReferences ?? [];
  const wanted = claimOwners(set, pod, scaledDown, current);
  if (canonicalJSON(current) === canonicalJSON(wanted)) return undefined;
  return { metadata: { ownerReferences: wanted, resourceVersion: claim.metadata.resourceVersion } };
}

/** newStatefulSetPod from a template (the current or the update revision's): identity and storage. */
export function newMember(set: KubeObject, template: Obj, ordinal: number, revision: string): KubeObject {
  const meta: Obj = structuredClone(template.metadata ?? {});
  const spec: Obj = structuredClone(template.spec ?? {});
  const name = podName(set, ordinal);
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const claims = new Map(claimTemplates(set).map((t) => [t.metadata?.name as string, claimName(set, t, ordinal)]));
  spec.volumes = [
    ...[...claims].map(([volume, claimName]) => ({ name: volume, persistentVolumeClaim: { claimName } })),
    ...(spec.volumes ?? []).filter((v: Obj) => !claims.has(v.name)),
  ];
  if (spec.volumes.length === 0) delete spec.volumes;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      generateName: `${set.metadata.name}-`,
      namespace: set.metadata.namespace,
      labels: { ...(meta.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision },
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
      ...(meta.finalizers ? { finalizers: meta.finalizers } : {}),
      ownerReferences: [newControllerRef(set, "apps/v1", "StatefulSet")],
    },
    spec,
  };
}

/** identityMatches, for the labels that can still be fixed on a live pod. */
export function identityPatch(pod: KubeObject): unknown | undefined {
  const { ordinal } = ordinalOf(pod);
  const labels = pod.metadata.labels ?? {};
  const want = { [POD_NAME_LABEL]: pod.metadata.name!, [POD_INDEX_LABEL]: String(ordinal) };
  if (Object.entries(want).every(([k, v]) => labels[k] === v)) return undefined;
  return { metadata: { labels: want } };
}
