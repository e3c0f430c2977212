// The DaemonSet's manage pass (podsShouldBeOnNode + syncNodes): a pod for every node that should
// run one, none where it should not, finished pods replaced, extra pods on a node pruned.
import type { KubeObject } from "../../api/object";
import { eventAction, type Action } from "../types";
import { generatedName, isPodAvailable, isPodReady, newControllerRef, phase, type Obj } from "../job/shared";
import { REVISION_HASH_LABEL } from "./history";
import { addDaemonTolerations, pinToNode } from "./nodes";
import { byAge, maxSurge, templateGeneration, TEMPLATE_GENERATION_LABEL, type DaemonView } from "./rolling";

export const COMPONENT = "daemonset-controller";

export interface NodeWork {
  remove: KubeObject[];
  createOn: string[];
  events: Action[];
}

export function manage(v: DaemonView, now: Date): NodeWork {
  const work: NodeWork = { remove: [], createOn: [], events: [] };
  const surge = maxSurge(v.ds, 1) > 0;
  const minReady: number = v.ds.spec?.minReadySeconds ?? 0;
  const warn = (type: "Normal" | "Warning", reason: string, msg: string) => work.events.push(eventAction(v.ds, type, reason, msg, COMPONENT, now));
  for (const node of v.nodeNames) {
    const { shouldRun, shouldContinueRunning } = v.placement.get(node)!;
    const pods = v.byNode.get(node);
    if (shouldRun && !pods) {
      work.createOn.push(node);
    } else if (shouldContinueRunning && pods) {
      const running: KubeObject[] = [];
      for (const pod of pods) {
        if (pod.metadata.deletionTimestamp) continue;
        const where = `${pod.metadata.namespace}/${pod.metadata.name} on node ${node}`;
        // Upstream also backs off repeated failures on one node; here each failure is replaced once seen.
        if (phase(pod) === "Failed") {
          warn("Warning", "FailedDaemonPod", `Found failed daemon pod ${where}, will try to kill it`);
          work.remove.push(pod);
        } else if (phase(pod) === "Succeeded") {
          warn("Normal", "SucceededDaemonPod", `Found succeeded daemon pod ${where}, will try to delete it`);
          work.remove.push(pod);
        } else {
          running.push(pod);
        }
      }
      running.sort(byAge);
      if (!surge) {
        work.remove.push(...running.slice(1)); // keep the oldest
      } else if (running.length === 0) {
        if (shouldRun) work.createOn.push(node);
      } else if (running.length > 1) {
        // Surging allows one new and one old pod, the old kept only while the new is not available.
        let fresh: KubeObject | undefined;
        let old: KubeObject | undefined;
        for (const pod of running) {
          const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === v.hash;
          if (isNew && !fresh) fresh = pod;
          else if (!isNew && !old) old = pod;
          else work.remove.push(pod);
        }
        if (fresh && old && (!isPodReady(old) || isPodAvailable(fresh, minReady, v.now))) work.remove.push(old);
      }
    } else if (!shouldContinueRunning && pods) {
      work.remove.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
    }
  }
  // Unscheduled pods for nodes that no longer exist would wait forever; pod GC never sees them.
  for (const [node, pods] of v.byNode) {
    if (!v.placement.has(node)) work.remove.push(...pods.filter((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp));
  }
  return work;
}

/** CreatePodTemplate plus the node pin: a pod the scheduler can only bind to `node`. */
export function daemonPod(ds: KubeObject, node: string, hash: string, name: string): KubeObject {
  const template: Obj = structuredClone(ds.spec?.template ?? {});
  const meta: Obj = template.metadata ?? {};
  const spec: Obj = template.spec ?? {};
  const labels: Record<string, string> = { ...(meta.labels ?? {}), [REVISION_HASH_LABEL]: hash };
  const generation = templateGeneration(ds);
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = generation;
  addDaemonTolerations(spec);
  pinToNode(spec, node);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [newControllerRef(ds, "apps/v1", "DaemonSet")],
    },
    spec,
  };
}

/** syncNodes: the creations and deletions as actions, with upstream's events. */
export function syncNodes(v: DaemonView, work: Pick<NodeWork, "remove" | "createOn">, podCount: number, taken: (n: string) => boolean, now: Date): Action[] {
  const ds = v.ds;
  const actions: Action[] = [];
  const chosen = new Set<string>();
  for (const node of work.createOn) {
    const name = generatedName(`${ds.metadata.name}-`, `${ds.metadata.uid}/${podCount}`, (n) => chosen.has(n) || taken(n));
    chosen.add(name);
    actions.push({ verb: "create", resource: "pods", namespace: ds.metadata.namespace, object: daemonPod(ds, node, v.hash, name) });
    actions.push(eventAction(ds, "Normal", "SuccessfulCreate", `Created pod: ${name}`, COMPONENT, now));
  }
  const removed = new Set<string>();
  for (const pod of work.remove) {
    if (removed.has(pod.metadata.name!)) continue;
    removed.add(pod.metadata.name!);
    actions.push({ verb: "delete", resource: "pods", namespace: pod.metadata.namespace, name: pod.metadata.name!, preconditions: { uid: pod.metadata.uid } });
    actions.push(eventAction(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, COMPONENT, now));
  }
  return actions;
}
