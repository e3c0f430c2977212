// The PersistentVolume binder (upstream pkg/controller/volume/persistentvolume pv_controller.go,
// syncClaim/syncVolume) with kubeflare's built-in hostPath provisioner. Claims ("ns/name") and
// volumes ("name") share one queue: a key without a slash is a volume.
//
// A binding is four writes — volume claimRef, volume phase, claim volumeName, claim phase — in that
// order, so a claim never names a volume that does not point back at it. Each write carries the
// resourceVersion it was computed from, so a pass writes each object at most once; the write wakes
// the key again and the next pass continues from the fresh copy.
import type { KubeObject } from "../api/object";
import { eventAction, keyOf, splitKey, type Action, type Cache, type Controller } from "./types";
import {
  ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY, CLASSES, PROVISIONER, PVCS, PVS,
  claimRefOf, claimsOfPod, classOf, findBestMatch, isBoundToClaim, provisionedVolume, satisfies, selectedNode,
} from "./volume-match";

export const VOLUME_BINDER = "persistentvolume-binder";
const COMPONENT = "persistentvolume-controller";

type Type = "Normal" | "Warning";

const statusUpdate = (resource: string, obj: KubeObject, status: Record<string, unknown>): Action => ({
  verb: "update",
  resource,
  subresource: "status",
  object: { ...structuredClone(obj), status: { ...obj.status, ...status } },
});

/** The volume's phase, written only when it differs. */
const phase = (pv: KubeObject, p: string): Action[] => (pv.status?.phase === p ? [] : [statusUpdate(PVS, pv, { phase: p })]);

/** Binds (or finishes binding) a claim and a volume: the next missing write(s), upstream's order. */
function bind(pv: KubeObject, claim: KubeObject): Action[] {
  if (pv.spec?.claimRef?.uid !== claim.metadata.uid || !isBoundToClaim(pv, claim)) {
    const next = structuredClone(pv);
    // Only a volume the controller chose is marked: a pre-bound one (user or provisioner) is not.
    if (!isBoundToClaim(pv, claim)) next.metadata.annotations = { ...next.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: "yes" };
    next.spec.claimRef = claimRefOf(claim);
    return [{ verb: "update", resource: PVS, object: next }];
  }
  const actions = phase(pv, "Bound");
  const ann = claim.metadata.annotations ?? {};
  const chosen = claim.spec?.volumeName !== pv.metadata.name;
  if (chosen || ann[ANN_BIND_COMPLETED] !== "yes") {
    const next = structuredClone(claim);
    next.spec.volumeName = pv.metadata.name;
    next.metadata.annotations = { ...ann, [ANN_BIND_COMPLETED]: "yes", ...(chosen ? { [ANN_BOUND_BY_CONTROLLER]: "yes" } : {}) };
    return [...actions, { verb: "update", resource: PVCS, object: next }];
  }
  const want = { phase: "Bound", accessModes: pv.spec?.accessModes, capacity: pv.spec?.capacity };
  const have = { phase: claim.status?.phase, accessModes: claim.status?.accessModes, capacity: claim.status?.capacity };
  if (JSON.stringify(want) !== JSON.stringify(have)) actions.push(statusUpdate(PVCS, claim, want));
  return actions;
}

/** Pending claims: any of them may fit a volume that just became Available. */
const pendingClaims = (cache: Cache): string[] => cache.list(PVCS).filter((c) => !c.spec?.volumeName).map(keyOf);

