import type { KubeObject } from "../api/object";
import type { Cache, Resource } from "./types";

/**
 * The informer cache: objects by resource and namespace/name, plus an owner-uid index. The
 * runtime fills it from lists, store notifications and its own write results; tests fill it by hand.
 */
export class MemoryCache implements Cache {
  private readonly objects = new Map<Resource, Map<string, KubeObject>>();
  private readonly owners = new Map<string, Set<string>>();

  private bucket(resource: Resource): Map<string, KubeObject> {
    let b = this.objects.get(resource);
    if (!b) this.objects.set(resource, (b = new Map()));
    return b;
  }

  private static key(namespace: string | undefined, name: string): string {
    return namespace ? `${namespace}/${name}` : name;
  }

  get(resource: Resource, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(MemoryCache.key(namespace, name));
  }

  list(resource: Resource, namespace?: string): KubeObject[] {
    const all = [...(this.objects.get(resource)?.values() ?? [])];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  ownedBy(resource: Resource, ownerUid: string): KubeObject[] {
    const keys = this.owners.get(`${resource}|${ownerUid}`);
    if (!keys) return [];
    const bucket = this.objects.get(resource);
    return [...keys].flatMap((k) => (bucket?.get(k) ? [bucket.get(k)!] : []));
  }

  /** Stores an object unless the cache already has a newer resourceVersion of it. */
  put(resource: Resource, obj: KubeObject): void {
    const key = MemoryCache.key(obj.metadata.namespace, obj.metadata.name!);
    const bucket = this.bucket(resource);
    const old = bucket.get(key);
    if (old && Number(old.metadata.resourceVersion) > Number(obj.metadata.resourceVersion)) return;
    if (old) this.unindex(resource, key, old);
    bucket.set(key, obj);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const idx = `${resource}|${ref.uid}`;
      let set = this.owners.get(idx);
      if (!set) this.owners.set(idx, (set = new Set()));
      set.add(key);
    }
  }

  remove(resource: Resource, namespace: string | undefined, name: string): void {
    const key = MemoryCache.key(namespace, name);
    const bucket = this.objects.get(resource);
    const old = bucket?.get(key);
    if (!old) return;
    this.unindex(resource, key, old);
    bucket!.delete(key);
  }

  /** Replaces everything of one resource (a re-list). */
  replace(resource: Resource, items: KubeObject[]): void {
    for (const old of this.list(resource)) this.remove(resource, old.metadata.namespace, old.metadata.name!);
    for (const item of items) this.put(resource, item);
  }

  private unindex(resource: Resource, key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) this.owners.get(`${resource}|${ref.uid}`)?.delete(key);
  }
}
