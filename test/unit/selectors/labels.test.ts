import { describe, expect, it } from "vitest";
import { StatusError } from "../../../src/api/errors";
import { parseLabelSelector, selectorFromLabelSelector } from "../../../src/api/selectors/labels";

// Upstream's texts for a bad label value / key name (apimachinery v0.36).
const valueRule =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const nameRule =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function parseError(text: string): string {
  try {
    parseLabelSelector(text);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    expect((e as StatusError).toStatus()).toMatchObject({ code: 400, reason: "BadRequest" });
    return (e as StatusError).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe("parseLabelSelector", () => {
  it.each([
    ["app=web", "app=web"],
    ["env in (b,a)", "env in (a,b)"],
    ["env notin (a)", "env notin (a)"],
    ["!tier", "!tier"],
    ["tier", "tier"],
    ["a=b,c!=d", "a=b,c!=d"],
    [" a = b ,\tc != d ", "a=b,c!=d"],
    ["x==y", "x==y"],
    ["version>1", "version>1"],
    ["x<5", "x<5"],
    ["z,y,x", "x,y,z"],
    ["x=", "x="],
    ["x in ()", "x in ()"],
    ["x in (a,,)", "x in (,a)"],
    ["in in (in,notin)", "in in (in,notin)"],
    ["example.com/role=db", "example.com/role=db"],
  ])("%j reads back as %j", (text, canonical) => {
    expect(parseLabelSelector(text).toString()).toBe(canonical);
  });

  it("treats the empty string as everything", () => {
    const s = parseLabelSelector("");
    expect(s.isEmpty()).toBe(true);
    expect(s.matches(undefined)).toBe(true);
    expect(s.toString()).toBe("");
  });

  it("matches as upstream", () => {
    const labels = { app: "web", env: "prod", version: "3" };
    const yes = ["app=web", "app==web", "env in (dev,prod)", "env notin (dev)", "missing notin (x)", "!tier", "app",
      "tier!=x", "version>2", "version<4", "app=web,env=prod"];
    const no = ["app=db", "env in (dev)", "env notin (prod)", "!app", "tier", "version>3", "version<3", "tier=",
      "tier>1", "app>1", "app=web,env=dev"];
    for (const t of yes) expect(parseLabelSelector(t).matches(labels), t).toBe(true);
    for (const t of no) expect(parseLabelSelector(t).matches(labels), t).toBe(false);
    expect(parseLabelSelector("a!=b").matches(undefined)).toBe(true);
    expect(parseLabelSelector("x=").matches({ x: "" })).toBe(true);
  });

  it.each([
    ["x (", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["a,", "found '', expected: identifier after ','"],
    [",a", "found ',', expected: !, identifier, or 'end of string'"],
    ["!a=b", "found '=', expected: ',' or 'end of string'"],
    ["x==a==b", "found '==', expected: ',' or 'end of string'"],
    ["x in a", "unable to parse requirement: found 'a' expected: '('"],
    ["x in (", "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ["x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ["x in (,", "unable to parse requirement: found '', expected: ',', or identifier"],
    ["x=(", "unable to parse requirement: found '(', expected: identifier"],
    ["!", "unable to parse requirement: found '', expected: identifier"],
    ["x>abc", `unable to parse requirement: values[0]: Invalid value: "abc": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x>", `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["A_", `unable to parse requirement: <nil>: Invalid value: "A_": ${nameRule}`],
    ["/a", `unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty`],
    ["x=a||y=b", `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${valueRule}`],
    [`x=${"a".repeat(64)}`, `unable to parse requirement: values[0][x]: Invalid value: "${"a".repeat(64)}": must be no more than 63 characters`],
    ["x in (a$,b$)",
      `unable to parse requirement: [values[0][x]: Invalid value: "a$": ${valueRule}, values[1][x]: Invalid value: "b$": ${valueRule}]`],
  ])("rejects %j", (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  it("explains a key with too many slashes", () => {
    expect(parseError("a/b/c")).toBe(
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    );
  });
});

describe("selectorFromLabelSelector", () => {
  it("selects nothing for a nil selector and everything for an empty one", () => {
    for (const nil of [null, undefined]) {
      const s = selectorFromLabelSelector(nil);
      expect(s.matches({})).toBe(false);
      expect(s.isEmpty()).toBe(false);
    }
    for (const empty of [{}, { matchLabels: {} }, { matchExpressions: [] }]) {
      const s = selectorFromLabelSelector(empty);
      expect(s.matches(undefined)).toBe(true);
      expect(s.isEmpty()).toBe(true);
    }
  });

  it("ANDs matchLabels with matchExpressions", () => {
    const s = selectorFromLabelSelector({
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "env", operator: "In", values: ["prod", "dev"] },
        { key: "canary", operator: "DoesNotExist" },
        { key: "tier", operator: "NotIn", values: ["db"] },
        { key: "team", operator: "Exists" },
      ],
    });
    expect(s.toString()).toBe("app=web,!canary,env in (dev,prod),team,tier notin (db)");
    expect(s.matches({ app: "web", env: "dev", team: "a" })).toBe(true);
    expect(s.matches({ app: "web", env: "dev", team: "a", canary: "1" })).toBe(false);
    expect(s.matches({ app: "web", env: "dev", team: "a", tier: "db" })).toBe(false);
    expect(s.matches({ app: "web", env: "qa", team: "a" })).toBe(false);
  });

  it.each([
    [{ matchExpressions: [{ key: "x", operator: "Gt", values: ["1"] }] }, `"Gt" is not a valid label selector operator`],
    [{ matchExpressions: [{ key: "x", operator: "In", values: [] }] },
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: "x", operator: "Exists", values: ["a"] }] },
      `values: Invalid value: ["a"]: values set must be empty for exists and does not exist`],
    [{ matchLabels: { k: "bad value" } }, `values[0][k]: Invalid value: "bad value": ${valueRule}`],
  ])("rejects %j", (sel, message) => {
    expect(() => selectorFromLabelSelector(sel)).toThrow(message);
  });
});
