// npm run k8s: writes k8s/services.yaml from tools/services.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderManifests } from './k8s-manifests';

const root = join(__dirname, '..', '..');
const { services } = JSON.parse(readFileSync(join(root, 'tools', 'services.json'), 'utf8'));
writeFileSync(join(root, 'k8s', 'services.yaml'), renderManifests(services));
console.log('wrote k8s/services.yaml');
