// Realistic manifests as users apply them (before server-side defaulting).
import type { KubeObject } from "../../../src/api/object";

export const nginxDeployment = (): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: {
        containers: [
          {
            name: "nginx",
            image: "nginx:1.27",
            ports: [{ containerPort: 80, name: "http" }],
            resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
            readinessProbe: { httpGet: { path: "/", port: "http" } },
            livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5 },
            env: [
              { name: "MODE", value: "prod" },
              { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
            ],
            volumeMounts: [{ name: "conf", mountPath: "/etc/nginx/conf.d" }],
          },
        ],
        volumes: [{ name: "conf", configMap: { name: "nginx-conf" } }],
      },
    },
  },
});

/** What `kubectl create deployment web --image=nginx` sends. */
export const kubectlCreateDeployment = (): KubeObject => ({
  kind: "Deployment",
  apiVersion: "apps/v1",
  metadata: { name: "web", creationTimestamp: null as unknown as undefined, labels: { app: "web" } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { creationTimestamp: null, labels: { app: "web" } },
      spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] },
    },
    strategy: {},
  },
  status: {},
});

export const webService = (): KubeObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web", namespace: "default" },
  spec: { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "http" }, { name: "https", port: 443 }] },
});

export const piJob = (): KubeObject => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: { name: "pi", namespace: "default", uid: "2f5c7b6e-1111-4c3d-9e7f-0123456789ab" },
  spec: {
    backoffLimit: 4,
    template: {
      spec: {
        restartPolicy: "Never",
        containers: [{ name: "pi", image: "perl:5.34.0", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }],
      },
    },
  },
});

export const helloCronJob = (): KubeObject => ({
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: { name: "hello", namespace: "default" },
  spec: {
    schedule: "*/5 * * * *",
    timeZone: "Etc/UTC",
    jobTemplate: {
      spec: {
        template: {
          spec: {
            restartPolicy: "OnFailure",
            containers: [{ name: "hello", image: "busybox:1.36", command: ["sh", "-c", "date; echo Hello"] }],
          },
        },
      },
    },
  },
});

export const webIngress = (): KubeObject => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "web", namespace: "default", annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/" } },
  spec: {
    ingressClassName: "nginx",
    tls: [{ hosts: ["example.com"], secretName: "web-tls" }],
    rules: [
      {
        host: "example.com",
        http: {
          paths: [
            { path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } },
            { path: "/api", pathType: "Exact", backend: { service: { name: "api", port: { name: "http" } } } },
          ],
        },
      },
    ],
  },
});

export const podReaderRole = (): KubeObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "Role",
  metadata: { name: "pod-reader", namespace: "default" },
  rules: [{ apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "watch", "list"] }],
});

export const readPodsBinding = (): KubeObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: { name: "read-pods", namespace: "default" },
  subjects: [
    { kind: "User", name: "jane" },
    { kind: "ServiceAccount", name: "default", namespace: "default" },
  ],
  roleRef: { kind: "Role", name: "pod-reader", apiGroup: "rbac.authorization.k8s.io" },
});

export const clusterRole = (): KubeObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: { name: "system:metrics-reader" },
  rules: [
    { apiGroups: ["metrics.k8s.io"], resources: ["pods", "nodes"], verbs: ["get", "list"] },
    { nonResourceURLs: ["/metrics"], verbs: ["get"] },
  ],
});
