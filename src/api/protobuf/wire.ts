// The protobuf wire format, read by hand. protobufjs/minimal's Reader has no eval, but at load it picks
// Buffer and Long from the environment (int64 comes back as a Long object wherever `long` is bundled)
// and reports overruns as bare RangeErrors; the few primitives needed here are shorter to write than to
// adapt, and every failure becomes a 400 ProtobufError.

import { ProtobufError } from "./errors";
import type { Scalar } from "./schema";

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;

const TWO_32 = 4294967296;
const utf8 = new TextDecoder();

export class Reader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** A field key: field number and wire type. */
  tag(): { field: number; wire: number } {
    const { lo, hi } = this.varint();
    const field = lo >>> 3;
    if (hi !== 0 || field === 0) throw new ProtobufError(`invalid field key at byte ${this.pos}`);
    return { field, wire: lo & 7 };
  }

  int32(): number {
    return this.varint().lo | 0;
  }

  /** As a JS number, like JSON.parse of Go's output: exact up to 2^53. */
  int64(): number {
    const { lo, hi } = this.varint();
    if (hi & 0x80000000) return -((~hi >>> 0) * TWO_32 + (~lo >>> 0) + 1);
    return hi * TWO_32 + lo;
  }

  bool(): boolean {
    const { lo, hi } = this.varint();
    return lo !== 0 || hi !== 0;
  }

  double(): number {
    const bytes = this.take(8);
    return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);
  }

  /** A length-delimited payload, as a view (no copy). */
  bytes(): Uint8Array {
    const { lo, hi } = this.varint();
    if (hi !== 0) throw new ProtobufError(`length ${hi * TWO_32 + lo} exceeds the body`);
    return this.take(lo);
  }

  /** Invalid UTF-8 becomes U+FFFD, as Go's JSON encoder would write it. */
  string(): string {
    return utf8.decode(this.bytes());
  }

  private take(n: number): Uint8Array {
    if (n > this.buf.length - this.pos) {
      throw new ProtobufError(`truncated: ${n} bytes wanted at byte ${this.pos}, ${this.buf.length - this.pos} left`);
    }
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  // Up to 10 bytes, 7 bits each, least significant group first; split into two unsigned 32-bit halves
  // because JS bitwise operators work on 32 bits.
  private varint(): { lo: number; hi: number } {
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new ProtobufError(`truncated varint at byte ${this.pos}`);
      const b = this.buf[this.pos++];
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (7 * i - 32);
      if ((b & 0x80) === 0) return { lo: lo >>> 0, hi: hi >>> 0 };
    }
    throw new ProtobufError(`varint longer than 10 bytes at byte ${this.pos}`);
  }
}

/** The wire type a scalar must arrive with (packed repeated fields use WIRE_BYTES around these). */
export function wireTypeOf(scalar: Scalar): number {
  switch (scalar) {
    case "string":
    case "bytes":
      return WIRE_BYTES;
    case "double":
      return WIRE_FIXED64;
    default:
      return WIRE_VARINT;
  }
}
