// kube-scheduler as a level-triggered controller: each pending pod's key runs one scheduling
// cycle against the Snapshot and either binds (pods/binding + a Scheduled event) or records why
// not (PodScheduled=False + a FailedScheduling event, only when the message changes) and retries
// with backoff — or sooner, when a cluster change its rejecting plugins care about happens.

import type { KubeObject } from "../api/object";
import { eventAction, keyOf, splitKey, type Action, type Cache, type Controller, type Result } from "../controllers/types";
import type { ClusterEvent } from "./framework";
import { isTerminal } from "./pod-info";
import { backoff, QueueState, signature } from "./queue-state";
import { schedulePod, type Unschedulable } from "./schedule";

export const SchedulerName = "default-scheduler";
const component = "default-scheduler";
/** A re-list does not report deletions: rebuild the snapshot from the cache this often. */
const rebuildEveryMs = 60_000;

export interface SchedulerOptions {
  /** Tie-breaking among equally good nodes; without it the first (by name, from the start offset) wins. */
  random?: () => number;
}

/** Ours to schedule: unbound, alive, and for the default scheduler (or none named). */
export function isPending(pod: KubeObject): boolean {
  const name = pod.spec?.schedulerName;
  return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && !isTerminal(pod) && (!name || name === SchedulerName);
}

const time = (now: Date): string => now.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Event messages are capped at 1024 characters upstream; the condition keeps the whole text. */
function eventMessage(message: string): string {
  return message.length > 1024 ? `${message.slice(0, 1020)} ...` : message;
}

function bindingAction(pod: KubeObject, node: string): Action {
  const { name, namespace } = pod.metadata;
  return {
    verb: "create",
    resource: "pods",
    namespace,
    name,
    subresource: "binding",
    object: { apiVersion: "v1", kind: "Binding", metadata: { name, namespace }, target: { apiVersion: "v1", kind: "Node", name: node } },
  };
}

/** PodScheduled=False with the fit error; the transition time moves only when the status flips. */
function withCondition(pod: KubeObject, u: Unschedulable, now: Date): KubeObject {
  const next = structuredClone(pod);
  const conditions: any[] = next.status?.conditions ?? [];
  const old = conditions.find((c) => c.type === "PodScheduled");
  const condition = {
    type: "PodScheduled",
    status: "False",
    lastProbeTime: null,
    lastTransitionTime: old?.status === "False" ? old.lastTransitionTime : time(now),
    reason: u.reason,
    message: u.message,
  };
  next.status = { ...next.status, conditions: [...conditions.filter((c) => c !== old), condition] };
  return next;
}

export function schedulerController(options: SchedulerOptions = {}): Controller {
  const states = new WeakMap<Cache, QueueState>();
  const stateFor = (cache: Cache): QueueState => {
    let s = states.get(cache);
    if (!s) states.set(cache, (s = new QueueState(cache)));
    return s;
  };

  function onPod(obj: KubeObject, cache: Cache): string[] {
    const s = stateFor(cache);
    const key = keyOf(obj);
    const current = cache.get("pods", obj.metadata.namespace, obj.metadata.name!);
    const events: ClusterEvent[] = current ? s.snapshot.setPod(current) : s.snapshot.removePod(key);
    // Our own binding, now confirmed: the Add we accounted early still counts as an event.
    if (s.assumed.delete(key) && current?.spec?.nodeName) events.push({ resource: "AssignedPod", action: "Add" });
    const keys = s.retryable(events);
    const failure = s.failed.get(key);
    if (!current || !isPending(current)) s.failed.delete(key);
    // A pending pod retries on its own changes, but not on status-only ones (like our condition).
    else if (!failure || failure.signature !== signature(current)) keys.push(key);
    return keys;
  }

  function onNode(obj: KubeObject, cache: Cache): string[] {
    const s = stateFor(cache);
    const current = cache.get("nodes", undefined, obj.metadata.name!);
    return s.retryable(current ? s.snapshot.setNode(current) : s.snapshot.removeNode(obj.metadata.name!));
  }

  function reconcile(key: string, cache: Cache, now: Date): Result {
    const s = stateFor(cache);
    if (Number.isNaN(s.builtAt)) s.builtAt = now.getTime();
    else if (now.getTime() - s.builtAt > rebuildEveryMs) s.rebuild(now.getTime());
    const { namespace, name } = splitKey(key);
    const pod = cache.get("pods", namespace, name);
    if (!pod) {
      s.failed.delete(key);
      s.snapshot.removePod(key);
      return { actions: [] };
    }
    // The cache is the truth: this drops an assumed binding that never happened.
    s.snapshot.setPod(pod);
    if (!isPending(pod)) {
      s.failed.delete(key);
      return { actions: [] };
    }
    // Gated pods wait; removing the last gate is an update of the pod, which brings it back.
    if ((pod.spec?.schedulingGates ?? []).length > 0) return { actions: [] };

    const result = schedulePod(pod, s.snapshot, { random: options.random, startIndex: s.start });
    s.start = (s.start + result.evaluated) % Math.max(1, s.snapshot.list().length);
    if ("node" in result) {
      s.failed.delete(key);
      // Assume the binding at once, so the next pod in this pass sees the capacity taken.
      s.snapshot.setPod({ ...pod, spec: { ...pod.spec, nodeName: result.node } });
      s.assumed.add(key);
      const message = `Successfully assigned ${namespace}/${name} to ${result.node}`;
      return { actions: [bindingAction(pod, result.node), eventAction(pod, "Normal", "Scheduled", message, component, now)] };
    }
    const u = result.unschedulable;
    const attempts = (s.failed.get(key)?.attempts ?? 0) + 1;
    s.failed.set(key, { plugins: u.plugins, attempts, signature: signature(pod) });
    const requeueAfter = backoff(attempts);
    const old = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === "PodScheduled");
    // Same verdict as last time: nothing to write, no new event.
    if (old?.status === "False" && old.reason === u.reason && old.message === u.message) return { actions: [], requeueAfter };
    return {
      actions: [
        eventAction(pod, "Warning", "FailedScheduling", eventMessage(u.message), component, now),
        { verb: "update", resource: "pods", subresource: "status", object: withCondition(pod, u, now) },
      ],
      requeueAfter,
    };
  }

  return {
    name: "scheduler",
    watches: [
      { resource: "pods", keys: onPod },
      { resource: "nodes", keys: onNode },
      // Namespace labels feed affinity terms' namespaceSelectors (the snapshot reads them from the cache).
      { resource: "namespaces", keys: (_ns, cache) => stateFor(cache).retryable([{ resource: "Namespace", action: "UpdateLabel" }]) },
    ],
    reconcile,
  };
}
