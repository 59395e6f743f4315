// npm test (and so CI) must run on the project's Node.js, whatever the machine has installed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('project runtime', () => {
  it('runs the tests on the Node.js major named in .node-version', () => {
    const wanted = readFileSync(join(__dirname, '..', '..', '.node-version'), 'utf8').trim();
    expect(process.versions.node.split('.')[0]).toBe(wanted.split('.')[0]);
  });
});
