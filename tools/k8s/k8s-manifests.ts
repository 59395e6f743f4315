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

/** Secrets each service is given, by name (a pod holds no key it does not use). */
const SECRETS_OF: Record<string, { env: string; secret: string; key: string }[]> = {
  desk: [{ env: 'REPORTER_KEY_SECRET', secret: 'bekasi-lapor-reporter-key', key: 'REPORTER_KEY_SECRET' }],
  intake: [
    { env: 'REPORTER_KEY_SECRET', secret: 'bekasi-lapor-reporter-key', key: 'REPORTER_KEY_SECRET' },
    { env: 'INTAKE_CHANNELS', secret: 'bekasi-lapor-channels', key: 'INTAKE_CHANNELS' },
  ],
};
/** Services that talk to the internet (the LAPOR! API, alert webhooks and mail). */
const EGRESS_TO_INTERNET = new Set(['intake', 'escalation']);

function deployment(s: ServiceEntry, all: readonly ServiceEntry[]) {
  const gatewayEnv =
    s.name === 'gateway'
      ? all.filter((o) => o.name !== 'gateway' && !DEV_ONLY.has(o.name)).map((o) => ({ name: `GATEWAY_${o.name.toUpperCase()}_URL`, value: `http://${o.name}.${NAMESPACE}.svc:${o.port}` }))
      : [];
  const secretEnv = (SECRETS_OF[s.name] ?? []).map((x) => ({ name: x.env, valueFrom: { secretKeyRef: { name: x.secret, key: x.key } } }));
  // Only desk holds the private key that signs access tokens; every pod has the public keys (JWKS).
  const volumes: object[] = [
    { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
    { name: 'auth-public', configMap: { name: 'bekasi-lapor-auth-public' } },
    ...(s.name === 'desk' ? [{ name: 'signing-key', secret: { secretName: 'bekasi-desk-signing-key', defaultMode: 0o400 } }] : []),
  ];
  const mounts: object[] = [
    { name: 'tmp', mountPath: '/tmp' },
    { name: 'auth-public', mountPath: '/etc/bekasi/auth', readOnly: true },
    ...(s.name === 'desk' ? [{ name: 'signing-key', mountPath: '/etc/bekasi/signing', readOnly: true }] : []),
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: s.name, namespace: NAMESPACE, labels: { app: s.name, 'app.kubernetes.io/part-of': 'bekasi-lapor' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: s.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: { app: s.name, 'app.kubernetes.io/part-of': 'bekasi-lapor', ...(EGRESS_TO_INTERNET.has(s.name) ? { 'bekasi-lapor/egress': 'internet' } : {}) },
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(s.port), 'prometheus.io/path': '/metrics' },
        },
        spec: {
          // SIGTERM drains the consumer and the outbox relay; give it time before SIGKILL.
          terminationGracePeriodSeconds: 45,
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          volumes,
          containers: [
            {
              name: s.name,
              image: IMAGE,
              ports: [{ name: 'http', containerPort: s.port }],
              env: [
                { name: 'SERVICE_ENTRY', value: s.entry },
                { name: 'PORT', value: String(s.port) },
                { name: 'HOST', value: '0.0.0.0' },
                { name: 'HOME', value: '/tmp' },
                { name: 'AUTH_PUBLIC_JWKS_FILE', value: '/etc/bekasi/auth/jwks.json' },
                ...(s.name === 'desk' ? [{ name: 'AUTH_SIGNING_KEY_FILE', value: '/etc/bekasi/signing/signing-key.pem' }] : []),
                { name: 'GATEWAY_HOP_SECRET', valueFrom: { secretKeyRef: { name: 'bekasi-lapor-hop', key: 'GATEWAY_HOP_SECRET' } } },
                ...secretEnv,
                ...gatewayEnv,
              ],
              envFrom: [{ configMapRef: { name: 'bekasi-lapor-config' } }, { secretRef: { name: 'bekasi-lapor-secrets' } }],
              volumeMounts: mounts,
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              startupProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
              livenessProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 10, failureThreshold: 3 },
              readinessProbe: { httpGet: { path: '/health/ready', port: 'http' }, periodSeconds: 5, failureThreshold: 2 },
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '768Mi', 'ephemeral-storage': '512Mi' } },
            },
          ],
        },
      },
    },
  };
}

const PART_OF = { 'app.kubernetes.io/part-of': 'bekasi-lapor' };
const policy = (name: string, namespace: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });

/**
 * Nothing reaches a pod unless allowed: the ingress controller reaches the gateway, the gateway the
 * services' HTTP ports, Prometheus the metrics; the services reach PostgreSQL, Redis, Kafka and DNS
 * (intake and escalation also the internet over TLS/SMTP); PostgreSQL, Redis and Kafka accept only
 * this system's pods (and their own namespace, for replication and the operators).
 */
function networkPolicies(deployed: readonly ServiceEntry[]): object[] {
  const fromSystem = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': NAMESPACE } }, podSelector: { matchLabels: PART_OF } };
  const infra = [
    ['postgres', 5432],
    ['redis', 6379],
    ['kafka', 9092],
  ] as const;
  const docs: object[] = [
    policy('default-deny', NAMESPACE, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('prometheus-scrapes-metrics', NAMESPACE, {
      podSelector: { matchLabels: PART_OF },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }],
    }),
    policy('services-reach-infrastructure', NAMESPACE, {
      podSelector: { matchLabels: PART_OF },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
        ...infra.map(([ns, port]) => ({ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } }], ports: [{ protocol: 'TCP', port }] })),
        { to: [{ podSelector: { matchLabels: { app: 'minio' } } }], ports: [{ protocol: 'TCP', port: 9000 }] },
      ],
    }),
    policy('gateway-reaches-services', NAMESPACE, {
      podSelector: { matchLabels: { app: 'gateway' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: PART_OF } }], ports: deployed.filter((s) => s.name !== 'gateway').map((s) => ({ protocol: 'TCP', port: s.port })) }],
    }),
    policy('some-reach-the-internet', NAMESPACE, {
      podSelector: { matchLabels: { 'bekasi-lapor/egress': 'internet' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 443 }, { protocol: 'TCP', port: 587 }] }],
    }),
  ];
  for (const s of deployed) {
    const from = s.name === 'gateway' ? [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] : [{ podSelector: { matchLabels: { app: 'gateway' } } }];
    docs.push(policy(`${s.name}-http`, NAMESPACE, { podSelector: { matchLabels: { app: s.name } }, policyTypes: ['Ingress'], ingress: [{ from, ports: [{ protocol: 'TCP', port: s.port }] }] }));
  }
  for (const [ns, port] of infra) {
    docs.push(policy(`only-bekasi-lapor-and-${ns}`, ns, { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [fromSystem, { podSelector: {} }], ports: [{ protocol: 'TCP', port }] }, { from: [{ podSelector: {} }] }] }));
  }
  return docs;
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
      data: { NODE_ENV: 'production', KAFKA_BROKERS: KAFKA, LOG_LEVEL: 'info', TIME_SCALE: '1', DEMO_SEED: 'false', REDIS_PREFIX: 'bekasi' },
    },
    ...networkPolicies(deployed),
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
    '# Needs: Strimzi Kafka `bekasi-kafka` in namespace kafka, KEDA, an nginx ingress, a CNI that enforces NetworkPolicy,\n' +
    '# and the Secrets and the public-key ConfigMap of secrets.example.yaml (docs/security.md: how to make them).\n';
  return header + docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}
