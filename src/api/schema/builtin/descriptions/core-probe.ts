// core/v1 probes and lifecycle hooks, and the actions they run.
import type { Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

export const coreProbe: Descriptions = {
  [`${P}Probe`]: {
    "": "A periodic check the kubelet runs against a container: a command, an HTTP GET, a TCP connect or a " +
      "gRPC health check. Set exactly one of exec, httpGet, tcpSocket and grpc.",
    exec: "Run a command in the container; exit status 0 is success.",
    failureThreshold: "Consecutive failures after which the probe counts as failed. Defaults to 3; minimum 1.",
    grpc: "Call the standard gRPC health-checking service on a port.",
    httpGet: "Send an HTTP GET; any status from 200 to 399 is success.",
    initialDelaySeconds: "Seconds to wait after the container starts before the first probe. Defaults to 0.",
    periodSeconds: "Seconds between probes. Defaults to 10; minimum 1.",
    successThreshold: "Consecutive successes after a failure needed to count as passing again. Defaults to 1; " +
      "liveness and startup probes only accept 1.",
    tcpSocket: "Open a TCP connection to a port; connecting is success.",
    terminationGracePeriodSeconds: "Grace period used when this probe's failure kills the container, " +
      "overriding the pod's terminationGracePeriodSeconds. Not allowed on readiness probes.",
    timeoutSeconds: "Seconds after which one probe attempt counts as failed. Defaults to 1; minimum 1.",
  },
  [`${P}HTTPGetAction`]: {
    "": "An HTTP GET request made by the kubelet.",
    host: "The address to probe; the pod's IP when empty. For a virtual host name, send a Host header instead.",
    httpHeaders: "Extra request headers; a name may repeat.",
    path: "The path to request, such as /healthz.",
    port: "The port to connect to, as a number (1-65535) or the name of a container port.",
    scheme: "HTTP (the default) or HTTPS. Certificates are not verified for HTTPS.",
  },
  [`${P}HTTPHeader`]: {
    "": "A header sent with an HTTP probe or hook.",
    name: "The header name; case does not matter.",
    value: "The header value.",
  },
  [`${P}TCPSocketAction`]: {
    "": "A TCP connection attempt made by the kubelet.",
    host: "The address to probe; the pod's IP when empty.",
    port: "The port to connect to, as a number (1-65535) or the name of a container port.",
  },
  [`${P}ExecAction`]: {
    "": "A command run inside the container.",
    command: "The command and its arguments, run from / without a shell; call a shell explicitly for pipes and " +
      "the like. Exit status 0 means success.",
  },
  [`${P}GRPCAction`]: {
    "": "A call to the gRPC Health Checking Protocol.",
    port: "The port of the gRPC server, 1-65535.",
    service: "The service name placed in the health check request. Empty checks the server as a whole.",
  },
  [`${P}SleepAction`]: {
    "": "A pause of a fixed length, handy to delay shutdown in a preStop hook.",
    seconds: "How many seconds to sleep. Must be positive (zero needs the PodLifecycleSleepActionAllowZero gate).",
  },
  [`${P}Lifecycle`]: {
    "": "Hooks the kubelet runs when a container starts and before it stops. The container's lifecycle waits " +
      "for a hook to finish.",
    postStart: "Runs right after the container is created. If it fails the container is killed and handled by " +
      "the restart policy; the container is not Running until it completes.",
    preStop: "Runs before the container is stopped by an API request or a management event such as a failed " +
      "probe or eviction, within the termination grace period. Not run when the container exits on its own.",
    stopSignal: "The signal sent to stop the container, such as SIGTERM or SIGUSR1. Defaults to the image's or " +
      "runtime's choice; requires spec.os.name to be set.",
  },
  [`${P}LifecycleHandler`]: {
    "": "The action of a lifecycle hook; set exactly one of exec, httpGet and sleep.",
    exec: "Run a command in the container.",
    httpGet: "Send an HTTP GET request.",
    sleep: "Wait for a number of seconds.",
    tcpSocket: "Not supported for hooks and kept only for compatibility: it passes validation, but the hook " +
      "fails when it runs.",
  },
};
