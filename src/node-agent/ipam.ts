// Pod IPs from the node's podCIDR (IPv4): lowest free address first, skipping the network address,
// the first host (the bridge's gateway, as the bridge CNI plugin uses it) and the broadcast address.

export interface Cidr {
  base: number;
  bits: number;
}

export function parseIp(ip: string): number {
  const parts = ip.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

export function parseCidr(cidr: string): Cidr {
  const [ip, len] = cidr.split("/");
  const bits = Number(len);
  if (!ip || !Number.isInteger(bits) || bits < 0 || bits > 30) throw new Error(`not an IPv4 CIDR with room for pods: ${cidr}`);
  const size = 2 ** (32 - bits);
  return { base: parseIp(ip) - (parseIp(ip) % size), bits };
}

export class IpPool {
  private readonly byOwner = new Map<string, number>();
  private readonly used = new Set<number>();
  private readonly first: number;
  private readonly last: number;

  constructor(readonly cidr: string) {
    const { base, bits } = parseCidr(cidr);
    this.first = base + 2;
    this.last = base + 2 ** (32 - bits) - 2;
  }

  /** The owner's address, a new lowest free one, or undefined when the range is full. */
  allocate(owner: string): string | undefined {
    const had = this.byOwner.get(owner);
    if (had !== undefined) return formatIp(had);
    for (let n = this.first; n <= this.last; n++) {
      if (!this.used.has(n)) {
        this.take(owner, n);
        return formatIp(n);
      }
    }
    return undefined;
  }

  /** Claims an address seen in a pod's status (adoption after a restart); false if out of range or taken. */
  reserve(owner: string, ip: string): boolean {
    let n: number;
    try {
      n = parseIp(ip);
    } catch {
      return false;
    }
    if (this.byOwner.get(owner) === n) return true;
    if (n < this.first || n > this.last || this.used.has(n)) return false;
    this.release(owner);
    this.take(owner, n);
    return true;
  }

  release(owner: string): void {
    const n = this.byOwner.get(owner);
    if (n === undefined) return;
    this.byOwner.delete(owner);
    this.used.delete(n);
  }

  get size(): number {
    return this.used.size;
  }

  private take(owner: string, n: number): void {
    this.byOwner.set(owner, n);
    this.used.add(n);
  }
}

/** The lowest 10.244.<n>.0/24 no node uses yet (the agent's own fallback when no IPAM controller runs). */
export function pickPodCidr(used: Iterable<string>): string {
  const taken = new Set(used);
  for (let n = 0; n < 256; n++) {
    const cidr = `10.244.${n}.0/24`;
    if (!taken.has(cidr)) return cidr;
  }
  throw new Error("10.244.0.0/16 has no free /24 left");
}
