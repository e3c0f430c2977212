// updateStatefulSet (upstream stateful_set_control.go): members in ordinal order, each created only
// when its predecessors are Running and Ready (OrderedReady) or all at once (Parallel); condemned
// members removed highest ordinal first; then RollingUpdate replaces the highest out-of-date
// member at or above the partition, one at a time, waiting for each to be healthy again.
import type { KubeObject } from "../../api/object";
import { revisionTemplate } from "../daemonset/history";
import { phase, type Obj } from "../job/shared";
import { eventAction, type Action, type Cache } from "../types";
import {
  claimOwnerPatch, claimsFor, identityPatch, isAvailable, isCreated, isHealthy, isRunningAndReady, isTerminating, newMember, ordinalOf,
  replicaCount, revisionOf, startOrdinal,
} from "./pods";
import type { Revisions } from "./revisions";

const COMPONENT = "statefulset-controller";
const PVCS = "persistentvolumeclaims";

export interface Counts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

export function countMembers(pods: KubeObject[], set: KubeObject, r: Revisions, now: number): Counts {
  const c: Counts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const pod of pods) {
    if (isCreated(pod)) c.replicas++;
    if (isRunningAndReady(pod)) {
      c.readyReplicas++;
      if (isAvailable(pod, set, now)) c.availableReplicas++;
    }
    if (!isCreated(pod) || isTerminating(pod)) continue;
    if (revisionOf(pod) === r.current.metadata.name) c.currentReplicas++;
    if (revisionOf(pod) === r.update.metadata.name) c.updatedReplicas++;
  }
  return c;
}

export function updateStatefulSet(set: KubeObject, pods: KubeObject[], r: Revisions, cache: Cache, now: Date): { actions: Action[]; counts: Counts } {
  const t = now.getTime();
  const start = startOrdinal(set);
  const count = replicaCount(set);
  const strategy: Obj = set.spec?.updateStrategy ?? {};
  const rolling: Obj | undefined = strategy.rollingUpdate ?? undefined;
  const replicas: KubeObject[] = new Array(count);
  const condemned: KubeObject[] = [];
  for (const pod of pods) {
    const { ordinal } = ordinalOf(pod);
    if (ordinal >= start && ordinal < start + count) replicas[ordinal - start] = pod;
    else if (ordinal >= 0) condemned.push(pod);
  }
  for (let i = 0; i < count; i++) {
    if (replicas[i]) continue;
    const ord = start + i;
    // newVersionedStatefulSetPod: below the partition a member is (re)made at the current revision.
    const atCurrent =
      (strategy.type === "RollingUpdate" && !rolling && ord < start + (set.status?.currentReplicas ?? 0)) ||
      (!!rolling && ord < start + (rolling.partition ?? 0));
    const rev = atCurrent ? r.current : r.update;
    replicas[i] = newMember(set, revisionTemplate(rev), ord, rev.metadata.name!);
  }
  condemned.sort((a, b) => ordinalOf(b).ordinal - ordinalOf(a).ordinal);
  const firstUnhealthy = [...replicas, ...[...condemned].reverse()].find((p) => !isHealthy(p));
  const monotonic = set.spec?.podManagementPolicy !== "Parallel";
  const actions: Action[] = [];
  let currentAdjust = 0;
  const done = () => ({ actions, counts: adjust(countMembers([...replicas, ...condemned], set, r, t), currentAdjust) });
  if (set.metadata.deletionTimestamp) return done();

  const setName = set.metadata.name;
  const event = (reason: string, message: string) => actions.push(eventAction(set, "Normal", reason, message, COMPONENT, now));
  const remove = (pod: KubeObject) => {
    actions.push({ verb: "delete", resource: "pods", namespace: pod.metadata.namespace, name: pod.metadata.name!, preconditions: { uid: pod.metadata.uid } });
    event("SuccessfulDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
  };
  const patch = (resource: string, obj: KubeObject, body: unknown) =>
    actions.push({ verb: "patch", resource, namespace: obj.metadata.namespace, name: obj.metadata.name!, patchType: "merge", patch: body });
  /** Creates missing claims; false while one of them is still being deleted. */
  const ensureClaims = (pod: KubeObject): boolean => {
    for (const claim of claimsFor(set, ordinalOf(pod).ordinal)) {
      const existing = cache.get(PVCS, claim.metadata.namespace, claim.metadata.name!);
      if (existing?.metadata.deletionTimestamp) return false;
      if (existing) continue;
      actions.push({ verb: "create", resource: PVCS, namespace: claim.metadata.namespace, object: claim });
      event("SuccessfulCreate", `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${setName} success`);
    }
    return true;
  };
  const fixClaimOwners = (pod: KubeObject, scaledDown: boolean) => {
    for (const claim of claimsFor(set, ordinalOf(pod).ordinal)) {
      const existing = cache.get(PVCS, claim.metadata.namespace, claim.metadata.name!);
      const body = existing && claimOwnerPatch(set, pod, existing, scaledDown);
      if (body) patch(PVCS, existing, body);
    }
  };

  /** processReplica: true means stop here (in OrderedReady mode). */
  const processReplica = (pod: KubeObject): boolean => {
    if (phase(pod) === "Failed" || phase(pod) === "Succeeded") {
      if (!isTerminating(pod)) remove(pod); // the replacement comes once it is gone
      return true;
    }
    if (!isCreated(pod)) {
      if (!ensureClaims(pod)) return true;
      actions.push({ verb: "create", resource: "pods", namespace: pod.metadata.namespace, object: pod });
      event("SuccessfulCreate", `create Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
      return monotonic;
    }
    if (phase(pod) === "Pending") ensureClaims(pod);
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isAvailable(pod, set, t))) return true;
    const labels = identityPatch(pod);
    if (labels) patch("pods", pod, labels);
    fixClaimOwners(pod, false);
    return false;
  };
  const processCondemned = (pod: KubeObject): boolean => {
    if (isTerminating(pod)) return monotonic;
    if (monotonic && pod !== firstUnhealthy && !(isRunningAndReady(pod) && isAvailable(pod, set, t))) return true;
    remove(pod);
    return true;
  };
  // OrderedReady stops at the first member that says so; Parallel visits them all.
  const runForAll = (list: KubeObject[], fn: (p: KubeObject) => boolean): boolean => {
    for (const p of list) if (fn(p) && monotonic) return true;
    return false;
  };

  if (runForAll(replicas, processReplica)) return done();
  for (const pod of condemned) fixClaimOwners(pod, true);
  if (runForAll(condemned, processCondemned)) return done();
  if (strategy.type === "OnDelete") return done();
  for (let target = count - 1; target >= (rolling?.partition ?? 0); target--) {
    const pod = replicas[target]!;
    if (revisionOf(pod) !== r.update.metadata.name && !isTerminating(pod)) {
      remove(pod);
      currentAdjust = 1;
      return done();
    }
    if (!isHealthy(pod)) return done();
  }
  return done();
}

function adjust(c: Counts, currentAdjust: number): Counts {
  return { ...c, currentReplicas: c.currentReplicas - currentAdjust };
}
