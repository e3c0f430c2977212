import { errors, invalid } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { canonical, prepareCreate, prepareFinalizeUpdate, prepareStatusUpdate, prepareUpdate, sameContent } from "../../api/registry/generic";
import { apiVersionOf } from "../../api/registry/registry";
import * as admission from "../admission/chain";
import { admissionPlugins } from "../admission";
import type { RestContext } from "./context";
import { validateCreate, validateUpdate } from "./validate";
import { checkUnknownFields } from "./fields";
import { recordUpdate } from "./managed-fields";

const GENERATE_ATTEMPTS = 8;
const UPDATE_ATTEMPTS = 8;
const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return Array.from(bytes, (b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join("");
}

/** Served object → stored form (only versions that are not the storage version convert). */
function toStorage(rc: RestContext, obj: KubeObject): KubeObject {
  return rc.def.convert ? rc.def.convert.toStorage(obj) : obj;
}

function admissionRequest(rc: RestContext, operation: admission.Operation, object?: KubeObject, oldObject?: KubeObject) {
  return {
    operation,
    def: rc.def,
    namespace: rc.info.namespace,
    name: object?.metadata.name ?? rc.info.name,
    subresource: rc.info.subresource,
    object,
    oldObject,
    user: rc.user,
    dryRun: rc.dryRun,
    env: rc.env,
  };
}

/**
 * The create path every writer shares: unknown fields, defaults, strategy, admission, validation,
 * managedFields, store. `applied` means server-side apply already set managedFields.
 */
export async function createObject(rc: RestContext, body: KubeObject, opts: { applied?: boolean } = {}): Promise<KubeObject> {
  const input = checkUnknownFields(rc, body);
  const generate = !input.metadata.name && !!input.metadata.generateName;
  if (input.metadata.resourceVersion) throw errors.badRequest("resourceVersion should not be set on objects to be created");
  for (let attempt = 0; attempt < GENERATE_ATTEMPTS; attempt++) {
    const obj = structuredClone(input);
    if (generate) obj.metadata.name = `${obj.metadata.generateName}${randomSuffix()}`;
    rc.def.strategy?.defaults?.(obj);
    prepareCreate(rc.def, obj, crypto.randomUUID(), rc.now());
    const req = admissionRequest(rc, "CREATE", obj);
    await admission.mutate(admissionPlugins, req);
    const causes = validateCreate(rc.def, obj);
    if (causes.length) throw invalid(rc.def.group, rc.def.kind, obj.metadata.name ?? "", causes);
    await admission.validate(admissionPlugins, req);
    if (!opts.applied) recordUpdate(rc, obj, undefined);
    if (rc.dryRun) return obj;
    const stored = toStorage(rc, obj);
    const written = await rc.storage.create(stored);
    if (written.ok) return written.object;
    if (!generate) throw errors.alreadyExists(rc.def.group, rc.def.plural, obj.metadata.name!);
  }
  throw errors.timeout(`could not generate a unique name for ${rc.def.plural} from "${input.metadata.generateName}"`);
}

export type Mutation = (current: KubeObject) => KubeObject | Promise<KubeObject>;

/**
 * The update path every writer shares (PUT, PATCH, /status, finalizer removal): re-read, mutate,
 * check, and compare-and-swap; a lost race retries unless the client pinned a resourceVersion.
 */
export async function updateObject(rc: RestContext, name: string, mutation: Mutation, opts: { applied?: boolean } = {}): Promise<KubeObject> {
  const { def } = rc;
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const current = await rc.storage.get(rc.info.namespace, name);
    if (!current) throw errors.notFound(def.group, def.plural, name);
    rc.warnings.length = 0;
    let next = toStorage(rc, checkUnknownFields(rc, await mutation(structuredClone(current))));
    const pinned = next.metadata.resourceVersion;
    if (pinned && pinned !== current.metadata.resourceVersion) throw conflict(rc, name);
    next.apiVersion = current.apiVersion ?? apiVersionOf(def);
    next.kind = def.kind;
    if (rc.info.subresource === "status") next = prepareStatusUpdate(next, current);
    else if (rc.info.subresource === "finalize") next = prepareFinalizeUpdate(next, current);
    else {
      def.strategy?.defaults?.(next);
      prepareUpdate(def, next, current);
    }
    const req = admissionRequest(rc, "UPDATE", next, current);
    await admission.mutate(admissionPlugins, req);
    const causes = validateUpdate(def, next, current);
    if (causes.length) throw invalid(def.group, def.kind, name, causes);
    await admission.validate(admissionPlugins, req);
    const finished = !!next.metadata.deletionTimestamp && !next.metadata.finalizers?.length && !pendingSpecFinalizers(next);
    if (!finished && sameContent(next, current) && (!opts.applied || sameOwners(next, current))) return current;
    if (!opts.applied) recordUpdate(rc, next, current);
    if (rc.dryRun) return next;
    const expected = Number(current.metadata.resourceVersion);
    const written = finished ? await rc.storage.delete(next, expected) : await rc.storage.update(next, expected);
    if (written.ok) return written.object;
    if (written.reason === "NotFound") throw errors.notFound(def.group, def.plural, name);
    if (pinned) throw conflict(rc, name);
  }
  throw conflict(rc, name);
}

/** Whether two objects' managedFields differ only in timestamps (an apply that changed nothing). */
function sameOwners(a: KubeObject, b: KubeObject): boolean {
  const owners = (o: KubeObject) => (o.metadata.managedFields ?? []).map((e) => ({ ...(e as object), time: undefined }));
  return canonical(owners(a)) === canonical(owners(b));
}

/** Namespaces also wait for `spec.finalizers` (the namespace controller's "kubernetes"). */
export function pendingSpecFinalizers(obj: KubeObject): boolean {
  return obj.kind === "Namespace" && Array.isArray(obj.spec?.finalizers) && obj.spec.finalizers.length > 0;
}

export function conflict(rc: RestContext, name: string) {
  return errors.conflict(
    rc.def.group,
    rc.def.plural,
    name,
    "the object has been modified; please apply your changes to the latest version and try again",
  );
}
