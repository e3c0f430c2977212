import { describe, expect, it } from "vitest";
import { parseDuration, rfc3339 } from "../../../src/node-agent/clock";
import { parseFlags } from "../../../src/node-agent/flags";
import { parseKubeconfig } from "../../../src/node-agent/kubeconfig";

describe("parseDuration", () => {
  it("reads Go-style durations and bare seconds", () => {
    expect(parseDuration("1s")).toBe(1000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("1m30s")).toBe(90_000);
    expect(parseDuration("2")).toBe(2000);
    expect(() => parseDuration("10x")).toThrow(/invalid duration/);
    expect(() => parseDuration("")).toThrow(/invalid duration/);
  });

  it("prints metav1.Time to the second", () => {
    expect(rfc3339(Date.parse("2026-01-02T15:04:05.987Z"))).toBe("2026-01-02T15:04:05Z");
  });
});

describe("parseFlags", () => {
  it("maps flags to options", () => {
    expect(
      parseFlags(["--kubeconfig", "k", "--node-name=n", "--nodes", "3", "--runtime", "fake", "--allocate-pod-cidr", "--job-duration", "500ms", "--lease-seconds", "40", "--heartbeat", "10s", "--capacity", "cpu=4,pods=20"]),
    ).toEqual({
      kubeconfig: "k",
      nodeName: "n",
      nodes: 3,
      runtime: "fake",
      allocatePodCidr: true,
      jobDurationMs: 500,
      leaseSeconds: 40,
      heartbeatMs: 10_000,
      capacity: { cpu: "4", pods: "20" },
    });
  });

  it("rejects unknown flags, missing values and other runtimes", () => {
    expect(() => parseFlags(["--bogus"])).toThrow(/unknown flag --bogus/);
    expect(() => parseFlags(["--nodes"])).toThrow(/needs a value/);
    expect(() => parseFlags(["--nodes", "0"])).toThrow(/positive integer/);
    expect(() => parseFlags(["--runtime", "containerd"])).toThrow(/only "fake"/);
  });
});

describe("parseKubeconfig", () => {
  const ca = "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n";
  const text = `
apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster:
    server: https://127.0.0.1:8787
    certificate-authority-data: ${Buffer.from(ca).toString("base64")}
- name: c2
  cluster:
    server: https://other
    insecure-skip-tls-verify: true
users:
- name: u1
  user:
    token: t0ken
contexts:
- name: one
  context: { cluster: c1, user: u1 }
- name: two
  context: { cluster: c2 }
current-context: one
`;

  it("resolves the current context's server, CA and token", () => {
    expect(parseKubeconfig(text, "/")).toEqual({ server: "https://127.0.0.1:8787", ca, token: "t0ken" });
  });

  it("honours an explicit context and insecure-skip-tls-verify", () => {
    expect(parseKubeconfig(text, "/", "two")).toEqual({ server: "https://other", insecure: true });
    expect(() => parseKubeconfig(text, "/", "three")).toThrow(/context "three" not found/);
  });
});
