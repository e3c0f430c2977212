#!/usr/bin/env node
// `kubeflare-agent`: runs the TypeScript entry through tsx's loader, so no build step is needed.
import { register } from "tsx/esm/api";

register();
await import("../src/node-agent/main.ts");
