// Which replica sets a deployment controls, which of them runs the current template ("new"), and
// creating that one when it is missing (getReplicaSetsForDeployment, getNewReplicaSet).

import type { KubeObject } from "../../api/object";
import { byCreation, claim, controllerOf, controllerRef, parseSelector } from "./controller-utils";
import { newCondition, getCondition, setCondition } from "./conditions";
import { computeHash, equalIgnoreHash, HASH_LABEL, templateOf } from "./hash";
import type { Plan } from "./plan";
import { Annotation, maxRevision, setNewReplicaSetAnnotations } from "./revision";
import { hasProgressDeadline, newRSNewReplicas, Reason } from "./util";

const RS = "replicasets.apps";

/**
 * Claims the namespace's replica sets (adopting orphans that match, releasing strays) into the
 * plan; false when the deployment's selector is unusable and nothing should be done.
 */
export function claimReplicaSets(plan: Plan): boolean {
  const d = plan.original;
  const selector = parseSelector(d.spec?.selector);
  if (!selector) return false;
  const result = claim(d, selector, plan.cache.list(RS, d.metadata.namespace), RS);
  plan.claims.push(...result.actions);
  for (const rs of result.claimed) plan.add(rs);
  return true;
}

/** FindNewReplicaSet: the oldest replica set whose template equals the deployment's, hash aside. */
export function findNewReplicaSet(d: KubeObject, rsList: KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(templateOf(rs), templateOf(d)));
}

export function splitReplicaSets(plan: Plan): { newRS?: KubeObject; oldRSs: KubeObject[] } {
  const newRS = findNewReplicaSet(plan.d, plan.rsList);
  return { newRS, oldRSs: plan.rsList.filter((rs) => rs !== newRS) };
}

/**
 * getAllReplicaSetsAndSyncRevision: find (or, if asked, create) the new replica set; give it the
 * next revision and the deployment's annotations; record that revision on the deployment.
 */
export function syncRevision(plan: Plan, createIfMissing: boolean): { newRS?: KubeObject; oldRSs: KubeObject[] } {
  const d = plan.d;
  const { newRS, oldRSs } = splitReplicaSets(plan);
  const newRevision = maxRevision(oldRSs) + 1;
  if (newRS) {
    const annotated = setNewReplicaSetAnnotations(d, newRS, newRevision, true);
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotated || (newRS.spec?.minReadySeconds ?? 0) !== minReady) {
      newRS.spec = withMinReady(newRS.spec, minReady);
      plan.touch(newRS);
    }
    setRevision(plan, newRS.metadata.annotations?.[Annotation.revision]);
    // Someone who only now set a deadline starts the clock from the first time we saw this set.
    if (hasProgressDeadline(d) && !getCondition(plan.status, "Progressing")) {
      const msg = `Found new replica set "${newRS.metadata.name}"`;
      setCondition(plan.status, newCondition("Progressing", "True", Reason.FoundNewReplicaSet, msg, plan.now));
    }
    return { newRS, oldRSs };
  }
  if (!createIfMissing || plan.collision) return { oldRSs };
  const created = createNewReplicaSet(plan, oldRSs, newRevision);
  return { newRS: created, oldRSs };
}

function createNewReplicaSet(plan: Plan, oldRSs: KubeObject[], newRevision: number): KubeObject | undefined {
  const d = plan.d;
  const template = structuredClone(templateOf(d));
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HASH_LABEL]: hash } };
  const selector = structuredClone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [HASH_LABEL]: hash };
  const name = `${d.metadata.name}-${hash}`;

  // The name is taken. By another template: a hash collision — count it, so the next pass hashes
  // differently (upstream learns this from AlreadyExists; the cache tells us first). By this very
  // set, unclaimed (being deleted, relabelled): wait for it rather than fail to create it again.
  const taken = plan.cache.get(RS, d.metadata.namespace, name);
  if (taken) {
    if (controllerOf(taken)?.uid !== d.metadata.uid || !equalIgnoreHash(templateOf(taken), templateOf(d))) {
      plan.status.collisionCount = (d.status?.collisionCount ?? 0) + 1;
      plan.collision = true;
    }
    return undefined;
  }

  const rs: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [controllerRef(plan.original)],
    },
    spec: withMinReady({ replicas: 0, selector, template }, d.spec?.minReadySeconds ?? 0),
  };
  rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  plan.create(rs);
  if (rs.spec.replicas > 0) plan.event("Normal", "ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${rs.spec.replicas}`);
  setRevision(plan, String(newRevision));
  if (hasProgressDeadline(d)) {
    setCondition(plan.status, newCondition("Progressing", "True", Reason.NewReplicaSetCreated, `Created new replica set "${name}"`, plan.now));
  }
  return rs;
}

/** minReadySeconds is omitted when zero, as Go's omitempty prints it. */
function withMinReady(spec: Record<string, any> | undefined, minReady: number): Record<string, any> {
  const { minReadySeconds: _drop, ...rest } = spec ?? {};
  return minReady ? { ...rest, minReadySeconds: minReady } : rest;
}

/** SetDeploymentRevision. */
function setRevision(plan: Plan, revision: string | undefined): void {
  if (revision === undefined) return;
  const a = (plan.d.metadata.annotations ??= {});
  if (a[Annotation.revision] !== revision) {
    a[Annotation.revision] = revision;
    plan.changes++;
  }
}
