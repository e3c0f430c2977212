// A watch body is newline-delimited JSON split arbitrarily across chunks. These pure helpers turn
// chunks into whole lines and lines into typed events; blank lines are the server's keep-alives.
import type { KubeObject } from "../api/object";
import type { Status } from "../api/errors";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK";

export type WatchEvent<T extends KubeObject = KubeObject> =
  | { type: WatchEventType; object: T }
  | { type: "ERROR"; object: Status };

export class LineSplitter {
  private readonly decoder = new TextDecoder();
  private pending = "";

  /** Whole lines completed by this chunk; a partial last line waits for the next chunk. */
  push(chunk: Uint8Array): string[] {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const lines = this.pending.split("\n");
    this.pending = lines.pop() ?? "";
    return lines;
  }

  /** What is left when the stream ends (a last line without its newline). */
  flush(): string[] {
    const rest = this.pending + this.decoder.decode();
    this.pending = "";
    return rest.trim() ? [rest] : [];
  }
}

const TYPES = new Set(["ADDED", "MODIFIED", "DELETED", "BOOKMARK", "ERROR"]);

/** Null for keep-alive lines; throws on lines that are not watch events (a broken stream). */
export function parseWatchLine<T extends KubeObject = KubeObject>(line: string): WatchEvent<T> | null {
  const text = line.trim();
  if (!text) return null;
  const event = JSON.parse(text) as { type?: unknown; object?: unknown };
  if (typeof event?.type !== "string" || !TYPES.has(event.type) || typeof event.object !== "object" || event.object === null) {
    throw new Error(`not a watch event: ${text.slice(0, 200)}`);
  }
  return event as WatchEvent<T>;
}
