// The pod status a kubelet would report for a simulated pod: phase, conditions, container statuses,
// IPs and times, derived only from the pod and its record so a re-run yields the same object.
import { createHash } from "node:crypto";
import type { KubeObject } from "../../api/object";
import { rfc3339 } from "../clock";
import { hostNetwork, type PodRecord } from "./stages";

const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

/** `nginx:1.25` → `docker.io/library/nginx:1.25`, as a container runtime reports the image it ran. */
export function normalizeImage(image: string): { image: string; imageID: string } {
  const [nameTag = "", digest] = image.split("@");
  const slash = nameTag.lastIndexOf("/");
  const colon = nameTag.lastIndexOf(":");
  const name = colon > slash ? nameTag.slice(0, colon) : nameTag;
  const tag = colon > slash ? nameTag.slice(colon + 1) : "latest";
  const first = name.split("/")[0] ?? "";
  const hasDomain = name.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  const repo = hasDomain ? name : `docker.io/${name.includes("/") ? name : `library/${name}`}`;
  return { image: digest ? `${repo}@${digest}` : `${repo}:${tag}`, imageID: `${repo}@${digest ?? `sha256:${sha(`${repo}:${tag}`)}`}` };
}

/** Stable across agent restarts, so an adopted pod's status does not change. */
export const containerID = (uid: string, name: string): string => `fake://${sha(`${uid}/${name}`)}`;

type Condition = { type: string; status: "True" | "False"; reason?: string; message?: string };

function conditions(pod: KubeObject, rec: PodRecord, now: number): Record<string, unknown>[] {
  const started = rec.startedAt !== undefined;
  const finished = rec.finishedAt !== undefined;
  const names = (pod.spec?.containers ?? []).map((c: any) => c.name).sort().join(" ");
  const notReady: Condition = finished
    ? { type: "", status: "False", reason: "PodCompleted" }
    : { type: "", status: "False", reason: "ContainersNotReady", message: `containers with unready status: [${names}]` };
  const ready = started && !finished ? { status: "True" as const } : notReady;
  const initialized = finished ? { status: "True" as const, reason: "PodCompleted" } : started || !pod.spec?.initContainers?.length
    ? { status: "True" as const }
    : { status: "False" as const, reason: "ContainersNotInitialized", message: "containers with incomplete status: []" };
  const wanted: Condition[] = [
    { type: "PodReadyToStartContainers", status: started && !finished ? "True" : "False" },
    { type: "Initialized", ...initialized },
    { ...ready, type: "Ready" },
    { ...ready, type: "ContainersReady" },
    { type: "PodScheduled", status: "True" },
  ];
  // A condition keeps its transition time while its status is unchanged.
  const before = new Map<string, any>((pod.status?.conditions ?? []).map((c: any) => [c?.type, c]));
  return wanted.map((c) => {
    const old = before.get(c.type);
    const lastTransitionTime = old?.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(now);
    return { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
  });
}

function containerStatus(pod: KubeObject, rec: PodRecord, c: any, initOnce: boolean): Record<string, unknown> {
  const { image, imageID } = normalizeImage(String(c.image ?? ""));
  const id = containerID(rec.uid, c.name);
  const startedAt = rec.startedAt !== undefined ? rfc3339(rec.startedAt) : undefined;
  // Run-once init containers finish as soon as the pod starts; the others run until the pod ends.
  const endedAt = initOnce ? rec.startedAt : rec.finishedAt;
  let state: Record<string, unknown>;
  if (startedAt === undefined) state = { waiting: { reason: initOnce ? "PodInitializing" : "ContainerCreating" } };
  else if (endedAt !== undefined) state = { terminated: { exitCode: 0, reason: "Completed", startedAt, finishedAt: rfc3339(endedAt), containerID: id } };
  else state = { running: { startedAt } };
  const running = "running" in state;
  return {
    name: c.name,
    state,
    lastState: {},
    ready: running,
    restartCount: 0,
    image,
    imageID: startedAt === undefined ? "" : imageID,
    ...(startedAt === undefined ? {} : { containerID: id }),
    started: running,
  };
}

/** The status fields this node owns; merged into the pod's status, so others' fields stay. */
export function podStatus(pod: KubeObject, rec: PodRecord, hostIP: string, now: number): Record<string, unknown> {
  const started = rec.startedAt !== undefined;
  const status: Record<string, unknown> = {
    phase: !started ? "Pending" : rec.finishedAt !== undefined ? "Succeeded" : "Running",
    conditions: conditions(pod, rec, now),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: rfc3339(rec.seenAt),
  };
  const ip = hostNetwork(pod) ? hostIP : rec.ip;
  if (ip && started) {
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  const byName = (a: any, b: any) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const inits = pod.spec?.initContainers ?? [];
  if (inits.length) status.initContainerStatuses = inits.map((c: any) => containerStatus(pod, rec, c, c.restartPolicy !== "Always"));
  status.containerStatuses = [...(pod.spec?.containers ?? [])].sort(byName).map((c: any) => containerStatus(pod, rec, c, false));
  return status;
}
