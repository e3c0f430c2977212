import { errors } from "../../api/errors";
import { isObject, type KubeObject } from "../../api/object";
import { selectorFromLabelSelector } from "../../api/selectors/labels";
import { json } from "../respond";
import type { RestContext } from "./context";
import { readTyped } from "./decode";
import { applyPatch } from "./patch";
import { getObject } from "./read";
import { updateObject } from "./write";

function at(obj: KubeObject, path: string): unknown {
  return path.split(".").filter(Boolean).reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);
}

function selectorText(obj: KubeObject): string | undefined {
  const sel = obj.spec?.selector;
  if (!isObject(sel)) return undefined;
  // ReplicationControllers select with a plain map; the apps kinds with a LabelSelector.
  const spec = "matchLabels" in sel || "matchExpressions" in sel ? sel : { matchLabels: sel };
  return selectorFromLabelSelector(spec).toString();
}

/** The autoscaling/v1 Scale view of an object with a scale subresource. */
function toScale(rc: RestContext, obj: KubeObject): KubeObject {
  const scale = rc.def.scale!;
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  const status: Record<string, unknown> = { replicas: at(obj, scale.statusReplicasPath) ?? 0 };
  const selector = selectorText(obj);
  if (selector) status.selector = selector;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: at(obj, scale.specReplicasPath) ?? 0 },
    status,
  };
}

function withReplicas(rc: RestContext, obj: KubeObject, scale: unknown): KubeObject {
  if (!isObject(scale) || !isObject(scale.spec)) throw errors.badRequest("a Scale needs a spec");
  const replicas = scale.spec.replicas;
  if (!Number.isInteger(replicas) || (replicas as number) < 0) {
    throw errors.badRequest(`Scale.autoscaling "${obj.metadata.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`);
  }
  const [, ...path] = rc.def.scale!.specReplicasPath.split(".");
  let target: Record<string, unknown> = obj;
  for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[path[path.length - 1]] = replicas;
  return obj;
}

export async function handleScale(rc: RestContext, request: Request): Promise<Response> {
  if (rc.info.verb === "get") return json(toScale(rc, await getObject(rc)));
  const { kind, data } = await readTyped(
    request,
    rc.info.verb === "update" ? ["json", "yaml", "protobuf"] : ["merge-patch", "json-patch", "strategic-merge-patch"],
  );
  const meta = isObject(data) && isObject(data.metadata) ? data.metadata : undefined;
  const requested = typeof meta?.resourceVersion === "string" && meta.resourceVersion ? meta.resourceVersion : undefined;
  const updated = await updateObject(rc, rc.info.name!, (current) => {
    const scale = rc.info.verb === "update" ? data : applyPatch({ strategicMerge: true }, kind, toScale(rc, current), data);
    return withReplicas(rc, current, scale);
  }, { resourceVersion: requested });
  return json(toScale(rc, updated));
}
