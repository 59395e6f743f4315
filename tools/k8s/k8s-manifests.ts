// The Kubernetes manifests of the services, rendered from tools/services.json so the ports, entry
// points and probes cannot drift from what `npm start` runs. `npm run k8s` writes k8s/services.yaml;
// a test checks the committed file is what this renders.
import { stringify } from 'yaml';

export interface ServiceEntry {
  name: string;
  entry: string;
  port: number;
}

// lapor-sim stands in for the national LAPOR! API in development only; a cluster polls the real one.
const DEV_ONLY = new Set(['lapor-sim']);
/** Topics each service consumes (its consumer group is bekasi.<service>): KEDA scales it on their lag. */
export const CONSUMED_TOPICS: Record<string, string[]> = {
  routing: ['complaints', 'tickets'],
  desk: ['tickets', 'complaints', 'sla'],
  sla: ['tickets'],
  escalation: ['sla', 'tickets'],
  ikp: ['tickets', 'sla', 'escalations'],
};
const NAMESPACE = 'bekasi-lapor';
const IMAGE = 'registry.bekasikab.go.id/bekasi-lapor:0.1.0';
const KAFKA = 'bekasi-kafka-kafka-bootstrap.kafka:9092';

function deployment(s: ServiceEntry, all: readonly ServiceEntry[]) {
  const gatewayEnv =
    s.name === 'gateway'
      ? all.filter((o) => o.name !== 'gateway' && !DEV_ONLY.has(o.name)).map((o) => ({ name: `GATEWAY_${o.name.toUpperCase()}_URL`, value: `http://${o.name}.${NAMESPACE}.svc:${o.port}` }))
      : [];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: s.name, namespace: NAMESPACE, labels: { app: s.name, 'app.kubernetes.io/part-of': 'bekasi-lapor' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: s.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: { app: s.name }, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(s.port), 'prometheus.io/path': '/metrics' } },
        spec: {
          // SIGTERM drains the consumer and the outbox relay; give it time before SIGKILL.
          terminationGracePeriodSeconds: 45,
          securityContext: { runAsNonRoot: true, runAsUser: 1000 },
          containers: [
            {
              name: s.name,
              image: IMAGE,
              ports: [{ name: 'http', containerPort: s.port }],
              env: [
                { name: 'SERVICE_ENTRY', value: s.entry },
                { name: 'PORT', value: String(s.port) },
                { name: 'HOST', value: '0.0.0.0' },
                ...gatewayEnv,
              ],
              envFrom: [{ configMapRef: { name: 'bekasi-lapor-config' } }, { secretRef: { name: 'bekasi-lapor-secrets' } }],
              startupProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
              livenessProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 10, failureThreshold: 3 },
              readinessProbe: { httpGet: { path: '/health/ready', port: 'http' }, periodSeconds: 5, failureThreshold: 2 },
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '768Mi' } },
            },
          ],
        },
      },
    },
  };
}

const service = (s: ServiceEntry) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: s.name, namespace: NAMESPACE, labels: { app: s.name } },
  spec: { selector: { app: s.name }, ports: [{ name: 'http', port: s.port, targetPort: 'http' }] },
});

const disruptionBudget = (s: ServiceEntry) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: s.name, namespace: NAMESPACE },
  spec: { minAvailable: 1, selector: { matchLabels: { app: s.name } } },
});

const scaledObject = (s: ServiceEntry, topics: string[]) => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: s.name, namespace: NAMESPACE },
  spec: {
    scaleTargetRef: { name: s.name },
    minReplicaCount: 2,
    // More consumers than partitions would sit idle.
    maxReplicaCount: 6,
    triggers: topics.map((topic) => ({ type: 'kafka', metadata: { bootstrapServers: KAFKA, consumerGroup: `bekasi.${s.name}`, topic, lagThreshold: '200' } })),
  },
});

export function renderManifests(services: readonly ServiceEntry[]): string {
  const deployed = services.filter((s) => !DEV_ONLY.has(s.name));
  const gateway = deployed.find((s) => s.name === 'gateway');
  const docs: object[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bekasi-lapor-config', namespace: NAMESPACE },
      data: { KAFKA_BROKERS: KAFKA, LOG_LEVEL: 'info', TIME_SCALE: '1', DEMO_SEED: 'false', REDIS_PREFIX: 'bekasi' },
    },
  ];
  for (const s of deployed) {
    docs.push(deployment(s, deployed), service(s), disruptionBudget(s));
    if (CONSUMED_TOPICS[s.name]) docs.push(scaledObject(s, CONSUMED_TOPICS[s.name]));
  }
  if (gateway) {
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'gateway', namespace: NAMESPACE, annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '50m' } },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['lapor.bekasikab.go.id'], secretName: 'lapor-bekasikab-tls' }],
        rules: [{ host: 'lapor.bekasikab.go.id', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gateway', port: { number: gateway.port } } } }] } }],
      },
    });
  }
  const header =
    '# Generated by `npm run k8s` from tools/services.json (tools/k8s/k8s-manifests.ts); do not edit by hand.\n' +
    '# Needs: Strimzi Kafka `bekasi-kafka` in namespace kafka, KEDA, an nginx ingress, and a Secret\n' +
    '# `bekasi-lapor-secrets` with DATABASE_URL, REDIS_URL, JWT_SECRET, REPORTER_CHANNEL_TOKEN (see secrets.example.yaml).\n';
  return header + docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}
