// Watch as a resumable event stream: one HTTP stream at a time, reopened from the last seen
// resourceVersion when it ends, stalls or fails; only a compacted resume point (410) is fatal, because
// no resume can recover the events that were dropped.
import type { KubeObject } from "../api/object";
import { ApiError, isRetriable } from "./errors";
import { LineSplitter, parseWatchLine, type WatchEvent } from "./lines";
import { resourcePath, queryString, type ResourceRef } from "./paths";
import type { KubeClient } from "./client";

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Resume point; without one the server first sends every current object as ADDED. */
  resourceVersion?: string;
  signal?: AbortSignal;
  /** Reopen a stream that has been silent this long (the server sends a bookmark or newline every ~10 s). */
  idleTimeoutMs?: number;
  /** First delay before reopening a failed stream; doubles up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export async function* watchEvents<T extends KubeObject>(
  client: KubeClient,
  ref: ResourceRef,
  wo: WatchOptions,
): AsyncGenerator<WatchEvent<T>, void> {
  const initialDelay = wo.retryDelayMs ?? 250;
  let delay = initialDelay;
  let rv = wo.resourceVersion;
  while (!wo.signal?.aborted) {
    let progressed = false;
    try {
      for await (const event of watchOnce<T>(client, ref, { ...wo, resourceVersion: rv })) {
        if (event.type === "ERROR") throw new ApiError(event.object);
        progressed = true;
        delay = initialDelay;
        rv = event.object.metadata?.resourceVersion || rv;
        yield event;
      }
      if (progressed) continue;
    } catch (e) {
      if (wo.signal?.aborted) return;
      if (!isRetriable(e)) throw e;
    }
    // A stream that failed or ended without news is not reopened at once, so a sick server is not hammered.
    await sleep(delay, wo.signal);
    delay = Math.min(delay * 2, wo.maxRetryDelayMs ?? 10_000);
  }
}

/** One watch request, read to its end; aborting (caller or idle timer) ends it. */
async function* watchOnce<T extends KubeObject>(client: KubeClient, ref: ResourceRef, wo: WatchOptions): AsyncGenerator<WatchEvent<T>> {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort();
  wo.signal?.addEventListener("abort", onAbort, { once: true });
  const idleMs = wo.idleTimeoutMs ?? 60_000;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    if (idle !== undefined) clearTimeout(idle);
    idle = setTimeout(() => ctrl.abort(), idleMs);
  };
  touch();
  const query = {
    watch: "true",
    allowWatchBookmarks: "true",
    resourceVersion: wo.resourceVersion,
    labelSelector: wo.labelSelector,
    fieldSelector: wo.fieldSelector,
  };
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const res = await client.request("GET", resourcePath(ref, { namespace: wo.namespace }) + queryString(query), { signal: ctrl.signal });
    if (!res.body) return;
    reader = res.body.getReader();
    const lines = new LineSplitter();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      touch();
      for (const line of lines.push(value)) {
        const event = parseWatchLine<T>(line);
        if (event) yield event;
      }
    }
    for (const line of lines.flush()) {
      const event = parseWatchLine<T>(line);
      if (event) yield event;
    }
  } finally {
    if (idle !== undefined) clearTimeout(idle);
    wo.signal?.removeEventListener("abort", onAbort);
    ctrl.abort();
    reader?.cancel().catch(() => {});
  }
}

/** Resolves after `ms`, or early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
