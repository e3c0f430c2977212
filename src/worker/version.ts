/** The API level we implement: kubectl's version dispatcher picks its client from `minor`. */
export const VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.0-kubeflare.1",
  gitCommit: "",
  gitTreeState: "clean",
  buildDate: "2026-11-25T00:00:00Z",
  goVersion: "",
  compiler: "workerd",
  platform: "cloudflare/workers",
};
