import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = path.join(ROOT, ".kubeflare", "build", "worker.js");

/** Bundles the worker as wrangler would (ESM, .sql as text) for Miniflare to run directly. */
export async function buildWorker(outfile = BUNDLE): Promise<string> {
  await build({
    entryPoints: [path.join(ROOT, "src/worker/index.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["workerd", "worker", "browser", "module", "main"],
    conditions: ["workerd", "worker", "browser"],
    external: ["cloudflare:*", "node:*"],
    loader: { ".sql": "text" },
    sourcemap: "linked",
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildWorker();
  console.log(`built ${path.relative(ROOT, out)}`);
}
