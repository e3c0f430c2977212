// The status kube-apiserver keeps on a CustomResourceDefinition, as a pure function of the CRD,
// the names other CRDs of its group have already claimed, and the clock. Upstream gets there in
// steps (the naming controller accepts names and sets Established=False/Installing, then the
// establishing controller flips it to True); we compute the settled result at once.
import type { KubeObject } from "../object";
import { timestamp } from "../registry/generic";

type Obj = Record<string, any>;

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** Names claimed by the other CRDs of the same group (their accepted names). */
export interface TakenNames {
  /** plurals, singulars and short names */
  resources: Set<string>;
  /** kinds and list kinds */
  kinds: Set<string>;
}

export interface CRDStatus {
  acceptedNames: Obj;
  conditions: Condition[];
  storedVersions: string[];
}

/** spec.names with apiextensions' defaults: singular = lowercase kind, listKind = kind + "List". */
export function requestedNames(crd: KubeObject): Obj {
  const names: Obj = { ...(crd.spec?.names ?? {}) };
  const kind = typeof names.kind === "string" ? names.kind : "";
  if (!names.singular && kind) names.singular = kind.toLowerCase();
  if (!names.listKind && kind) names.listKind = `${kind}List`;
  return names;
}

/** A name the CRD may take: already its own, or claimed by no one else. */
function conflict(requested: string | undefined, accepted: string | undefined, taken: Set<string>): string | undefined {
  if (!requested || requested === accepted || !taken.has(requested)) return undefined;
  return `"${requested}" is already in use`;
}

interface Naming {
  names: Obj;
  reason?: string;
  message?: string;
}

/** The naming controller's calculateNamesAndConditions: accept what does not conflict. */
function acceptNames(requested: Obj, accepted: Obj, taken: TakenNames): Naming {
  const out: Naming = { names: { ...accepted } };
  const fail = (reason: string, message: string) => Object.assign(out, { reason, message });
  const single = (key: string, set: Set<string>, reason: string) => {
    const why = conflict(requested[key], accepted[key], set);
    if (why) fail(reason, why);
    else if (requested[key] !== undefined) out.names[key] = requested[key];
  };
  single("plural", taken.resources, "PluralConflict");
  single("singular", taken.resources, "SingularConflict");
  const wanted: string[] = requested.shortNames ?? [];
  const mine = new Set<string>(accepted.shortNames ?? []);
  const shortErrs = wanted.filter((s) => !mine.has(s)).map((s) => conflict(s, "", taken.resources)).filter((e): e is string => !!e);
  if (shortErrs.length) fail("ShortNamesConflict", shortErrs.length === 1 ? shortErrs[0]! : `[${shortErrs.join(", ")}]`);
  else if (wanted.length) out.names.shortNames = wanted;
  else delete out.names.shortNames;
  single("kind", taken.kinds, "KindConflict");
  single("listKind", taken.kinds, "ListKindConflict");
  if (requested.categories) out.names.categories = requested.categories;
  else delete out.names.categories;
  return out;
}

/** A condition, keeping the old transition time while the status stays the same. */
function condition(prev: Condition[], type: string, status: Condition["status"], reason: string, message: string, now: Date): Condition {
  const old = prev.find((c) => c.type === type);
  const lastTransitionTime = old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : timestamp(now);
  return { type, status, lastTransitionTime, reason, message };
}

/** The storage version is recorded in storedVersions as soon as it is one (never removed here). */
function storedVersions(crd: KubeObject): string[] {
  const stored: string[] = Array.isArray(crd.status?.storedVersions) ? [...crd.status.storedVersions] : [];
  const storage = (crd.spec?.versions ?? []).find((v: Obj) => v?.storage === true)?.name;
  if (storage && !stored.includes(storage)) stored.push(storage);
  return stored;
}

/** The status the API server settles on for `crd`, given the names its group's other CRDs hold. */
export function crdStatus(crd: KubeObject, now: Date, taken: TakenNames = { resources: new Set(), kinds: new Set() }): CRDStatus {
  const prev: Condition[] = Array.isArray(crd.status?.conditions) ? crd.status.conditions : [];
  const naming = acceptNames(requestedNames(crd), crd.status?.acceptedNames ?? {}, taken);
  const wasEstablished = prev.some((c) => c.type === "Established" && c.status === "True");
  const namesAccepted = naming.reason
    ? condition(prev, "NamesAccepted", "False", naming.reason, naming.message!, now)
    : condition(prev, "NamesAccepted", "True", "NoConflicts", "no conflicts found", now);
  // Once established a CRD stays so (its served names do not go away); until then it needs its names.
  const established =
    wasEstablished || !naming.reason
      ? prev.find((c) => c.type === "Established" && c.status === "True") ??
        condition(prev, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted", now)
      : condition(prev, "Established", "False", "NotAccepted", "not all names are accepted", now);
  const others = prev.filter((c) => c.type !== "NamesAccepted" && c.type !== "Established");
  return { acceptedNames: naming.names, conditions: [namesAccepted, established, ...others], storedVersions: storedVersions(crd) };
}
