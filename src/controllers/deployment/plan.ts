// The working state of one deployment reconcile. Upstream writes each step to the API and lets the
// resulting watch events drive the next sync; here every step edits private copies of the replica
// sets and the deployment, and the writes fall out at the end — one per object, in the order the
// objects were first touched — so applying them leaves nothing for the next pass to do.

import type { KubeObject } from "../../api/object";
import { timestamp } from "../../api/registry/generic";
import { eventAction, type Action, type Cache, type Result } from "../types";
import { semanticJSON, specReplicas } from "./controller-utils";
import type { DeploymentStatus } from "./conditions";
import { Annotation, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from "./revision";
import { COMPONENT, maxSurge } from "./util";

const RS = "replicasets.apps";

export class Plan {
  /** The deployment as this reconcile means to leave it (annotations and status). */
  readonly d: KubeObject;
  /** Replica sets this deployment controls, as working copies (including ones to create). */
  readonly rsList: KubeObject[] = [];
  /** Adoption and release patches, which go first. */
  readonly claims: Action[] = [];
  /** Bumped by every edit, so the caller can run passes until one changes nothing. */
  changes = 0;
  /** Set when the new replica set's name is taken by another template: nothing more this time. */
  collision = false;
  private readonly originals = new Map<KubeObject, KubeObject>();
  private readonly touched: KubeObject[] = [];
  private readonly deletes: Action[] = [];
  private readonly events: Action[] = [];

  constructor(
    readonly original: KubeObject,
    readonly cache: Cache,
    readonly now: Date,
  ) {
    this.d = structuredClone(original);
    this.d.status ??= {};
  }

  get status(): DeploymentStatus {
    return this.d.status;
  }

  /** Takes a cached (or just adopted) replica set into the working set. */
  add(rs: KubeObject): KubeObject {
    const copy = structuredClone(rs);
    this.originals.set(copy, rs);
    this.rsList.push(copy);
    return copy;
  }

  /** A new replica set: stamped with "now" so creation-time orderings see it as the newest. */
  create(rs: KubeObject): KubeObject {
    rs.metadata.creationTimestamp = timestamp(this.now);
    this.rsList.push(rs);
    this.touch(rs);
    return rs;
  }

  touch(rs: KubeObject): void {
    this.changes++;
    if (!this.touched.includes(rs)) this.touched.push(rs);
  }

  isNew(rs: KubeObject): boolean {
    return !this.originals.has(rs);
  }

  /** Edited in this plan: the server has not seen (let alone settled) the change yet. */
  isTouched(rs: KubeObject): boolean {
    return this.touched.includes(rs);
  }

  event(type: "Normal" | "Warning", reason: string, message: string): void {
    this.events.push(eventAction(this.original, type, reason, message, COMPONENT, this.now));
  }

  /** scaleReplicaSet: resize and stamp the desired/max annotations; true (and an event) if the size changed. */
  scale(rs: KubeObject, newScale: number, operation: string): boolean {
    const desired = specReplicas(this.d);
    const max = desired + maxSurge(this.d);
    const old = specReplicas(rs);
    const resize = old !== newScale;
    if (!resize && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
    rs.spec = { ...rs.spec, replicas: newScale };
    setReplicasAnnotations(rs, desired, max);
    this.touch(rs);
    if (resize) this.event("Normal", "ScalingReplicaSet", `Scaled ${operation} replica set ${rs.metadata.name} from ${old} to ${newScale}`);
    return resize;
  }

  /** scaleReplicaSetAndRecordEvent: the direction follows from the sizes. */
  scaleTo(rs: KubeObject, newScale: number): boolean {
    if (specReplicas(rs) === newScale) return false;
    return this.scale(rs, newScale, specReplicas(rs) < newScale ? "up" : "down");
  }

  remove(rs: KubeObject): void {
    const { namespace, name, uid } = rs.metadata;
    this.deletes.push({ verb: "delete", resource: RS, namespace, name: name!, preconditions: { uid } });
  }

  /**
   * The writes: claims, replica set creates and updates, history deletes, then the deployment's
   * status (conditional on the cached resourceVersion, so it goes before the annotation patch that
   * would change it), the revision annotation, and events.
   */
  result(status: DeploymentStatus, requeueAfter?: number): Result {
    const actions: Action[] = [...this.claims];
    for (const rs of this.touched) {
      const cached = this.originals.get(rs);
      if (!cached) {
        const object = structuredClone(rs);
        delete object.metadata.creationTimestamp;
        actions.push({ verb: "create", resource: RS, namespace: rs.metadata.namespace, object });
      } else if (semanticJSON(rs) !== semanticJSON(cached)) {
        actions.push({ verb: "update", resource: RS, object: rs });
      }
    }
    actions.push(...this.deletes);
    const { namespace, name } = this.original.metadata;
    if (semanticJSON(status) !== semanticJSON(this.original.status ?? {})) {
      actions.push({ verb: "update", resource: "deployments.apps", subresource: "status", object: { ...structuredClone(this.original), status } });
    }
    const rev = this.d.metadata.annotations?.[Annotation.revision];
    if (rev !== undefined && rev !== this.original.metadata.annotations?.[Annotation.revision]) {
      const patch = { metadata: { annotations: { [Annotation.revision]: rev } } };
      actions.push({ verb: "patch", resource: "deployments.apps", namespace, name: name!, patchType: "merge", patch });
    }
    actions.push(...this.events);
    return requeueAfter === undefined ? { actions } : { actions, requeueAfter };
  }
}
