// What the PersistentVolume binder decides from cache objects alone: which volume a claim may bind
// to (upstream pkg/controller/volume/persistentvolume index.go FindMatchingVolume), the references
// binding writes, and the volume the built-in hostPath provisioner creates.
import type { KubeObject } from "../api/object";
import { cmpQuantity, parseQuantity, zeroQuantity, type Quantity } from "../api/validation/quantity";
import { compileSelector } from "../api/validation/selector";
import type { Cache } from "./types";

export const PVS = "persistentvolumes";
export const PVCS = "persistentvolumeclaims";
export const CLASSES = "storageclasses.storage.k8s.io";
export const PROVISIONER = "kubeflare.io/hostpath";
export const HOSTPATH_ROOT = "/var/lib/kubeflare/volumes";
export const ANN_BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
export const ANN_BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
export const ANN_PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
export const ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
// Claims and volumes written before storageClassName existed still carry the class this way.
const ANN_BETA_CLASS = "volume.beta.kubernetes.io/storage-class";

export const classOf = (o: KubeObject): string => o.metadata.annotations?.[ANN_BETA_CLASS] ?? o.spec?.storageClassName ?? "";
const modeOf = (o: KubeObject): string => o.spec?.volumeMode ?? "Filesystem";

function quantity(v: unknown): Quantity | undefined {
  const q = parseQuantity(v);
  return typeof q === "string" ? undefined : q;
}

/** IsVolumeBoundToClaim: a claimRef without a uid (pre-bound by a user) matches any claim of that name. */
export function isBoundToClaim(pv: KubeObject, claim: KubeObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** checkVolumeSatisfyClaim, for a claim that names its volume: size, class and volume mode must fit. */
export function satisfies(pv: KubeObject, claim: KubeObject): boolean {
  const size = quantity(pv.spec?.capacity?.storage);
  const requested = quantity(claim.spec?.resources?.requests?.storage) ?? zeroQuantity;
  return !!size && cmpQuantity(size, requested) >= 0 && classOf(pv) === classOf(claim) && modeOf(pv) === modeOf(claim);
}

/** An ObjectReference to the claim, as reference.GetReference builds it. */
export function claimRefOf(claim: KubeObject): Record<string, string | undefined> {
  const { namespace, name, uid, resourceVersion } = claim.metadata;
  return { kind: "PersistentVolumeClaim", namespace, name, uid, apiVersion: "v1", resourceVersion };
}

/**
 * The volume a claim should bind to: one already pre-bound to it if big enough, otherwise the
 * smallest Available one that fits class, size, modes, selector and volume mode. With delayed
 * binding and no node chosen yet, only pre-bound volumes count.
 */
export function findBestMatch(claim: KubeObject, volumes: KubeObject[], delayBinding: boolean): KubeObject | undefined {
  const requested = quantity(claim.spec?.resources?.requests?.storage) ?? zeroQuantity;
  const modes: string[] = claim.spec?.accessModes ?? [];
  const selector = claim.spec?.selector ? compileSelector(claim.spec.selector) : undefined;
  if (claim.spec?.selector && !selector) return undefined; // an invalid selector matches nothing
  let best: KubeObject | undefined;
  let bestSize: Quantity | undefined;
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp) continue;
    if (pv.spec?.claimRef && !isBoundToClaim(pv, claim)) continue;
    const size = quantity(pv.spec?.capacity?.storage);
    if (!size || cmpQuantity(size, requested) < 0) continue;
    if (modeOf(pv) !== modeOf(claim)) continue;
    const offered: string[] = pv.spec?.accessModes ?? [];
    if (!modes.every((m) => offered.includes(m))) continue;
    // Pre-bound (by a user, or by our provisioner): class, selector and phase no longer matter.
    if (pv.spec?.claimRef) return pv;
    if (delayBinding || pv.status?.phase !== "Available") continue;
    if (selector && !selector.matches(pv.metadata.labels)) continue;
    if (classOf(pv) !== classOf(claim)) continue;
    const cmp = bestSize ? cmpQuantity(size, bestSize) : -1;
    // Equal sizes: the name decides, so the choice does not depend on cache order.
    if (cmp < 0 || (cmp === 0 && pv.metadata.name! < best!.metadata.name!)) [best, bestSize] = [pv, size];
  }
  return best;
}

/**
 * The node a WaitForFirstConsumer claim's volume must live on: the scheduler's annotation if
 * present, else the node of a scheduled pod using the claim (kubeflare's scheduler does not
 * annotate claims, and a hostPath volume is only reachable on the node that holds it).
 */
export function selectedNode(claim: KubeObject, cache: Cache): string | undefined {
  const annotated = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  if (annotated) return annotated;
  const user = cache
    .list("pods", claim.metadata.namespace)
    .find((p) => p.spec?.nodeName && !p.metadata.deletionTimestamp && claimsOfPod(p).includes(claim.metadata.name!));
  return user?.spec.nodeName;
}

export function claimsOfPod(pod: KubeObject): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v: any) => (v?.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []));
}

/** The hostPath volume provisioned for a claim, pre-bound to it so the next pass binds exactly it. */
export function provisionedVolume(claim: KubeObject, sc: KubeObject, node: string | undefined): KubeObject {
  const name = `pvc-${claim.metadata.uid}`;
  const pv: KubeObject = {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, annotations: { [ANN_PROVISIONED_BY]: PROVISIONER } },
    spec: {
      capacity: { storage: claim.spec?.resources?.requests?.storage },
      accessModes: [...(claim.spec?.accessModes ?? [])],
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? "Delete",
      storageClassName: sc.metadata.name,
      volumeMode: modeOf(claim),
      claimRef: claimRefOf(claim),
      hostPath: { path: `${HOSTPATH_ROOT}/${name}`, type: "DirectoryOrCreate" },
      ...(sc.mountOptions ? { mountOptions: [...sc.mountOptions] } : {}),
    },
  };
  // The directory exists only on that node: pods using the claim must follow it there.
  if (node) {
    pv.spec.nodeAffinity = {
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [node] }] }] },
    };
  }
  return pv;
}
