import { describe, expect, it } from "vitest";
import { StatusError } from "../../../src/api/errors";
import type { KubeObject } from "../../../src/api/object";
import { escapeFieldValue, fieldSelectorFor, parseFieldSelector } from "../../../src/api/selectors/fields";

function failure(run: () => unknown): { code: number; message: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    return { code: (e as StatusError).code, message: (e as StatusError).message };
  }
  throw new Error("expected a failure");
}

describe("parseFieldSelector", () => {
  it("reads =, == and != terms, sorted", () => {
    const s = parseFieldSelector("status.phase!=Running,metadata.name==web");
    expect(s.requirements).toEqual([
      { field: "metadata.name", op: "=", value: "web" },
      { field: "status.phase", op: "!=", value: "Running" },
    ]);
    expect(s.toString()).toBe("metadata.name=web,status.phase!=Running");
  });

  it("unescapes values and re-escapes them on output", () => {
    const s = parseFieldSelector("a=x\\,y\\=z\\\\w");
    expect(s.requirements[0]!.value).toBe("x,y=z\\w");
    expect(s.toString()).toBe("a=x\\,y\\=z\\\\w");
    expect(escapeFieldValue("a,b")).toBe("a\\,b");
  });

  it("treats empty input, empty terms and a bare operator as no restriction", () => {
    for (const text of ["", ",", ",,", "=", "!=", "=,!="]) {
      const s = parseFieldSelector(text);
      expect(s.matches(() => "zzz"), text).toBe(true);
    }
    expect(parseFieldSelector("").isEmpty()).toBe(true);
  });

  it("matches a missing field as the empty string", () => {
    expect(parseFieldSelector("spec.nodeName=").matches(() => undefined)).toBe(true);
    expect(parseFieldSelector("spec.nodeName!=").matches(() => undefined)).toBe(false);
    expect(parseFieldSelector("a=b,c!=d").matches((f) => ({ a: "b", c: "e" })[f])).toBe(true);
  });

  it.each([
    ["a", "invalid selector: 'a'; can't understand 'a'"],
    ["x=1,b", "invalid selector: 'x=1,b'; can't understand 'b'"],
    ["a=b\\x", "invalid field selector: invalid escape sequence: \\x"],
    ["a=b\\", "invalid field selector: invalid escape sequence: \\"],
    ["a=b=c", "invalid field selector: unescaped character in value: 61"],
  ])("rejects %j", (text, message) => {
    expect(failure(() => parseFieldSelector(text))).toEqual({ code: 400, message });
  });
});

describe("fieldSelectorFor", () => {
  const pod = (name: string, node?: string): KubeObject => ({ metadata: { name, namespace: "default" }, spec: { nodeName: node } });
  const podSelector = fieldSelectorFor({ "spec.nodeName": (o) => o.spec?.nodeName }, true);

  it("filters objects by metadata and the kind's fields", () => {
    const onNode1 = podSelector("spec.nodeName=node-1,metadata.namespace=default");
    expect(onNode1(pod("a", "node-1"))).toBe(true);
    expect(onNode1(pod("b", "node-2"))).toBe(false);
    expect(podSelector("spec.nodeName=")(pod("c"))).toBe(true);
    expect(podSelector("metadata.name!=a")(pod("a"))).toBe(false);
    expect(podSelector("")(pod("a"))).toBe(true);
  });

  it("refuses fields the kind does not register, before reading objects", () => {
    expect(failure(() => podSelector("spec.foo=x"))).toEqual({ code: 400, message: "field label not supported: spec.foo" });
    expect(failure(() => podSelector("=x"))).toEqual({ code: 400, message: "field label not supported: " });
  });

  it("gives cluster-scoped kinds no metadata.namespace", () => {
    const nodes = fieldSelectorFor({ "spec.unschedulable": () => "false" }, false);
    expect(failure(() => nodes("metadata.namespace=x")).message).toBe("field label not supported: metadata.namespace");
    expect(nodes("metadata.name=n1")({ metadata: { name: "n1" } })).toBe(true);
  });

  it("uses upstream's generic message for kinds without their own field labels", () => {
    const configMaps = fieldSelectorFor(undefined, true);
    expect(failure(() => configMaps("data.x=1")).message).toBe(
      `"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"`,
    );
    expect(configMaps("metadata.namespace=default")(pod("a"))).toBe(true);
  });

  it("reports syntax errors before unsupported fields", () => {
    expect(failure(() => podSelector("spec.foo=x,bad")).message).toBe(
      "invalid selector: 'spec.foo=x,bad'; can't understand 'bad'",
    );
  });
});
