import type { Registry } from "../../api/registry/registry";
import type { ResourceDef } from "../../api/registry/types";
import type { Env } from "../env";
import type { OutputFormat } from "../negotiate";
import type { ResourceRequest } from "../request-info";
import type { ResourceStorage } from "../storage";
import type { UserInfo } from "../authn";

/** Everything a verb handler needs about one resource request. */
export interface RestContext {
  env: Env;
  exec: ExecutionContext;
  registry: Registry;
  def: ResourceDef;
  info: ResourceRequest;
  storage: ResourceStorage;
  query: URLSearchParams;
  user: UserInfo;
  format: OutputFormat;
  dryRun: boolean;
  now: () => Date;
  /** Who this write's fields belong to (managedFields). */
  fieldManager: string;
  /** Sent back as `Warning: 299 - "…"` headers (kubectl prints them). */
  warnings: string[];
}
