import { Hono } from "hono";
import { StatusError, errors } from "../api/errors";
import {
  AGGREGATED_V2,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  wantsAggregated,
} from "../api/discovery";
import { openapiGroupVersion, openapiRoot, openapiV2 } from "../api/openapi/v3";
import { createAuthn, type UserInfo } from "./authn";
import { createAuthz } from "./authz";
import { ensureBootstrapped } from "./bootstrap";
import type { Env } from "./env";
import { builtinRegistry, currentRegistry } from "./registry";
import { requestInfo } from "./request-info";
import { json } from "./respond";
import { dispatch, notFoundPath, restContext } from "./rest/dispatch";
import { VERSION } from "./version";

export type AppEnv = { Bindings: Env; Variables: { user: UserInfo } };

const HEALTH_CHECKS = ["ping", "log", "etcd", "poststarthook/start-apiextensions-controllers"];

function health(name: string, verbose: boolean): Response {
  if (!verbose) return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
  const lines = HEALTH_CHECKS.map((c) => `[+]${c} ok`).join("\n");
  return new Response(`${lines}\n${name} check passed\n`, { headers: { "content-type": "text/plain; charset=utf-8" } });
}

export function createApp() {
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    if (err instanceof StatusError) return json(err.toStatus(), err.code);
    console.error("internal error:", err);
    const e = errors.internal(err instanceof Error ? err.message : String(err));
    return json(e.toStatus(), 500);
  });
  app.notFound(() => json(notFoundPath().toStatus(), 404));

  // Public, as upstream's system:public-info-viewer role allows.
  app.get("/version", (c) => c.json(VERSION));
  for (const name of ["healthz", "livez", "readyz"]) {
    app.get(`/${name}`, (c) => health(name, c.req.query("verbose") !== undefined));
  }

  app.use("*", createAuthn({ adminToken: (env) => env.ADMIN_TOKEN }));
  app.use("*", createAuthz());
  app.use("*", async (c, next) => {
    await ensureBootstrapped(c.env, c.executionCtx, builtinRegistry);
    await next();
  });

  const discovery = (body: unknown, aggregated: boolean) =>
    json(body, 200, aggregated ? { "content-type": AGGREGATED_V2, vary: "Accept" } : { vary: "Accept" });

  app.get("/api", async (c) => {
    const registry = await currentRegistry(c.env);
    const aggregated = wantsAggregated(c.req.header("accept") ?? null);
    return discovery(aggregated ? aggregatedDiscovery(registry, true) : apiVersions(new URL(c.req.url).host), aggregated);
  });
  app.get("/apis", async (c) => {
    const registry = await currentRegistry(c.env);
    const aggregated = wantsAggregated(c.req.header("accept") ?? null);
    return discovery(aggregated ? aggregatedDiscovery(registry, false) : apiGroupList(registry), aggregated);
  });
  app.get("/api/v1", () => json(apiResourceList(builtinRegistry, "", "v1")));
  app.get("/apis/:group", async (c) => {
    const registry = await currentRegistry(c.env);
    const group = c.req.param("group");
    if (!registry.group(group)) throw notFoundPath();
    return json(apiGroup(registry, group));
  });
  app.get("/apis/:group/:version", async (c) => {
    const registry = await currentRegistry(c.env);
    const { group, version } = c.req.param();
    if (!registry.group(group)?.versions.includes(version)) throw notFoundPath();
    return json(apiResourceList(registry, group, version));
  });

  app.get("/openapi/v2", async (c) => {
    // kubectl asks for the protobuf form only; we offer JSON, so it falls back to other sources.
    const accept = c.req.header("accept") ?? "application/json";
    if (!/application\/json|\*\/\*/.test(accept)) throw errors.notAcceptable("only application/json is offered for /openapi/v2");
    return json(openapiV2(await currentRegistry(c.env)));
  });
  app.get("/openapi/v3", async (c) => json(openapiRoot(await currentRegistry(c.env))));
  app.get("/openapi/v3/*", async (c) => {
    const registry = await currentRegistry(c.env);
    const parts = new URL(c.req.url).pathname.split("/").slice(3);
    const [group, version] = parts[0] === "api" && parts.length === 2 ? ["", parts[1]] : parts[0] === "apis" && parts.length === 3 ? [parts[1], parts[2]] : [];
    if (version === undefined || !registry.group(group!)?.versions.includes(version)) throw notFoundPath();
    return json(openapiGroupVersion(registry, group!, version), 200, { "cache-control": "public, immutable" });
  });

  const resources = async (c: { req: { raw: Request }; env: Env; executionCtx: ExecutionContext; get: (k: "user") => UserInfo }) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    let info;
    try {
      info = requestInfo(request.method, url);
    } catch {
      throw errors.badRequest(`the request path is not valid: ${url.pathname}`);
    }
    if (!info.isResource) throw notFoundPath();
    let registry = await currentRegistry(c.env);
    // A resource we do not know may belong to a CRD created since the registry was cached.
    if (!registry.get(info.group, info.version, info.resource)) registry = await currentRegistry(c.env, 0);
    const def = registry.get(info.group, info.version, info.resource);
    if (!def) throw notFoundPath();
    const headers = request.headers;
    const rc = restContext(c.env, c.executionCtx, registry, def, info, c.get("user"), url.searchParams, headers.get("accept"), headers.get("user-agent"));
    return dispatch(rc, request);
  };
  app.all("/api/*", resources);
  app.all("/apis/*", resources);
  return app;
}
