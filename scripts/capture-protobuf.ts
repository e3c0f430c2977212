// Records the request bodies real kubectl sends for its protobuf-speaking commands, as fixtures for
// test/unit/protobuf. A tiny fake API server answers discovery and a few GETs; each case runs under
// kubectl 1.32 (protobuf body → <name>.bin) and 1.31 (JSON body of the same object → <name>.json).
//
//   npx tsx scripts/capture-protobuf.ts

import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { decodeProtobufObject } from "../src/api/protobuf";

const run = promisify(execFile);
const OUT = join(import.meta.dirname, "../test/fixtures/protobuf");
const KUBECTL = (v: string) => `/usr/lib/google-cloud-sdk/bin/kubectl.1.${v}`;
const tmp = mkdtempSync(join(tmpdir(), "capture-protobuf-"));

// name, kubectl arguments ($TMP: the input files' directory), kubectl minor version (default 32); `twin`
// is where the JSON twin comes from: kubectl 1.31's request by default, or the same kubectl's client-side
// dry run when no JSON-speaking kubectl sends that object (autoscaling/v2).
interface Case {
  name: string;
  args: string[];
  version?: string;
  twin?: "dry-run";
}
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(OUT, name), "utf8"));
const CASES = fixture("cases.json") as Case[];
// group/version → [resource, kind, namespaced]; objects the commands GET first (autoscale, job --from,
// certificate approve) by path.
const RESOURCES = fixture("discovery.json") as Record<string, [string, string, boolean][]>;
const CANNED = fixture("canned.json") as Record<string, unknown>;

interface Write {
  method: string;
  path: string;
  contentType: string;
  body: Uint8Array;
}
let writes: Write[] = [];

function serve(req: IncomingMessage, res: ServerResponse, body: Uint8Array): void {
  const url = new URL(req.url ?? "/", "http://x");
  const send = (code: number, obj: unknown) => {
    res.writeHead(code, { "Content-Type": "application/json" });
    res.end(JSON.stringify(obj));
  };
  const p = url.pathname;
  if (p === "/version") return send(200, { major: "1", minor: "32", gitVersion: "v1.32.0", platform: "linux/amd64" });
  if (p === "/api") return send(200, { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] });
  if (p === "/apis") return send(200, apiGroupList());
  const gv = Object.keys(RESOURCES).find((v) => p === (v === "v1" ? "/api/v1" : `/apis/${v}`));
  if (gv) return send(200, resourceList(gv));
  if (req.method === "GET") {
    const canned = CANNED[p];
    return canned ? send(200, canned) : send(404, { kind: "Status", apiVersion: "v1", status: "Failure", code: 404 });
  }
  const contentType = req.headers["content-type"] ?? "";
  writes.push({ method: req.method ?? "", path: p, contentType, body });
  send(req.method === "POST" ? 201 : 200, reply(p, contentType, body));
}

// A plausible answer: the object itself with server-set metadata, plus a status for reviews.
function reply(path: string, contentType: string, body: Uint8Array): Record<string, unknown> {
  let obj: Record<string, any>;
  try {
    obj = contentType.includes("protobuf") ? decodeProtobufObject(body) : JSON.parse(new TextDecoder().decode(body));
  } catch (e) {
    console.error(`  (could not decode ${path}: ${(e as Error).message})`);
    obj = { metadata: { name: path.split("/").pop() } };
  }
  const ns = /\/namespaces\/([^/]+)\//.exec(path)?.[1];
  obj.metadata = { ...obj.metadata, uid: "0b3c8f52-0000-4000-8000-000000000001", resourceVersion: "1" };
  if (ns) obj.metadata.namespace = ns;
  obj.metadata.creationTimestamp = "2024-01-02T03:04:05Z";
  const status = reviewStatus(obj.kind as string | undefined);
  return status ? { ...obj, status } : obj;
}

// What the reviews' answers would carry; kubectl prints from these.
function reviewStatus(kind: string | undefined): Record<string, unknown> | undefined {
  switch (kind) {
    case "SelfSubjectAccessReview":
      return { allowed: true };
    case "SelfSubjectRulesReview":
      return { resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], incomplete: false };
    case "SelfSubjectReview":
      return { userInfo: { username: "capture-user", uid: "1", groups: ["system:masters", "system:authenticated"] } };
    case "TokenRequest":
      return { token: "capture.token.value", expirationTimestamp: "2030-01-01T00:00:00Z" };
  }
  return undefined;
}

