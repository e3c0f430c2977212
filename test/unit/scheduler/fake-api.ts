// An in-memory API for the scheduler controller: pods/binding, pods/status and events, stamping
// resourceVersions like the store does.

import { StatusError } from "../../../src/api/errors";
import type { KubeObject } from "../../../src/api/object";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import type { Executor } from "../../../src/controllers/runtime/loop";
import type { Action } from "../../../src/controllers/types";

/** The API as the scheduler sees it: pods/binding, pods/status and events. */
export class FakeApi implements Executor {
  readonly store = new MemoryCache();
  readonly actions: Action[] = [];
  rv = 100;

  put(resource: string, obj: KubeObject): KubeObject {
    const next = structuredClone(obj);
    next.metadata.resourceVersion = String(++this.rv);
    this.store.put(resource, next);
    return next;
  }

  async run(action: Action): Promise<KubeObject | undefined> {
    this.actions.push(action);
    if (action.verb === "create" && action.resource === "events") return { ...action.object, metadata: { ...action.object.metadata, name: `ev-${++this.rv}` } };
    if (action.verb === "create" && action.subresource === "binding") {
      const pod = this.store.get("pods", action.namespace, action.name!);
      if (!pod) throw new StatusError(404, "NotFound", "not found");
      if (pod.spec.nodeName) throw new StatusError(409, "Conflict", "already assigned");
      this.put("pods", { ...pod, spec: { ...pod.spec, nodeName: action.object.target.name } });
      return undefined; // a Status, like the real API
    }
    if (action.verb === "update" && action.subresource === "status") {
      const cur = this.store.get("pods", action.object.metadata.namespace, action.object.metadata.name!);
      if (cur?.metadata.resourceVersion !== action.object.metadata.resourceVersion) throw new StatusError(409, "Conflict", "conflict");
      return this.put("pods", action.object);
    }
    throw new Error(`unexpected ${action.verb} ${action.resource}`);
  }
  async get(resource: string, namespace: string | undefined, name: string) {
    return this.store.get(resource, namespace, name);
  }
  async list(resource: string) {
    return { items: this.store.list(resource), resourceVersion: String(this.rv) };
  }
}
