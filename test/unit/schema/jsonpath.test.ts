import { describe, expect, it } from "vitest";
import { findResults, firstResult, JsonPathError, parseJsonPath, printText } from "../../../src/api/schema/jsonpath";
import { goFloat, goJSON, goNumber } from "../../../src/api/schema/go-text";

const pod = {
  metadata: { name: "p", labels: { app: "web", "app.kubernetes.io/name": "shop" } },
  spec: {
    replicas: 3,
    containers: [
      { name: "a", image: "nginx", ports: [{ containerPort: 80 }] },
      { name: "b", image: "busybox", ports: [{ containerPort: 8080 }, { containerPort: 9090 }] },
    ],
    nothing: null,
  },
  status: {
    conditions: [
      { type: "Initialized", status: "True", count: 1 },
      { type: "Ready", status: "False", count: 2 },
    ],
  },
};

const find = (path: string) => findResults(parseJsonPath(path), pod);

describe("Kubernetes JSONPath", () => {
  it("follows fields, indices, slices and wildcards", () => {
    expect(find(".spec.replicas")).toEqual([3]);
    expect(find(".metadata.labels.app")).toEqual(["web"]);
    expect(find(".spec.containers[*].image")).toEqual(["nginx", "busybox"]);
    expect(find(".spec.containers[-1].name")).toEqual(["b"]);
    expect(find(".spec.containers[0:1].name")).toEqual(["a"]);
    expect(find("$.spec.containers[*].ports[*].containerPort")).toEqual([80, 8080, 9090]);
    expect(find(".spec.containers[0,1].name")).toEqual(["a", "b"]);
    expect(find(".metadata.*")).toEqual([pod.metadata.name, pod.metadata.labels]);
  });

  it("reads escaped dots and quoted keys as upstream does", () => {
    expect(find(".metadata.labels.app\\.kubernetes\\.io/name")).toEqual(["shop"]);
    expect(find(".metadata['labels'].app")).toEqual(["web"]);
    // A quoted key is re-read as a field path, so its dots still split it.
    expect(find(".metadata.labels['app.kubernetes.io/name']")).toEqual([]);
  });

  it("filters with comparisons and existence", () => {
    expect(find('.status.conditions[?(@.type=="Ready")].status')).toEqual(["False"]);
    expect(find(".status.conditions[?(@.count > 1)].type")).toEqual(["Ready"]);
    expect(find(".status.conditions[?(@.type!='Ready')].type")).toEqual(["Initialized"]);
    expect(find(".status.conditions[?(@.count)].type")).toEqual(["Initialized", "Ready"]);
    expect(find("..containerPort")).toEqual([80, 8080, 9090]);
  });

  it("allows missing keys but not type errors", () => {
    expect(find(".spec.missing.deeper")).toEqual([]);
    expect(find(".spec.nothing")).toEqual([null]);
    expect(() => find(".spec.replicas[0]")).toThrow(JsonPathError);
    expect(() => find(".spec.containers[5]")).toThrow(/out of bounds/);
    expect(() => find('.status.conditions[?(@.count=="1")].type')).toThrow(JsonPathError);
    expect(() => find(".status.conditions[?(@.count==1.0)].type")).toThrow(JsonPathError);
    expect(firstResult(parseJsonPath(".spec.replicas[0]"), pod)).toBeUndefined();
  });

  it("rejects what upstream's parser rejects", () => {
    expect(() => parseJsonPath(".spec.containers[")).toThrow(/unterminated array/);
    expect(() => parseJsonPath(".a[?(@.x=='y'")).toThrow(/unterminated filter/);
    expect(() => parseJsonPath(".a[x]")).toThrow(/invalid array index/);
    expect(() => parseJsonPath(".a#")).not.toThrow();
    expect(() => parseJsonPath("#")).toThrow(/unrecognized character/);
  });

  it("prints values as the table convertor's string columns do", () => {
    expect(printText("x")).toBe("x");
    expect(printText(3)).toBe("3");
    expect(printText(0.5)).toBe("0.5");
    expect(printText(true)).toBe("true");
    expect(printText(null)).toBe("<no value>");
    expect(printText({ b: 1, a: "<x>" })).toBe('{"a":"\\u003cx\\u003e","b":1}');
    expect(printText(["a", "b"])).toBe('["a","b"]');
  });
});

describe("Go number text", () => {
  it("matches fmt's %v", () => {
    expect(goNumber(1000000)).toBe("1000000");
    expect(goFloat(1000000)).toBe("1e+06");
    expect(goFloat(123456.5)).toBe("123456.5");
    expect(goFloat(1234567.5)).toBe("1.2345675e+06");
    expect(goFloat(0.0001)).toBe("0.0001");
    expect(goFloat(0.00001)).toBe("1e-05");
    expect(goNumber(0.25)).toBe("0.25");
    expect(goJSON({ z: [1, { y: 2, x: 1 }] })).toBe('{"z":[1,{"x":1,"y":2}]}');
  });
});
