import { StatusError, errors } from "../../api/errors";
import { isObject, type KubeObject } from "../../api/object";
import { timestamp } from "../../api/registry/generic";
import { json } from "../respond";
import type { RestContext } from "./context";
import { readTyped } from "./decode";
import { recordUpdate } from "./managed-fields";

/** Sets the node and the PodScheduled condition, as upstream's binding storage does. */
function bind(pod: KubeObject, node: string, now: Date): KubeObject {
  const next = structuredClone(pod);
  next.spec = { ...next.spec, nodeName: node };
  const conditions = (next.status?.conditions ?? []).filter((c: { type: string }) => c.type !== "PodScheduled");
  conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: timestamp(now) });
  next.status = { ...next.status, conditions };
  return next;
}

/** POST pods/<name>/binding: assign a pending pod to a node (the scheduler's only write). */
export async function handleBinding(rc: RestContext, request: Request): Promise<Response> {
  const { data } = await readTyped(request, ["json", "yaml", "protobuf"]);
  const name = rc.info.name!;
  const target = isObject(data) && isObject(data.target) ? data.target : undefined;
  if (!target || typeof target.name !== "string" || !target.name) {
    throw errors.badRequest("Binding.target.name: Required value");
  }
  if (target.kind !== undefined && target.kind !== "Node") throw errors.badRequest(`Binding.target.kind: Unsupported value: "${target.kind}"`);
  let bound = false;
  for (let attempt = 0; attempt < 8 && !bound; attempt++) {
    const pod = await rc.storage.get(rc.info.namespace, name);
    if (!pod) throw errors.notFound("", "pods", name);
    if (pod.metadata.deletionTimestamp) throw new StatusError(409, "Conflict", `pod ${name} is being deleted, cannot be assigned to a host`);
    if (pod.spec?.nodeName) {
      throw errors.conflict("", "pods/binding", name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
    }
    const next = bind(pod, target.name as string, rc.now());
    recordUpdate(rc, next, pod);
    if (rc.dryRun) return success();
    const written = await rc.storage.update(next, Number(pod.metadata.resourceVersion));
    if (!written.ok && written.reason === "NotFound") throw errors.notFound("", "pods", name);
    bound = written.ok;
  }
  if (!bound) throw errors.conflict("", "pods/binding", name, "the object has been modified; please apply your changes to the latest version and try again");
  return success();
}

function success(): Response {
  return json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 }, 201);
}
