import type { FieldError } from "../errors";
import type { KubeObject } from "../object";
import type { Schema, SchemaSource } from "../schema/types";

export type Verb = "create" | "delete" | "deletecollection" | "get" | "list" | "patch" | "update" | "watch";

/** One printed column, as in a meta.k8s.io Table's columnDefinitions plus how to compute its cell. */
export interface ColumnDef {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date";
  format?: string;
  description: string;
  /** 0 = always shown; 1 = only with `-o wide`. */
  priority: number;
  cell: (obj: KubeObject, now: Date) => unknown;
}

/** Per-kind behaviour, after kube-apiserver's rest strategies. Every hook is optional. */
export interface Strategy {
  /** Fill in defaults (mutates), as upstream's SetDefaults_* functions. Runs on create and update. */
  defaults?(obj: KubeObject): void;
  /** Clear what a create may not set (e.g. status) — runs before validation. */
  prepareForCreate?(obj: KubeObject): void;
  /** Carry over what an update may not change (e.g. status through the main resource). */
  prepareForUpdate?(obj: KubeObject, old: KubeObject): void;
  validate?(obj: KubeObject): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
}

/** A row of the registry: everything the generic REST handler needs to serve one resource. */
export interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  /** e.g. "pods". */
  plural: string;
  singular: string;
  namespaced: boolean;
  verbs: Verb[];
  shortNames?: string[];
  categories?: string[];
  /** `status` subresource: the main resource ignores status changes, /status ignores everything else. */
  status?: boolean;
  /** Keep a status sent on create (nodes register with theirs); other kinds start with none. */
  statusOnCreate?: boolean;
  /** `scale` subresource: where replicas live in spec and status, and the status label selector. */
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  /** Whether metadata.generation follows spec changes (kinds with a spec). */
  generation?: boolean;
  /** Field selectors beyond metadata.name/metadata.namespace, as upstream's GetAttrs. */
  fieldSelectors?: Record<string, (obj: KubeObject) => string | undefined>;
  columns?: ColumnDef[];
  strategy?: Strategy;
  /** Versions of one resource share a store: the group/resource whose store holds the objects. */
  storageResource?: string;
  /** The kind's structural schema (and where its $refs resolve): drives patches, apply, field validation. */
  schema?: { root: Schema; source: SchemaSource };
  /** Whether strategic merge patch applies (built-ins); custom resources take merge patches only. */
  strategicMerge?: boolean;
  /** For a version that is not the stored one: how its objects map to and from the stored form. */
  convert?: { toStorage(obj: KubeObject): KubeObject; fromStorage(obj: KubeObject): KubeObject };
}
