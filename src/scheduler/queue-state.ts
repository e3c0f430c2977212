// The scheduler's memory between reconciles, per informer cache: the Snapshot (kept current from
// the watch callbacks, as upstream's cache is from informer events, and rebuilt now and then
// because a re-list reports no deletions), the pods that failed and which plugins rejected them
// (upstream's unschedulable queue), and the round-robin filter offset.

import type { KubeObject } from "../api/object";
import type { Cache } from "../controllers/types";
import { eventMatches, type ClusterEvent } from "./framework";
import { pluginByName } from "./registry";
import { Snapshot } from "./snapshot";

export interface Failure {
  plugins: string[];
  attempts: number;
  /** The pod as it failed, minus status: only a change to this is worth a retry by itself. */
  signature: string;
}

export class QueueState {
  snapshot!: Snapshot;
  /** When the snapshot was last rebuilt; NaN until a reconcile supplies a clock. */
  builtAt = Number.NaN;
  start = 0;
  readonly failed = new Map<string, Failure>();
  /** Pods bound by us whose bound version the cache has not shown yet. */
  readonly assumed = new Set<string>();

  constructor(private readonly cache: Cache) {
    this.rebuild(Number.NaN);
  }

  rebuild(now: number): void {
    const s = new Snapshot();
    s.namespaceLabels = (ns) => this.cache.get("namespaces", undefined, ns)?.metadata.labels;
    for (const n of this.cache.list("nodes")) s.setNode(n);
    for (const p of this.cache.list("pods")) s.setPod(p);
    this.snapshot = s;
    this.assumed.clear();
    this.builtAt = now;
  }

  /** Failed pods that `events` may help: those a rejecting plugin registered one of them for. */
  retryable(events: readonly ClusterEvent[]): string[] {
    if (events.length === 0) return [];
    const keys: string[] = [];
    for (const [key, f] of this.failed) {
      const helps = events.some((e) =>
        // No plugin to ask (e.g. there were no nodes): any node change may help.
        f.plugins.length === 0 ? e.resource === "Node" : f.plugins.some((p) => eventMatches(pluginByName(p)?.events ?? [], e)),
      );
      if (helps) keys.push(key);
    }
    return keys;
  }
}

export function signature(pod: KubeObject): string {
  return JSON.stringify([pod.spec, pod.metadata.labels, pod.metadata.annotations, pod.metadata.deletionTimestamp]);
}

/** Doubles from 1 s up to upstream's 5-minute flush of unschedulable pods; events come sooner. */
export function backoff(attempts: number): number {
  return Math.min(1000 * 2 ** Math.min(attempts - 1, 20), 300_000);
}
