// DaemonSet status as updateDaemonSetStatus counts it, from the oldest daemon pod on each node.
import type { KubeObject } from "../../api/object";
import { isPodAvailable, isPodReady, type Obj } from "../job/shared";
import { byAge, isUpdated, type DaemonView } from "./rolling";

export interface DaemonStatus {
  status: Obj;
  /** Ready pods waiting out minReadySeconds: look again then. */
  requeueAfter?: number;
}

export function daemonStatus(v: DaemonView): DaemonStatus {
  const minReady: number = v.ds.spec?.minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const node of v.nodeNames) {
    const pods: KubeObject[] = [...(v.byNode.get(node) ?? [])].sort(byAge);
    if (!v.placement.get(node)?.shouldRun) {
      if (pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    const pod = pods[0];
    if (!pod) continue;
    current++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, v.now)) available++;
    }
    if (isUpdated(pod, v)) updated++;
  }
  const status: Obj = {
    ...structuredClone(v.ds.status ?? {}),
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: v.ds.metadata.generation ?? 0,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
  // Go omits a zero numberAvailable/numberUnavailable/updatedNumberScheduled.
  for (const k of ["numberAvailable", "numberUnavailable", "updatedNumberScheduled"]) if (status[k] === 0) delete status[k];
  return { status, requeueAfter: minReady > 0 && ready !== available ? minReady * 1000 : undefined };
}
