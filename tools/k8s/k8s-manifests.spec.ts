import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONSUMED_TOPICS, renderManifests, type ServiceEntry } from './k8s-manifests';

const root = join(__dirname, '..', '..');
const services: ServiceEntry[] = JSON.parse(readFileSync(join(root, 'tools', 'services.json'), 'utf8')).services;
const committed = readFileSync(join(root, 'k8s', 'services.yaml'), 'utf8');
const docs = parseAllDocuments(committed).map((d) => d.toJS());
const of = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);

describe('k8s manifests', () => {
  it('are what tools/services.json renders (run `npm run k8s` after changing a service)', () => {
    expect(committed).toBe(renderManifests(services));
  });

  it('deploy every service but the development stand-in, with its port, entry point and probes', () => {
    for (const s of services.filter((x) => x.name !== 'lapor-sim')) {
      const container = of('Deployment', s.name).spec.template.spec.containers[0];
      expect(container.ports[0].containerPort).toBe(s.port);
      expect(container.env).toContainEqual({ name: 'SERVICE_ENTRY', value: s.entry });
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(of('Service', s.name).spec.ports[0].port).toBe(s.port);
    }
    expect(of('Deployment', 'lapor-sim')).toBeUndefined();
  });

  it('points the gateway at every service and exposes only the gateway', () => {
    const env = of('Deployment', 'gateway').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'GATEWAY_DESK_URL', value: 'http://desk.bekasi-lapor.svc:3003' });
    expect(env.filter((e: { name: string }) => /^GATEWAY_.+_URL$/.test(e.name)).length).toBe(6);
    expect(docs.filter((d) => d.kind === 'Ingress').map((d) => d.spec.rules[0].http.paths[0].backend.service.name)).toEqual(['gateway']);
  });

  it('runs every container as non-root on a read-only root filesystem with limits, and gives the signing key to desk alone', () => {
    for (const s of services.filter((x) => x.name !== 'lapor-sim')) {
      const pod = of('Deployment', s.name).spec.template.spec;
      const container = pod.containers[0];
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(container.resources.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      const mountsKey = pod.volumes.some((v: { secret?: { secretName: string } }) => v.secret?.secretName === 'bekasi-desk-signing-key');
      expect(`${s.name} ${mountsKey}`).toBe(`${s.name} ${s.name === 'desk'}`);
    }
  });

  it('lets only the gateway reach the services, only the ingress reach the gateway, only this system reach its databases', () => {
    const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
    expect(policies.find((p) => p.metadata.name === 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    for (const s of services.filter((x) => x.name !== 'lapor-sim')) {
      const http = policies.find((p) => p.metadata.name === `${s.name}-http`);
      const from = http.spec.ingress[0].from;
      if (s.name === 'gateway') expect(from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }]);
      else expect(from).toEqual([{ podSelector: { matchLabels: { app: 'gateway' } } }]);
    }
    for (const ns of ['postgres', 'redis', 'kafka']) expect(policies.find((p) => p.metadata.namespace === ns)).toBeDefined();
  });

  it('scales each consumer on the lag of the topics it reads', () => {
    for (const [name, topics] of Object.entries(CONSUMED_TOPICS)) {
      const triggers = of('ScaledObject', name).spec.triggers;
      expect(triggers.map((t: { metadata: { topic: string } }) => t.metadata.topic)).toEqual(topics);
      expect(new Set(triggers.map((t: { metadata: { consumerGroup: string } }) => t.metadata.consumerGroup))).toEqual(new Set([`bekasi.${name}`]));
    }
  });
});
