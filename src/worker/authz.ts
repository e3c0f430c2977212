import type { MiddlewareHandler } from "hono";
import { errors } from "../api/errors";
import type { UserInfo } from "./authn";

/**
 * The authorization slot. Every authenticated user may do everything until the RBAC authorizer
 * lands here; the chain shape (and the Forbidden it throws) is already the final one.
 */
export function createAuthz(): MiddlewareHandler<{ Variables: { user: UserInfo } }> {
  return async function authorize(c, next) {
    if (!c.get("user")) throw errors.forbidden("forbidden: no user");
    await next();
  };
}
