import type { Env as WorkerEnv } from "../../src/worker/env";

// The test runtime's `env` carries the worker's own bindings.
declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {}
  }
}
