import type { KubeObject } from "../../api/object";
import type { ResourceDef } from "../../api/registry/types";
import type { UserInfo } from "../authn";
import type { Env } from "../env";

export type Operation = "CREATE" | "UPDATE" | "DELETE";

export interface AdmissionRequest {
  operation: Operation;
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
  object?: KubeObject;
  oldObject?: KubeObject;
  user: UserInfo;
  dryRun: boolean;
  env: Env;
}

/**
 * An admission plugin, as upstream: `mutate` may change the object; `validate` may only refuse, by
 * throwing a StatusError. Mutating plugins all run before validating ones.
 */
export interface AdmissionPlugin {
  name: string;
  mutate?(req: AdmissionRequest): Promise<void>;
  validate?(req: AdmissionRequest): Promise<void>;
}

export async function mutate(plugins: AdmissionPlugin[], req: AdmissionRequest): Promise<void> {
  for (const p of plugins) await p.mutate?.(req);
}

export async function validate(plugins: AdmissionPlugin[], req: AdmissionRequest): Promise<void> {
  for (const p of plugins) await p.validate?.(req);
}
