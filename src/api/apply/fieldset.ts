// A set of field paths stored as a trie, as upstream's fieldpath.Set: each child records whether
// the path ending there is itself a member, plus the members below it. A node exists only if it
// is a member or has members below, so emptiness is structural. FieldsV1 is this trie as JSON,
// `.` marking "the node itself" when it also has children.

import { isObject } from "../object";
import { comparePE, parsePE, serializePE, type Path, type PathElement } from "./path";
import { goJSONString } from "./value";

interface Node {
  pe: PathElement;
  member: boolean;
  children: FieldSet;
}

/** FieldsV1 as it sits in a managedFields entry: `{"f:spec":{"f:replicas":{}}}`. */
export type FieldsV1 = { [key: string]: FieldsV1 };

export class FieldSet {
  private readonly nodes = new Map<string, Node>();

  static of(...paths: Path[]): FieldSet {
    const set = new FieldSet();
    for (const p of paths) set.insert(p);
    return set;
  }

  get empty(): boolean {
    return this.nodes.size === 0;
  }

  /** Adds one path (its parents are not added as members, as upstream). The empty path is ignored. */
  insert(path: Path): void {
    if (path.length === 0) return;
    let set: FieldSet = this;
    for (let i = 0; i < path.length; i++) {
      const key = serializePE(path[i]);
      let node = set.nodes.get(key);
      if (!node) set.nodes.set(key, (node = { pe: path[i], member: false, children: new FieldSet() }));
      if (i === path.length - 1) node.member = true;
      set = node.children;
    }
  }

  has(path: Path): boolean {
    const node = this.node(path[0]);
    if (!node) return false;
    return path.length === 1 ? node.member : node.children.has(path.slice(1));
  }

  /** The member flag and sub-set under one step, if anything is there. */
  node(pe: PathElement | undefined): { member: boolean; children: FieldSet } | undefined {
    return pe ? this.nodes.get(serializePE(pe)) : undefined;
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [key, a] of this.nodes) {
      const b = other.nodes.get(key);
      out.put(key, a.pe, a.member || !!b?.member, b ? a.children.union(b.children) : a.children);
    }
    for (const [key, b] of other.nodes) if (!this.nodes.has(key)) out.put(key, b.pe, b.member, b.children);
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [key, a] of this.nodes) {
      const b = other.nodes.get(key);
      if (b) out.put(key, a.pe, a.member && b.member, a.children.intersection(b.children));
    }
    return out;
  }

  /** Path-wise difference: members of `other` go, their children stay unless listed too. */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [key, a] of this.nodes) {
      const b = other.nodes.get(key);
      out.put(key, a.pe, a.member && !b?.member, b ? a.children.difference(b.children) : a.children);
    }
    return out;
  }

  /** Difference that also drops everything below a member of `other` (upstream's exclude filter). */
  recursiveDifference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [key, a] of this.nodes) {
      const b = other.nodes.get(key);
      if (b?.member) continue;
      out.put(key, a.pe, a.member, b ? a.children.recursiveDifference(b.children) : a.children);
    }
    return out;
  }

  /** Children in upstream's order (the order FieldsV1 is written in). */
  entries(): readonly Node[] {
    return [...this.nodes.values()].sort((a, b) => comparePE(a.pe, b.pe));
  }

  /** Every member path, members of a level before the levels below, as upstream iterates. */
  paths(prefix: Path = []): PathElement[][] {
    const sorted = this.entries();
    const out = sorted.filter((n) => n.member).map((n) => [...prefix, n.pe]);
    for (const n of sorted) out.push(...n.children.paths([...prefix, n.pe]));
    return out;
  }

  /**
   * A copy in which `promote` may make more nodes members, threading a context (a schema) down
   * the trie; upstream uses this to treat struct fields on the way to a member as owned.
   */
  promote<C>(ctx: C, step: (pe: PathElement, ctx: C) => { member: boolean; ctx: C }): FieldSet {
    const out = new FieldSet();
    for (const [key, n] of this.nodes) {
      const r = step(n.pe, ctx);
      out.put(key, n.pe, n.member || r.member, n.children.promote(r.ctx, step));
    }
    return out;
  }

  private put(key: string, pe: PathElement, member: boolean, children: FieldSet): void {
    if (member || !children.empty) this.nodes.set(key, { pe, member, children });
  }
}

/** The set as the FieldsV1 object a managedFields entry carries (key order is upstream's). */
export function toFieldsV1(set: FieldSet): FieldsV1 {
  const out: FieldsV1 = {};
  for (const n of set.entries()) {
    const inner = n.children.empty ? {} : toFieldsV1(n.children);
    out[serializePE(n.pe)] = n.member && !n.children.empty ? { ".": {}, ...inner } : inner;
  }
  return out;
}

/** FieldsV1 to a set: `{}` or a `.` entry marks a member; anything else is a path below. */
export function fromFieldsV1(fields: unknown): FieldSet {
  const set = new FieldSet();
  const walk = (obj: unknown, prefix: PathElement[]): void => {
    if (!isObject(obj)) throw new Error("FieldsV1 must be a JSON object");
    for (const [key, value] of Object.entries(obj)) {
      if (key === ".") continue;
      const path = [...prefix, parsePE(key)];
      if (!isObject(value)) throw new Error(`FieldsV1 entry ${JSON.stringify(key)} must be an object`);
      const keys = Object.keys(value);
      if (keys.length === 0 || keys.includes(".")) set.insert(path);
      walk(value, path);
    }
  };
  walk(typeof fields === "string" ? JSON.parse(fields) : fields, []);
  return set;
}

/** The exact bytes upstream stores and serves for a set (Go JSON escaping included). */
export function encodeFieldsV1(set: FieldSet): string {
  const write = (s: FieldSet, self: boolean): string => {
    const parts = self ? ['".":{}'] : [];
    for (const n of s.entries()) {
      const inner = n.children.empty ? "" : write(n.children, n.member);
      parts.push(`${goJSONString(serializePE(n.pe))}:{${inner}}`);
    }
    return parts.join(",");
  };
  return `{${write(set, false)}}`;
}
