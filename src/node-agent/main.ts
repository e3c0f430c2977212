// `kubeflare-agent`: parse flags, start the agent, stop cleanly on SIGINT/SIGTERM.
import { startAgent } from "./agent";
import { USAGE, parseFlags } from "./flags";

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`kubeflare-agent: ${(e as Error).message}\n`);
    process.exit(2);
  }
  if (flags.help) {
    process.stdout.write(USAGE);
    return;
  }
  const agent = await startAgent(flags);
  console.log(`${new Date().toISOString()} kubeflare-agent: ${agent.nodes.length} node(s) up; Ctrl-C stops`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1); // a second Ctrl-C does not wait
    stopping = true;
    agent.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  process.stderr.write(`kubeflare-agent: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
