import type { MiddlewareHandler } from "hono";
import { errors } from "../api/errors";

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

export interface AuthnOptions {
  /** Reads the admin token per request: it is a binding, so it can change without a rebuild. */
  adminToken: (env: { ADMIN_TOKEN?: string }) => string | undefined;
}

const ADMIN: UserInfo = { username: "kubernetes-admin", groups: ["system:masters", "system:authenticated"] };

/** Bearer-token authentication. Later authenticators (SA tokens, OIDC, bootstrap) join this chain. */
export function createAuthn(opts: AuthnOptions): MiddlewareHandler<{ Bindings: { ADMIN_TOKEN?: string }; Variables: { user: UserInfo } }> {
  return async function authenticate(c, next) {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const admin = opts.adminToken(c.env);
    if (!match || !admin || !timingSafeEqual(match[1], admin)) throw errors.unauthorized();
    c.set("user", ADMIN);
    await next();
  };
}

function timingSafeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
