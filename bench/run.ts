import { benchApiWrite } from "./api-write";
import { benchPodStartup } from "./pod-startup";
import { benchScheduling } from "./scheduling";

// `npm run bench [-- --quick]`: one JSON line per figure, each benchmark on a fresh cluster.
const quick = process.argv.includes("--quick");
await benchApiWrite(quick);
await benchScheduling(quick);
await benchPodStartup(quick);
