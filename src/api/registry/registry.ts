import type { ResourceDef } from "./types";

/** "pods" or "deployments.apps": the name behaviour maps and store routing use. */
export function qualifiedName(def: Pick<ResourceDef, "group" | "plural">): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

export function apiVersionOf(def: Pick<ResourceDef, "group" | "version">): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** The resource whose store holds this one's objects (versions of one resource share a store). */
export function storageName(def: ResourceDef): string {
  return def.storageResource ?? qualifiedName(def);
}

export interface GroupVersions {
  name: string;
  /** Preferred first. */
  versions: string[];
}

/** Lookup over the served resources. Built once per isolate for built-ins; CRDs add rows. */
export class Registry {
  private readonly byKey = new Map<string, ResourceDef>();
  private readonly groupList: GroupVersions[] = [];

  constructor(readonly resources: ResourceDef[]) {
    for (const def of resources) {
      this.byKey.set(`${def.group}/${def.version}/${def.plural}`, def);
      let group = this.groupList.find((g) => g.name === def.group);
      if (!group) this.groupList.push((group = { name: def.group, versions: [] }));
      if (!group.versions.includes(def.version)) group.versions.push(def.version);
    }
  }

  get(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.byKey.get(`${group}/${version}/${plural}`);
  }

  /** The preferred version's row for a qualified name ("deployments.apps"). */
  byQualifiedName(name: string): ResourceDef | undefined {
    for (const g of this.groupList) {
      for (const v of g.versions) {
        const def = this.resources.find((d) => d.group === g.name && d.version === v && qualifiedName(d) === name);
        if (def) return def;
      }
    }
    return undefined;
  }

  groups(): GroupVersions[] {
    return this.groupList;
  }

  group(name: string): GroupVersions | undefined {
    return this.groupList.find((g) => g.name === name);
  }

  inGroupVersion(group: string, version: string): ResourceDef[] {
    return this.resources.filter((d) => d.group === group && d.version === version);
  }

  /** One def per stored resource (its preferred version): what namespace deletion must sweep. */
  storedResources(): ResourceDef[] {
    const seen = new Set<string>();
    return this.resources.filter((d) => {
      const name = storageName(d);
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    });
  }
}
