// `kubectl get pods`: READY, STATUS and RESTARTS are derived from container statuses the way
// upstream's printPod does it, including init containers ("Init:1/3"), sidecars (restartable init
// containers count as containers), waiting/terminated reasons and pods being deleted.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { humanDuration, parseTime } from "./duration";
import { ageColumn, arr, col, nameColumn } from "./format";

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

const isSidecar = (c: any): boolean => c?.restartPolicy === "Always";
const hasCondition = (pod: KubeObject, type: string): boolean =>
  arr(pod.status?.conditions).some((c) => c?.type === type && c?.status === "True");

/** The first condition of a type decides, as upstream's isPodInitializedConditionTrue. */
function initializedTrue(pod: KubeObject): boolean {
  const c = arr(pod.status?.conditions).find((x) => x?.type === "Initialized");
  return c?.status === "True";
}

/** Latest `lastState.terminated.finishedAt` seen so far (ms), starting from `since`. */
function laterFinish(since: number | undefined, cs: any): number | undefined {
  const t = parseTime(cs?.lastState?.terminated?.finishedAt);
  if (t === undefined) return since;
  return since === undefined || t > since ? t : since;
}

/** A terminated state without a reason reads as its signal or exit code. */
function terminatedReason(t: any, prefix: string): string {
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

// Three cells share one summary; remember it for the same object printed with the same clock.
const memo = new WeakMap<KubeObject, { now: Date; summary: PodSummary }>();

export function summarizePod(pod: KubeObject, now: Date): PodSummary {
  const hit = memo.get(pod);
  if (hit?.now === now) return hit.summary;
  const summary = computeSummary(pod, now);
  memo.set(pod, { now, summary });
  return summary;
}

function computeSummary(pod: KubeObject, now: Date): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const phase: string = status.phase ?? "";
  let reason: string = status.reason || phase;
  if (arr(status.conditions).some((c) => c?.type === "PodScheduled" && c?.reason === "SchedulingGated")) reason = "SchedulingGated";

  const initSpecs = new Map<string, any>(arr(spec.initContainers).map((c) => [c?.name, c]));
  const total = arr(spec.containers).length + arr(spec.initContainers).filter(isSidecar).length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  // Init containers run in order: the first one not done explains the pod's state.
  let initializing = false;
  const initStatuses = arr(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const sidecar = isSidecar(initSpecs.get(cs?.name));
    restarts += cs?.restartCount ?? 0;
    lastRestart = laterFinish(lastRestart, cs);
    if (sidecar) {
      sidecarRestarts += cs?.restartCount ?? 0;
      lastSidecarRestart = laterFinish(lastSidecarRestart, cs);
    }
    const term = cs?.state?.terminated;
    const wait = cs?.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && cs?.started === true) {
      if (cs?.ready) ready++;
      continue;
    }
    if (term) reason = terminatedReason(term, "Init:");
    else if (wait?.reason && wait.reason !== "PodInitializing") reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${arr(spec.initContainers).length}`;
    initializing = true;
    break;
  }

  if (!initializing || initializedTrue(pod)) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = arr(status.containerStatuses);
    // Walk backwards so the first container's reason wins, as upstream does.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs?.restartCount ?? 0;
      lastRestart = laterFinish(lastRestart, cs);
      const term = cs?.state?.terminated;
      if (cs?.state?.waiting?.reason) reason = cs.state.waiting.reason;
      else if (term) reason = terminatedReason(term, "");
      else if (cs?.ready && cs?.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A completed container next to a still-running one leaves the pod running.
    if (reason === "Completed" && hasRunning) reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
  }

  if (pod.metadata.deletionTimestamp && status.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && phase !== "Failed" && phase !== "Succeeded") reason = "Terminating";

  let restartText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartText = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`;
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

/** "<none>" stands in for an empty string in the wide columns. */
const orNone = (s: unknown): string => (typeof s === "string" && s !== "" ? s : "<none>");

function podIP(pod: KubeObject): string {
  // v1 pods may carry only podIP; upstream's conversion fills podIPs from it.
  return orNone(arr(pod.status?.podIPs)[0]?.ip ?? pod.status?.podIP);
}

function readinessGates(pod: KubeObject): string {
  const gates = arr(pod.spec?.readinessGates);
  if (gates.length === 0) return "<none>";
  const conditions = arr(pod.status?.conditions);
  const met = gates.filter((g) => conditions.find((c) => c?.type === g?.conditionType)?.status === "True").length;
  return `${met}/${gates.length}`;
}

export const podColumns: ColumnDef[] = [
  nameColumn,
  col("Ready", "The aggregate readiness state of this pod for accepting traffic.", (o, now) => summarizePod(o, now).ready),
  col("Status", "The aggregate status of the containers in this pod.", (o, now) => summarizePod(o, now).status),
  col(
    "Restarts",
    "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
    (o, now) => summarizePod(o, now).restarts,
  ),
  ageColumn,
  col("IP", DOC["PodStatus.podIP"], podIP, { priority: 1 }),
  col("Node", DOC["PodSpec.nodeName"], (o) => orNone(o.spec?.nodeName), { priority: 1 }),
  col("Nominated Node", DOC["PodStatus.nominatedNodeName"], (o) => orNone(o.status?.nominatedNodeName), { priority: 1 }),
  col("Readiness Gates", DOC["PodSpec.readinessGates"], readinessGates, { priority: 1 }),
];

/** Row conditions upstream attaches to finished pods, so clients may dim them. */
export function podRowConditions(pod: KubeObject): object[] | undefined {
  const phase = pod.status?.phase;
  if (phase === "Succeeded") return [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }];
  if (phase === "Failed") return [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }];
  return undefined;
}