export function volumeBindingController(): Controller {
  // Why each claim is stuck, as last reported: a stuck claim is re-synced on every wake-up, and one
  // event per reason is what upstream's event aggregation shows too.
  const said = new Map<string, string>();

  function pending(claim: KubeObject, type: Type, reason: string, message: string, now: Date): Action[] {
    const actions = claim.status?.phase === "Pending" ? [] : [statusUpdate(PVCS, claim, { phase: "Pending" })];
    const key = keyOf(claim);
    if (said.get(key) === `${reason}: ${message}`) return actions;
    said.set(key, `${reason}: ${message}`);
    return [...actions, eventAction(claim, type, reason, message, COMPONENT, now)];
  }

  function lost(claim: KubeObject, reason: string, message: string, now: Date): Action[] {
    if (claim.status?.phase === "Lost") return [];
    return [statusUpdate(PVCS, claim, { phase: "Lost" }), eventAction(claim, "Warning", reason, message, COMPONENT, now)];
  }

  /** syncBoundClaim: keep a completed binding whole, or report the claim's volume lost. */
  function syncBound(claim: KubeObject, cache: Cache, now: Date): Action[] {
    const name = claim.spec?.volumeName;
    if (!name) return lost(claim, "ClaimLost", "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!", now);
    const pv = cache.get(PVS, undefined, name);
    if (!pv) return lost(claim, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!", now);
    if (!pv.spec?.claimRef || isBoundToClaim(pv, claim)) return bind(pv, claim);
    return lost(claim, "ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly", now);
  }

  /** syncUnboundClaim: bind to the best volume, or provision one, or say why the claim waits. */
  function syncUnbound(claim: KubeObject, cache: Cache, now: Date): Action[] {
    const key = keyOf(claim);
    if (claim.spec?.volumeName) {
      // The user named the volume: bind to exactly it, once it exists and fits.
      const pv = cache.get(PVS, undefined, claim.spec.volumeName);
      if (!pv) return pending(claim, "Normal", "FailedBinding", `volume "${claim.spec.volumeName}" not found`, now);
      if (pv.spec?.claimRef && !isBoundToClaim(pv, claim))
        return pending(claim, "Warning", "FailedBinding", `volume "${pv.metadata.name}" already bound to a different claim.`, now);
      if (!satisfies(pv, claim))
        return pending(claim, "Warning", "FailedBinding", `Cannot bind to requested volume "${pv.metadata.name}": it does not satisfy the claim`, now);
      said.delete(key);
      return bind(pv, claim);
    }
    const className = classOf(claim);
    const sc = className ? cache.get(CLASSES, undefined, className) : undefined;
    const delay = sc?.volumeBindingMode === "WaitForFirstConsumer";
    const node = delay ? selectedNode(claim, cache) : undefined;
    const pv = findBestMatch(claim, cache.list(PVS), delay && !node);
    if (pv) {
      said.delete(key);
      return bind(pv, claim);
    }
    if (delay && !node) return pending(claim, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding", now);
    if (!className) return pending(claim, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set", now);
    if (!sc) return pending(claim, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${className}" not found`, now);
    if (sc.provisioner !== PROVISIONER) {
      const msg = `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
      return pending(claim, "Normal", "ExternalProvisioning", msg, now);
    }
    if (claim.spec?.selector) {
      const msg = `Failed to provision volume with StorageClass "${className}": claim.Spec.Selector is not supported for dynamic provisioning`;
      return pending(claim, "Warning", "ProvisioningFailed", msg, now);
    }
    const volume = provisionedVolume(claim, sc, node);
    // Ours already, but not bindable (being deleted, or the claim changed): never provision twice.
    if (claim.metadata.deletionTimestamp || cache.get(PVS, undefined, volume.metadata.name!)) return [];
    said.delete(key);
    return [
      { verb: "create", resource: PVS, object: volume },
      eventAction(claim, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${volume.metadata.name}`, COMPONENT, now),
    ];
  }

  /** syncVolume: Available when free, Bound when its claim agrees, reclaimed when its claim is gone. */
  function syncVolume(name: string, cache: Cache): Action[] {
    const pv = cache.get(PVS, undefined, name);
    if (!pv) return [];
    const ref = pv.spec?.claimRef;
    // No claim, or pre-bound by a user to a claim that may not exist yet: free for that claim.
    if (!ref?.uid) return phase(pv, "Available");
    const claim = cache.get(PVCS, ref.namespace, ref.name);
    const live = claim?.metadata.uid === ref.uid ? claim : undefined;
    const policy = pv.spec?.persistentVolumeReclaimPolicy ?? "Retain";
    const reclaim = (): Action[] => {
      if (pv.status?.phase !== "Released" && pv.status?.phase !== "Failed") return phase(pv, "Released");
      if (policy !== "Delete" || pv.metadata.deletionTimestamp) return []; // Retain: the data waits for an admin
      const preconditions = { uid: pv.metadata.uid, resourceVersion: pv.metadata.resourceVersion };
      return [{ verb: "delete", resource: PVS, name, preconditions }];
    };
    if (!live) return reclaim();
    if (!live.spec?.volumeName) return []; // binding in progress: the claim's sync finishes it
    if (live.spec.volumeName === name) return phase(pv, "Bound");
    // The claim went to another volume: ours is surplus; one we bound is freed for others.
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY] && policy === "Delete") return reclaim();
    if (!pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) return []; // the user's pre-binding stands
    const next = structuredClone(pv);
    delete next.spec.claimRef;
    delete next.metadata.annotations![ANN_BOUND_BY_CONTROLLER];
    return [{ verb: "update", resource: PVS, object: next }];
  }

  return {
    name: VOLUME_BINDER,
    watches: [
      {
        resource: PVCS,
        // The volumes pointing at a claim must hear that it went away (to be released).
        keys: (c, cache) => [
          keyOf(c),
          ...cache.list(PVS).filter((pv) => pv.spec?.claimRef?.name === c.metadata.name && pv.spec?.claimRef?.namespace === c.metadata.namespace).map(keyOf),
        ],
      },
      {
        resource: PVS,
        keys: (pv, cache) => {
          const ref = pv.spec?.claimRef;
          return [keyOf(pv), ...(ref?.name && ref.namespace ? [`${ref.namespace}/${ref.name}`] : pendingClaims(cache))];
        },
      },
      { resource: CLASSES, keys: (sc, cache) => pendingClaims(cache).filter((k) => classOf(cache.get(PVCS, splitKey(k).namespace, splitKey(k).name)!) === sc.metadata.name) },
      // A scheduled pod picks the node of its WaitForFirstConsumer claims.
      { resource: "pods", keys: (p) => (p.spec?.nodeName ? claimsOfPod(p).map((c) => `${p.metadata.namespace}/${c}`) : []) },
    ],
    reconcile(key, cache, now) {
      const { namespace, name } = splitKey(key);
      if (!namespace) return { actions: syncVolume(name, cache) };
      const claim = cache.get(PVCS, namespace, name);
      if (!claim) {
        said.delete(key);
        return { actions: [] };
      }
      const bound = claim.metadata.annotations?.[ANN_BIND_COMPLETED];
      return { actions: bound ? syncBound(claim, cache, now) : syncUnbound(claim, cache, now) };
    },
  };
}
