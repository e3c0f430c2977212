// Disruption (pkg/controller/disruption): keeps each PodDisruptionBudget's status — how many of its
// pods are healthy, how many must be, and so how many evictions the API may grant now. The eviction
// subresource spends disruptionsAllowed and notes the pod in disruptedPods; this controller forgets
// such notes once the pod is gone or after two minutes.
import type { KubeObject } from "../api/object";
import {
  isPodReady,
  pdbSelector,
  setCondition,
  withDisruptionCondition,
  conditionsUpToDate,
  DISRUPTION_ALLOWED,
  SYNC_FAILED,
} from "../api/admission/pdb";
import { selectorFromLabelSelector } from "../api/selectors/labels";
import { expectedCounts } from "./disruption-scale";
import { type Action, type Cache, type Controller, eventAction, splitKey } from "./types";

type Obj = Record<string, any>;
const PDBS = "poddisruptionbudgets.policy";
const COMPONENT = "controllermanager";
/** How long an eviction's note in disruptedPods is honoured before the pod is assumed to have stayed. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** The Go String() of a metav1.LabelSelector, which upstream's UnmanagedPods event prints. */
function selectorString(sel: Obj | undefined): string {
  const labels = Object.keys(sel?.matchLabels ?? {}).sort().map((k) => `${k}: ${sel!.matchLabels[k]},`).join("");
  const exprs = (sel?.matchExpressions ?? [])
    .map((e: Obj) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(" ")}],},`)
    .join("");
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

export function createDisruptionController(): Controller {
  const pdbKeys = (ns: string | undefined, cache: Cache) => cache.list(PDBS, ns).map((p) => `${ns}/${p.metadata.name}`);
  // Workloads are watched so their scale is cached, and so a scale change re-reads the namespace's budgets.
  const workload = (resource: string) => ({ resource, keys: (o: KubeObject, cache: Cache) => pdbKeys(o.metadata.namespace, cache) });
  return {
    name: "disruption",
    watches: [
      { resource: PDBS, keys: (pdb) => [`${pdb.metadata.namespace}/${pdb.metadata.name}`] },
      {
        resource: "pods",
        keys: (pod, cache) =>
          cache
            .list(PDBS, pod.metadata.namespace)
            .filter((pdb) => pdbSelector(pdb)?.matches(pod.metadata.labels))
            .map((pdb) => `${pdb.metadata.namespace}/${pdb.metadata.name}`),
      },
      workload("replicasets.apps"),
      workload("deployments.apps"),
      workload("statefulsets.apps"),
      workload("replicationcontrollers"),
    ],
    reconcile(key, cache, now) {
      const { namespace, name } = splitKey(key);
      const pdb = cache.get(PDBS, namespace, name);
      if (!pdb) return { actions: [] };
      try {
        return sync(pdb, cache, now);
      } catch (e) {
        return failSafe(pdb, e instanceof Error ? e.message : String(e), now);
      }
    },
  };
}

function sync(pdb: KubeObject, cache: Cache, now: Date): { actions: Action[]; requeueAfter?: number } {
  const selector = selectorFromLabelSelector(pdb.spec?.selector);
  const pods = cache.list("pods", pdb.metadata.namespace).filter((p) => selector.matches(p.metadata.labels));
  const counts = expectedCounts(pdb, pods, cache);

  // buildDisruptedPodMap: keep notes for live pods whose deletion is still plausibly on its way.
  const noted: Record<string, string> = pdb.status?.disruptedPods ?? {};
  const disruptedPods: Record<string, string> = {};
  let recheck: number | undefined;
  for (const pod of pods) {
    const at = noted[pod.metadata.name!];
    if (pod.metadata.deletionTimestamp || !at) continue;
    const expires = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expires < now.getTime()) continue;
    disruptedPods[pod.metadata.name!] = at;
    recheck = recheck === undefined ? expires : Math.min(recheck, expires);
  }
  const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && !disruptedPods[p.metadata.name!] && isPodReady(p)).length;
  // A budget whose pods have not appeared yet allows nothing, so a first eviction cannot race them.
  const allowed = currentHealthy - counts.desiredHealthy;
  const disruptionsAllowed = counts.expectedPods <= 0 || allowed <= 0 ? 0 : allowed;
  const requeue = recheck === undefined ? {} : { requeueAfter: Math.max(0, recheck - now.getTime()) + 1 };

  const old: Obj = pdb.status ?? {};
  const generation = pdb.metadata.generation ?? 0;
  const sameNotes = JSON.stringify(Object.entries(old.disruptedPods ?? {}).sort()) === JSON.stringify(Object.entries(disruptedPods).sort());
  if (
    old.currentHealthy === currentHealthy &&
    old.desiredHealthy === counts.desiredHealthy &&
    old.expectedPods === counts.expectedPods &&
    old.disruptionsAllowed === disruptionsAllowed &&
    sameNotes &&
    old.observedGeneration === generation &&
    conditionsUpToDate(pdb)
  ) {
    return { actions: [], ...requeue };
  }

  const status = withDisruptionCondition(
    {
      currentHealthy,
      desiredHealthy: counts.desiredHealthy,
      expectedPods: counts.expectedPods,
      disruptionsAllowed,
      ...(Object.keys(disruptedPods).length ? { disruptedPods } : {}),
      observedGeneration: generation,
      conditions: old.conditions,
    },
    now,
  );
  const actions: Action[] = [{ verb: "update", resource: PDBS, object: { ...structuredClone(pdb), status }, subresource: "status" }];
  // Events ride along with status writes only, so an unchanged budget stays silent.
  if (pods.length === 0) actions.push(eventAction(pdb, "Normal", "NoPods", "No matching pods found", COMPONENT, now));
  if (counts.unmanaged > 0) {
    const msg =
      `Pods selected by this PodDisruptionBudget (selector: ${selectorString(pdb.spec?.selector)}) were found to be unmanaged. ` +
      `As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ` +
      `To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`;
    actions.push(eventAction(pdb, "Warning", "UnmanagedPods", msg, COMPONENT, now));
  }
  return { actions, ...requeue };
}

/** failSafe: when the budget cannot be computed, allow no disruptions and say why. */
function failSafe(pdb: KubeObject, message: string, now: Date): { actions: Action[] } {
  const old: Obj = pdb.status ?? {};
  const cond = { type: DISRUPTION_ALLOWED, status: "False", reason: SYNC_FAILED, message, observedGeneration: old.observedGeneration ?? 0 };
  const current = (old.conditions ?? []).find((c: Obj) => c?.type === DISRUPTION_ALLOWED);
  if ((old.disruptionsAllowed ?? 0) === 0 && current?.reason === SYNC_FAILED && current.message === message && current.status === "False") {
    return { actions: [] };
  }
  const status = { ...old, disruptionsAllowed: 0, conditions: setCondition(old.conditions, cond, now) };
  return { actions: [{ verb: "update", resource: PDBS, object: { ...structuredClone(pdb), status }, subresource: "status" }] };
}
