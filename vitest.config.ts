import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" },
      },
      {
        plugins: [
          cloudflareTest({
            main: "./src/worker/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              // Short heartbeats and a small event log, so bookmarks and compaction show within a test.
              bindings: { ADMIN_TOKEN: "test-admin-token", WATCH_HEARTBEAT_MS: "300", STORE_RETAIN_EVENTS: "40" },
            },
          }),
        ],
        // A cold cluster's first request also starts every store the control loops list (seconds, once).
        test: { name: "worker", include: ["test/worker/**/*.test.ts"], testTimeout: 20_000 },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
