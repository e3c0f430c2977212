// Small IPv4 arithmetic shared by the Service IP allocator and node IPAM. Addresses are unsigned
// 32-bit numbers; no Node `net` module, since this runs in workerd. IPv6 is not handled: the
// cluster's service and pod ranges are single-stack IPv4.

export interface CIDR {
  /** The network address (host bits cleared). */
  base: number;
  prefix: number;
  /** Addresses in the block, network and broadcast included. */
  size: number;
  text: string;
}

export function parseIPv4(s: string): number | undefined {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** "10.96.0.0/12" → its block; host bits in the address are cleared, as net.ParseCIDR does. */
export function parseCIDR(s: string): CIDR | undefined {
  const [ip, bits, extra] = s.split("/");
  const addr = parseIPv4(ip ?? "");
  if (addr === undefined || extra !== undefined || !/^[0-9]{1,2}$/.test(bits ?? "") || Number(bits) > 32) return undefined;
  const prefix = Number(bits);
  const size = 2 ** (32 - prefix);
  const base = Math.floor(addr / size) * size;
  return { base, prefix, size, text: `${formatIPv4(base)}/${prefix}` };
}

export function mustParseCIDR(s: string): CIDR {
  const cidr = parseCIDR(s);
  if (!cidr) throw new Error(`invalid IPv4 CIDR ${JSON.stringify(s)}`);
  return cidr;
}

export function contains(cidr: CIDR, addr: number): boolean {
  return addr >= cidr.base && addr < cidr.base + cidr.size;
}

/** FNV-1a: a stable 32-bit hash, used to spread allocations deterministically. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
