// The node agent's embedding API: `npm start`, tests and benchmarks run agents in-process.
export { startAgent, nodeNames, DEFAULT_CAPACITY, KUBELET_VERSION, type Agent, type AgentOptions } from "./agent";
export { loadKubeconfig, parseKubeconfig, type Connection } from "./kubeconfig";
export { realClock, type Clock } from "./clock";