function apiGroupList() {
  const groups = new Map<string, string[]>();
  for (const gv of Object.keys(RESOURCES).filter((v) => v.includes("/"))) {
    const [g, v] = gv.split("/");
    groups.set(g, [...(groups.get(g) ?? []), v]);
  }
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: [...groups].map(([name, versions]) => ({
      name,
      versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
      // The last listed version is preferred (autoscaling/v2, as on a real 1.32 server).
      preferredVersion: { groupVersion: `${name}/${versions.at(-1)}`, version: versions.at(-1) },
    })),
  };
}

function resourceList(gv: string) {
  const verbs = ["create", "delete", "get", "list", "patch", "update", "watch"];
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: gv,
    resources: RESOURCES[gv].map(([name, kind, namespaced]) => ({
      name,
      singularName: name.includes("/") ? "" : kind.toLowerCase(),
      namespaced,
      kind,
      verbs: name.includes("/") ? ["create", "get", "update"] : verbs,
    })),
  };
}

async function kubectl(version: string, args: string[], port: number): Promise<string> {
  const kubeconfig = join(tmp, "kubeconfig");
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: "c", cluster: { server: `http://127.0.0.1:${port}` } }],
      users: [{ name: "u", user: { token: "capture-token" } }],
      contexts: [{ name: "x", context: { cluster: "c", user: "u", namespace: "default" } }],
      "current-context": "x",
    }),
  );
  const expanded = args.map((a) => a.replaceAll("$TMP", tmp));
  const cacheDir = join(tmp, `cache-${version}`);
  const { stdout } = await run(KUBECTL(version), ["--kubeconfig", kubeconfig, "--cache-dir", cacheDir, ...expanded], {
    cwd: tmp,
    env: { PATH: process.env.PATH ?? "", HOME: tmp },
  });
  return stdout;
}

async function makeInputs(): Promise<void> {
  // A throwaway key and certificate for `create secret tls`, and a small binary file for binaryData.
  writeFileSync(join(tmp, "blob.bin"), Uint8Array.from([0, 1, 2, 0xfe, 0xff, 0x80, 10]));
  writeFileSync(join(tmp, "app.properties"), "color=blue\nsize=3\n");
  writeFileSync(join(tmp, "app.env"), "# comment\nA=1\nB=two words\n");
  mkdirSync(join(tmp, "conf"), { recursive: true });
  writeFileSync(join(tmp, "conf", "one.txt"), "1\n");
  writeFileSync(join(tmp, "conf", "two.txt"), "2\n");
  const ssl = "req -x509 -newkey rsa:2048 -nodes -keyout tls.key -out tls.crt -days 3650 -subj /CN=capture.example";
  await run("openssl", ssl.split(" "), { cwd: tmp });
}

async function main(): Promise<void> {
  await makeInputs();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => serve(req, res, new Uint8Array(Buffer.concat(chunks))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  let failed = 0;
  for (const c of CASES) {
    try {
      writes = [];
      await kubectl(c.version ?? "32", c.args, port);
      const bin = only(writes, c.name, "protobuf");
      writeFileSync(join(OUT, `${c.name}.bin`), bin.body);
      writes = [];
      let twin: unknown;
      if (c.twin === "dry-run") {
        twin = JSON.parse(await kubectl(c.version ?? "32", withFlags(c.args, "--dry-run=client", "-o", "json"), port));
      } else {
        await kubectl("31", c.args, port);
        twin = JSON.parse(new TextDecoder().decode(only(writes, c.name, "json").body));
      }
      writeFileSync(join(OUT, `${c.name}.json`), JSON.stringify(twin, null, 2) + "\n");
      console.log(`ok   ${c.name}  ${bin.method} ${bin.path}  ${bin.body.length} bytes`);
    } catch (e) {
      failed++;
      console.error(`FAIL ${c.name}: ${(e as Error).message}`);
    }
  }
  server.close();
  rmSync(tmp, { recursive: true, force: true });
  console.log(`${CASES.length - failed}/${CASES.length} captured into ${OUT}`);
  process.exitCode = failed ? 1 : 0;
}

// Command flags go before a `--` that starts the container command.
function withFlags(args: string[], ...flags: string[]): string[] {
  const end = args.includes("--") ? args.indexOf("--") : args.length;
  return [...args.slice(0, end), ...flags, ...args.slice(end)];
}

function only(list: Write[], name: string, kind: "protobuf" | "json"): Write {
  if (list.length !== 1) throw new Error(`${name}: expected one write, saw ${list.length}`);
  if (!list[0].contentType.includes(kind)) throw new Error(`${name}: expected ${kind}, got ${list[0].contentType}`);
  return list[0];
}

await main();
