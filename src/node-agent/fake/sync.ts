// One pure step of the fake runtime for one pod: play the stages that are due at `now`, then derive
// the status to report. The wiring performs the writes and sleeps until `wakeAt`.
import type { KubeObject } from "../../api/object";
import { deepEqual } from "../equal";
import { podStages, deleting, hostNetwork, type FakeConfig, type PodRecord, type Stage } from "./stages";
import { podStatus } from "./status";

export interface SyncResult {
  record: PodRecord;
  /** Status fields to write, or undefined when the pod already shows them. */
  status?: Record<string, unknown>;
  /** Delete the pod now (gracePeriodSeconds=0, UID precondition). */
  delete: boolean;
  /** Sync again at this time: the next stage is due then. */
  wakeAt?: number;
  /** Log words for the transitions that happened ("started", "completed", "stopped"). */
  events: string[];
}

/** Rebuilds the record from a pod's reported status, so an agent restart adopts its pods unchanged. */
export function adopt(pod: KubeObject, now: number): PodRecord {
  const time = (t: unknown): number | undefined => (typeof t === "string" && !Number.isNaN(Date.parse(t)) ? Date.parse(t) : undefined);
  const status = pod.status ?? {};
  const rec: PodRecord = { uid: pod.metadata.uid ?? "", seenAt: time(status.startTime) ?? now };
  const states = (status.containerStatuses ?? []).map((c: any) => c?.state ?? {});
  const starts = states.map((s: any) => time(s.running?.startedAt ?? s.terminated?.startedAt)).filter((t: number | undefined) => t !== undefined);
  if (starts.length && starts.length === states.length) rec.startedAt = Math.min(...starts);
  if (rec.startedAt !== undefined && states.every((s: any) => s.terminated)) rec.finishedAt = Math.max(...states.map((s: any) => time(s.terminated.finishedAt) ?? now));
  if (!hostNetwork(pod) && typeof status.podIP === "string" && rec.startedAt !== undefined) rec.ip = status.podIP;
  return rec;
}

/** Whether the pod still needs an address from the pool (the wiring allocates it before syncing). */
export function wantsIp(pod: KubeObject, rec: PodRecord): boolean {
  return rec.ip === undefined && rec.startedAt === undefined && !deleting(pod) && !hostNetwork(pod);
}

/** Whether the pod's IP can go back to the pool: its (simulated) sandbox is gone. */
export function releasesIp(rec: PodRecord): boolean {
  return rec.finishedAt !== undefined;
}

export function syncPod(pod: KubeObject, record: PodRecord | undefined, now: number, cfg: FakeConfig, hostIP: string, stages: Stage[] = podStages): SyncResult {
  let rec: PodRecord = record ?? adopt(pod, now);
  if (deleting(pod) && rec.terminatingSince === undefined) rec = { ...rec, terminatingSince: now };
  const events: string[] = [];
  let del = false;
  let wakeAt: number | undefined;
  // Each stage moves the record forward, so this ends; the bound guards against a cyclic table.
  for (let i = 0; i < stages.length * 2; i++) {
    const stage = stages.find((s) => s.selector(pod, rec));
    if (!stage) break;
    const due = stage.since(rec) + stage.delayMs(pod, rec, cfg);
    if (due > now) {
      wakeAt = due;
      break;
    }
    const next = stage.next(rec, now);
    if (next.deleteSent && !rec.deleteSent) del = true;
    if (stage.event) events.push(stage.event);
    rec = next;
  }
  const desired = podStatus(pod, rec, hostIP, now);
  const current = pod.status ?? {};
  const changed = Object.keys(desired).some((k) => !deepEqual(current[k], desired[k]));
  return { record: rec, status: changed && !del ? desired : undefined, delete: del, wakeAt, events };
}
