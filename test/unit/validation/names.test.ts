import { describe, expect, it } from "vitest";
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isLabelValue,
  isPathSegmentName,
  isPercent,
  isPortName,
  isQualifiedName,
  nameIsDNSSubdomain,
} from "../../../src/api/validation/names";

describe("apimachinery string formats", () => {
  it("DNS-1123 subdomain wording, with upstream's regex text", () => {
    expect(isDNS1123Subdomain("example.com")).toEqual([]);
    expect(isDNS1123Subdomain("Bad_Name")).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Subdomain("a".repeat(254))[0]).toBe("must be no more than 253 characters");
  });

  it("DNS-1123 label: dots get their own message, examples keep the double space", () => {
    expect(isDNS1123Label("my-name")).toEqual([]);
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
    expect(isDNS1123Label("-x")).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
  });

  it("DNS-1035 label must start with a letter", () => {
    expect(isDNS1035Label("web")).toEqual([]);
    expect(isDNS1035Label("1web")[0]).toMatch(/^a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character/);
  });

  it("qualified names check prefix and name parts", () => {
    expect(isQualifiedName("app.kubernetes.io/name")).toEqual([]);
    expect(isQualifiedName("/x")).toEqual(["prefix part must be non-empty"]);
    expect(isQualifiedName("a/b/c")[0]).toMatch(/^a qualified name must consist of/);
    expect(isQualifiedName("bad key")).toEqual([
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
    expect(isQualifiedName("Example.com/x")[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain/);
  });

  it("label values may be empty but not malformed", () => {
    expect(isLabelValue("")).toEqual([]);
    expect(isLabelValue("v1.2_x")).toEqual([]);
    expect(isLabelValue("-x")[0]).toMatch(/^a valid label must be an empty string or consist of alphanumeric characters/);
    expect(isLabelValue("x".repeat(64))[0]).toBe("must be no more than 63 characters");
  });

  it("config keys, env names, ports, percents and path segments", () => {
    expect(isConfigMapKey("app.properties")).toEqual([]);
    expect(isConfigMapKey("bad key")[0]).toMatch(/^a valid config key must consist of alphanumeric characters, '-', '_' or '.'/);
    expect(isConfigMapKey("..x")).toEqual(["must not start with '..'"]);
    expect(isEnvVarName("1_WEIRD.but-ok")).toEqual([]);
    expect(isEnvVarName("A=B")).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    expect(isPortName("http")).toEqual([]);
    expect(isPortName("80")).toEqual(["must contain at least one letter (a-z)"]);
    expect(isPortName("a--b")).toEqual(["must not contain consecutive hyphens"]);
    expect(isPortName("very-long-port-name")).toEqual(["must be no more than 15 characters"]);
    expect(isPercent("25%")).toEqual([]);
    expect(isPercent("25")[0]).toMatch(/^a valid percent string must be a numeric string followed by an ending '%'/);
    expect(isPathSegmentName("system:admin")).toEqual([]);
    expect(isPathSegmentName("a/b%")).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(isPathSegmentName("..")).toEqual(["may not be '..'"]);
  });

  it("generateName may end with a dash", () => {
    expect(nameIsDNSSubdomain("web-", true)).toEqual([]);
    expect(nameIsDNSSubdomain("web-", false)).not.toEqual([]);
  });
});
