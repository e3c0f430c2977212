import type { KubeObject } from "../api/object";
import type { Cache, Resource } from "./types";

const rvOf = (obj: KubeObject) => Number(obj.metadata.resourceVersion ?? 0);

/**
 * The informer cache: objects by resource and namespace/name, plus an owner-uid index. The
 * runtime fills it from lists, store notifications and its own write results; tests fill it by hand.
 * Changes can arrive out of order (lists, notifications and write answers race), so a version never
 * replaces a newer one, and a deletion leaves a tombstone that older copies cannot get past.
 */
export class MemoryCache implements Cache {
  private readonly objects = new Map<Resource, Map<string, KubeObject>>();
  private readonly owners = new Map<string, Set<string>>();
  private readonly tombstones = new Map<Resource, Map<string, number>>();

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

  /** Stores an object unless the cache has a newer version of it, or saw it deleted later. */
  put(resource: Resource, obj: KubeObject): void {
    const key = MemoryCache.key(obj.metadata.namespace, obj.metadata.name!);
    const dead = this.tombstones.get(resource)?.get(key);
    if (dead !== undefined && rvOf(obj) <= dead) return;
    const bucket = this.bucket(resource);
    const old = bucket.get(key);
    if (old && rvOf(old) > rvOf(obj)) return;
    if (old) this.unindex(resource, key, old);
    bucket.set(key, obj);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const idx = `${resource}|${ref.uid}`;
      let set = this.owners.get(idx);
      if (!set) this.owners.set(idx, (set = new Set()));
      set.add(key);
    }
  }

  /** Forgets an object; `resourceVersion` (of the deletion) keeps older copies from coming back. */
  remove(resource: Resource, namespace: string | undefined, name: string, resourceVersion?: string): void {
    const key = MemoryCache.key(namespace, name);
    const bucket = this.objects.get(resource);
    const old = bucket?.get(key);
    const rv = Number(resourceVersion ?? (old ? rvOf(old) : 0));
    if (rv > 0) {
      let graves = this.tombstones.get(resource);
      if (!graves) this.tombstones.set(resource, (graves = new Map()));
      graves.set(key, Math.max(rv, graves.get(key) ?? 0));
    }
    if (!old) return;
    this.unindex(resource, key, old);
    bucket!.delete(key);
  }

  /**
   * A re-list at revision `listRV`: newer cached objects and later deletions survive it; cached
   * objects the list no longer has, and no newer than it, are gone; tombstones it covers expire.
   */
  replace(resource: Resource, items: KubeObject[], listRV = Infinity): void {
    const listed = new Set(items.map((o) => MemoryCache.key(o.metadata.namespace, o.metadata.name!)));
    for (const old of this.list(resource)) {
      const key = MemoryCache.key(old.metadata.namespace, old.metadata.name!);
      if (!listed.has(key) && rvOf(old) <= listRV) this.remove(resource, old.metadata.namespace, old.metadata.name!);
    }
    for (const item of items) this.put(resource, item);
    const graves = this.tombstones.get(resource);
    if (graves) for (const [key, rv] of graves) if (rv <= listRV && !listed.has(key)) graves.delete(key);
  }

  private unindex(resource: Resource, key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) this.owners.get(`${resource}|${ref.uid}`)?.delete(key);
  }
}
