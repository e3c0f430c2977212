import { decideEviction } from "../../api/admission/eviction";
import { StatusError, errors } from "../../api/errors";
import { isObject, type KubeObject } from "../../api/object";
import { builtinRegistry } from "../registry";
import { json } from "../respond";
import { ResourceStorage } from "../storage";
import type { RestContext } from "./context";
import { readTyped } from "./decode";
import { deleteObject } from "./delete";

const ATTEMPTS = 20;

/** POST pods/<name>/eviction (policy/v1 Eviction): delete the pod unless a PodDisruptionBudget forbids it. */
export async function handleEviction(rc: RestContext, request: Request): Promise<Response> {
  const { data } = await readTyped(request, ["json", "yaml", "protobuf"]);
  const name = rc.info.name!;
  const evictionName = isObject(data) && isObject(data.metadata) ? data.metadata.name : undefined;
  if (evictionName && evictionName !== name) throw errors.badRequest("name in URL does not match name in Eviction object");
  const deleteOptions = isObject(data) && isObject(data.deleteOptions) ? data.deleteOptions : {};
  const pdbStorage = new ResourceStorage(rc.env, builtinRegistry.byQualifiedName("poddisruptionbudgets.policy")!);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const pod = await rc.storage.get(rc.info.namespace, name);
    if (!pod) throw errors.notFound("", "pods", name);
    const { items: pdbs } = await pdbStorage.list(pdbStorage.selection(rc.info.namespace, {}));
    const decision = decideEviction(pod, pdbs, rc.now(), { dryRun: rc.dryRun });
    if (!decision.allow) throw decision.status;
    if (rc.dryRun) return success();
    // Spend the budgets first; a lost race means deciding again on fresh state.
    let spent = true;
    for (const pdb of decision.pdbUpdates) {
      const written = await pdbStorage.update(pdb, Number(pdb.metadata.resourceVersion));
      if (!written.ok) spent = false;
    }
    if (!spent) continue;
    const marked = await markDisruption(rc, pod, decision.podCondition);
    await deleteObject(rc, name, {
      ...(deleteOptions as object),
      preconditions: decision.preconditionResourceVersion ? { resourceVersion: marked.metadata.resourceVersion } : undefined,
    }).catch((e) => {
      if (e instanceof StatusError && e.code === 409) {
        throw new StatusError(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.", {
          retryAfterSeconds: 10,
          causes: [{ reason: "DisruptionBudget", message: "The disruption budget is still being processed by the server." }],
        });
      }
      throw e;
    });
    return success();
  }
  throw errors.timeout(`couldn't update PodDisruptionBudget due to conflicts`);
}

/** Records why the pod is going (the DisruptionTarget condition) before deleting it. */
async function markDisruption(rc: RestContext, pod: KubeObject, condition: Record<string, unknown>): Promise<KubeObject> {
  const next = structuredClone(pod);
  const conditions = (next.status?.conditions ?? []).filter((c: { type: string }) => c.type !== condition.type);
  next.status = { ...next.status, conditions: [...conditions, condition] };
  const written = await rc.storage.update(next, Number(pod.metadata.resourceVersion));
  return written.ok ? written.object : pod;
}

function success(): Response {
  return json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 }, 201);
}
