import type { KubeObject } from "../../api/object";
import { apiVersionOf } from "../../api/registry/registry";
import type { WatchRequest } from "../../durable-objects/store/contract";
import { transformObject } from "../respond";
import type { RestContext } from "./context";
import { listRequest } from "./read";

const STREAM_HEADERS = {
  "content-type": "application/json",
  // Streams must not be compressed: a gzip layer would buffer events until the stream ends.
  "content-encoding": "identity",
  "cache-control": "no-cache, private",
};

export async function handleWatch(rc: RestContext): Promise<Response> {
  const { limit: _l, continue: _c, resourceVersionMatch: _m, ...selection } = listRequest(rc);
  const q = rc.query;
  const req: WatchRequest = {
    ...selection,
    allowWatchBookmarks: q.get("allowWatchBookmarks") === "true",
    sendInitialEvents: q.get("sendInitialEvents") === "true",
    apiVersion: apiVersionOf(rc.def),
    kind: rc.def.kind,
  };
  const timeout = Number(q.get("timeoutSeconds"));
  if (timeout > 0) req.timeoutSeconds = timeout;
  const upstream = await rc.storage.watch(req);
  if (!upstream.ok || !upstream.body) return upstream;
  const passThrough = rc.format.as === "object" && !rc.format.yaml && !rc.def.convert;
  const body = passThrough ? upstream.body : upstream.body.pipeThrough(eventTransformer(rc));
  return new Response(body, { headers: STREAM_HEADERS });
}

/** Re-renders each event's object in the negotiated form; a Table carries column headers once. */
function eventTransformer(rc: RestContext): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = "";
  let first = true;
  const convert = (line: string): string => {
    if (!line.trim()) return "\n";
    const event = JSON.parse(line) as { type: string; object: KubeObject };
    if (event.type === "ERROR" || event.type === "BOOKMARK") return `${line}\n`;
    const object = transformObject(rc, event.object, !first);
    first = false;
    return `${JSON.stringify({ type: event.type, object })}\n`;
  };
  return new TransformStream({
    transform(chunk, controller) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      if (lines.length) controller.enqueue(encoder.encode(lines.map(convert).join("")));
    },
    flush(controller) {
      if (pending) controller.enqueue(encoder.encode(convert(pending)));
    },
  });
}
