import { exports } from "cloudflare:workers";

export const TOKEN = "test-admin-token";

/** Calls the worker as a client would, with the admin token. */
export async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${TOKEN}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  return (exports as unknown as { default: Fetcher }).default.fetch(`http://kubeflare.test${path}`, init);
}

export async function apiJson<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await api(method, path, body, headers);
  return { status: res.status, body: (await res.json()) as T };
}

/** Reads newline-delimited watch events until `count` arrive (heartbeat lines skipped). */
export async function readEvents(res: Response, count: number, timeoutMs = 5000): Promise<any[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: any[] = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  while (events.length < count) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([
      reader.read(),
      new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), left)),
    ]);
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line));
  }
  await reader.cancel().catch(() => {});
  return events;
}
