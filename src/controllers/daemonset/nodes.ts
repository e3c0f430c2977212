// Which nodes a DaemonSet runs on (NodeShouldRunDaemonPod): spec.nodeName, nodeSelector, required
// node affinity and taints, with the tolerations upstream adds to every daemon pod.
import type { KubeObject } from "../../api/object";
import type { Obj } from "../job/shared";

/** AddOrUpdateDaemonPodTolerations: daemons survive node problems and cordons. */
export function addDaemonTolerations(spec: Obj): void {
  const wanted: [string, string][] = [
    ["node.kubernetes.io/not-ready", "NoExecute"],
    ["node.kubernetes.io/unreachable", "NoExecute"],
    ["node.kubernetes.io/disk-pressure", "NoSchedule"],
    ["node.kubernetes.io/memory-pressure", "NoSchedule"],
    ["node.kubernetes.io/pid-pressure", "NoSchedule"],
    ["node.kubernetes.io/unschedulable", "NoSchedule"],
  ];
  if (spec.hostNetwork) wanted.push(["node.kubernetes.io/network-unavailable", "NoSchedule"]);
  const list: Obj[] = (spec.tolerations ??= []);
  for (const [key, effect] of wanted) {
    const t = { key, operator: "Exists", effect };
    const i = list.findIndex((x) => x?.key === key && x?.effect === effect && x?.operator === "Exists" && !x?.value);
    if (i >= 0) list[i] = t;
    else list.push(t);
  }
}

/** v1.Toleration.ToleratesTaint. */
function tolerates(t: Obj, taint: Obj): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === "Exists") return true;
  return (t.value ?? "") === (taint.value ?? "");
}

function untolerated(taints: Obj[], tolerations: Obj[], effects: string[]): boolean {
  return taints.some((taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)));
}

/** A NodeSelectorRequirement against a label (or field) value. */
function requirementMatches(req: Obj, value: string | undefined): boolean {
  const values: string[] = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || !/^-?[0-9]+$/.test(value) || values.length !== 1) return false;
      return req.operator === "Gt" ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

/** A node selector term: all its expressions and fields hold; an empty term matches nothing. */
function termMatches(term: Obj, node: KubeObject): boolean {
  const exprs: Obj[] = term.matchExpressions ?? [];
  const fields: Obj[] = term.matchFields ?? [];
  if (exprs.length + fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return (
    exprs.every((r) => requirementMatches(r, labels[r.key])) &&
    fields.every((r) => r.key === "metadata.name" && requirementMatches(r, node.metadata.name))
  );
}

function fitsNode(spec: Obj, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  if (!Object.entries(spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t: Obj) => termMatches(t, node));
}

export interface Placement {
  /** A pod should be created here if none runs. */
  shouldRun: boolean;
  /** A pod already here may stay (it tolerates every NoExecute taint). */
  shouldContinueRunning: boolean;
}

/** The pod spec placement is judged on: the template's, with the daemon tolerations added. */
export function placementSpec(ds: KubeObject): Obj {
  const spec: Obj = structuredClone(ds.spec?.template?.spec ?? {});
  addDaemonTolerations(spec);
  return spec;
}

export function nodeShouldRun(node: KubeObject, spec: Obj): Placement {
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!fitsNode(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints: Obj[] = node.spec?.taints ?? [];
  if (untolerated(taints, spec.tolerations, ["NoSchedule", "NoExecute"])) {
    return { shouldRun: false, shouldContinueRunning: !untolerated(taints, spec.tolerations, ["NoExecute"]) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** The node a daemon pod is for: where it runs, or the node its affinity pins it to. */
export function targetNode(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms: Obj[] = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) {
      if (f.key === "metadata.name" && f.operator === "In" && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the scheduler may place the pod on that node only. */
export function pinToNode(spec: Obj, nodeName: string): void {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] }] };
  spec.affinity ??= {};
  spec.affinity.nodeAffinity ??= {};
  spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = required;
}
