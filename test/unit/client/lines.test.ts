import { describe, expect, it } from "vitest";
import { LineSplitter, parseWatchLine } from "../../../src/client/lines";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("LineSplitter", () => {
  it("joins lines split across chunks and keeps the partial tail", () => {
    const s = new LineSplitter();
    expect(s.push(bytes('{"a":1}\n{"b"'))).toEqual(['{"a":1}']);
    expect(s.push(bytes(":2}\n\n"))).toEqual(['{"b":2}', ""]);
    expect(s.flush()).toEqual([]);
  });

  it("decodes a multi-byte character split between chunks", () => {
    const s = new LineSplitter();
    const all = bytes('{"n":"é"}\n');
    const cut = all.indexOf(0xc3) + 1;
    expect(s.push(all.slice(0, cut))).toEqual([]);
    expect(s.push(all.slice(cut))).toEqual(['{"n":"é"}']);
  });

  it("flushes a last line without a newline", () => {
    const s = new LineSplitter();
    s.push(bytes('{"x":1}'));
    expect(s.flush()).toEqual(['{"x":1}']);
  });
});

describe("parseWatchLine", () => {
  it("skips keep-alive lines", () => {
    expect(parseWatchLine("")).toBeNull();
    expect(parseWatchLine("   ")).toBeNull();
  });

  it("parses object events, bookmarks and errors", () => {
    expect(parseWatchLine('{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"5"}}}')).toEqual({
      type: "ADDED",
      object: { metadata: { name: "a", resourceVersion: "5" } },
    });
    expect(parseWatchLine('{"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"9"}}}')?.type).toBe("BOOKMARK");
    const err = parseWatchLine('{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired"}}');
    expect(err?.type).toBe("ERROR");
    expect(err?.object).toMatchObject({ code: 410 });
  });

  it("throws on lines that are not watch events", () => {
    expect(() => parseWatchLine('{"kind":"Status"}')).toThrow(/not a watch event/);
    expect(() => parseWatchLine('{"type":"NOPE","object":{}}')).toThrow(/not a watch event/);
    expect(() => parseWatchLine("{broken")).toThrow();
  });
});
