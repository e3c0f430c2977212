// DaemonSet RollingUpdate (upstream daemon/update.go rollingUpdate). Without surge, old pods are
// deleted while no more than maxUnavailable daemons are down, and the manage pass recreates them;
// with maxSurge, a new pod starts beside an old one, which goes once the new one is available.
import type { KubeObject } from "../../api/object";
import { isPodAvailable, type Obj } from "../job/shared";
import { REVISION_HASH_LABEL } from "./history";
import type { Placement } from "./nodes";

export const TEMPLATE_GENERATION_LABEL = "pod-template-generation";
const TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

export interface DaemonView {
  ds: KubeObject;
  now: number;
  hash: string;
  nodeNames: string[];
  placement: Map<string, Placement>;
  /** Daemon pods by the node they are for (finished pods already being deleted left out). */
  byNode: Map<string, KubeObject[]>;
}

export function templateGeneration(ds: KubeObject): string | undefined {
  const g = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return g !== undefined && /^-?[0-9]+$/.test(g) ? g : undefined;
}

/** IsPodUpdated: the pod carries the current revision hash (or the legacy template generation). */
export function isUpdated(pod: KubeObject, v: DaemonView): boolean {
  const labels = pod.metadata.labels ?? {};
  const generation = templateGeneration(v.ds);
  return labels[REVISION_HASH_LABEL] === v.hash || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaled(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^[0-9]+%$/.test(value)) {
    const exact = (Number(value.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  return 0;
}

export function maxSurge(ds: KubeObject, total: number): number {
  const s: Obj = ds.spec?.updateStrategy ?? {};
  return s.type === "RollingUpdate" ? scaled(s.rollingUpdate?.maxSurge, total, true) : 0;
}

function maxUnavailable(ds: KubeObject, total: number): number {
  const s: Obj = ds.spec?.updateStrategy ?? {};
  return s.type === "RollingUpdate" ? scaled(s.rollingUpdate?.maxUnavailable, total, true) : 0;
}

/** At most one new and one old live pod on the node; undefined when there are more. */
function split(pods: KubeObject[], v: DaemonView): { fresh?: KubeObject; old?: KubeObject } | undefined {
  const out: { fresh?: KubeObject; old?: KubeObject } = {};
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const slot = isUpdated(pod, v) ? "fresh" : "old";
    if (out[slot]) return undefined;
    out[slot] = pod;
  }
  return out;
}

export interface Rollout {
  remove: KubeObject[];
  createOn: string[];
}

export function rollingUpdate(v: DaemonView): Rollout {
  const wanted = v.nodeNames.filter((n) => v.placement.get(n)?.shouldRun);
  const nodes = [...new Set([...v.byNode.keys(), ...wanted])].sort();
  const desired = wanted.length;
  const surge = maxSurge(v.ds, desired);
  let unavailableLimit = maxUnavailable(v.ds, desired);
  // Neither surge nor unavailability allowed would stall forever: upstream accepts one down.
  if (desired > 0 && surge === 0 && unavailableLimit === 0) unavailableLimit = 1;
  const minReady: number = v.ds.spec?.minReadySeconds ?? 0;
  const available = (p: KubeObject) => isPodAvailable(p, minReady, v.now);

  if (surge === 0) {
    let unavailable = 0;
    const replace: KubeObject[] = [];
    const candidates: KubeObject[] = [];
    for (const node of nodes) {
      const s = split(v.byNode.get(node) ?? [], v);
      if (!s || (!s.old && !s.fresh) || (s.old && s.fresh)) {
        unavailable++; // the manage pass sorts these out
      } else if (s.fresh) {
        if (!available(s.fresh)) unavailable++;
      } else if (!available(s.old!)) {
        replace.push(s.old!);
        unavailable++;
      } else if (unavailable < unavailableLimit) {
        candidates.push(s.old!);
      }
    }
    const room = Math.min(Math.max(0, unavailableLimit - unavailable), candidates.length);
    return { remove: [...replace, ...candidates.slice(0, room)], createOn: [] };
  }

  const remove: KubeObject[] = [];
  const misplaced: KubeObject[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let surging = 0;
  let up = 0;
  for (const node of nodes) {
    const s = split(v.byNode.get(node) ?? [], v);
    if (!s) {
      surging++;
      continue;
    }
    if (s.old ? available(s.old) : s.fresh && available(s.fresh)) up++;
    if (!s.old) continue;
    const shouldRun = v.placement.get(node)?.shouldRun ?? false;
    if (!s.fresh) {
      if (!available(s.old)) {
        if (shouldRun) allowed.push(node);
        else remove.push(s.old);
      } else if (!shouldRun) {
        misplaced.push(s.old);
      } else if (surging < surge) {
        candidates.push(node);
      }
    } else if (!available(s.fresh)) {
      surging++;
    } else {
      remove.push(s.old);
    }
  }
  // Pods on nodes the DaemonSet left go only while enough others are available elsewhere.
  remove.push(...misplaced.slice(0, Math.max(0, up - desired)));
  const room = Math.min(Math.max(0, surge - surging), candidates.length);
  return { remove, createOn: [...allowed, ...candidates.slice(0, room)] };
}

/** Oldest first, scheduled before unscheduled (podByCreationTimestampAndPhase). */
export function byAge(a: KubeObject, b: KubeObject): number {
  const sa = a.spec?.nodeName ? 0 : 1;
  const sb = b.spec?.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name! < b.metadata.name! ? -1 : 1;
}

