import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse as parseYaml } from 'yaml';
import { EVENT_CATALOG } from '../catalog';
import { buildAsyncApiDocument, messageIdOf } from './asyncapi-document';

const committedPath = resolve(__dirname, '../../../../../docs/asyncapi.yaml');

describe('AsyncAPI document', () => {
  it('docs/asyncapi.yaml validates with @asyncapi/parser without errors', async () => {
    const text = readFileSync(committedPath, 'utf8');
    const { document, diagnostics } = await new Parser().parse(text);
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
  });

  it('the committed document is the one the contracts generate (run `npm run asyncapi` after a change)', () => {
    const committed = parseYaml(readFileSync(committedPath, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
  });

  it('describes every event of the catalog on its topic, with a producer operation', () => {
    const doc = buildAsyncApiDocument() as any;
    for (const { definition, producer } of EVENT_CATALOG) {
      const id = messageIdOf(definition.name, definition.version);
      expect(doc.components.messages[id].name).toBe(definition.type);
      expect(doc.channels[definition.topic].messages[id]).toBeDefined();
      expect(doc.operations[`${producer}.send.${id}`].action).toBe('send');
    }
  });

  it('builds message ids from name and version', () => {
    expect(messageIdOf('complaint.triage-required', 1)).toBe('ComplaintTriageRequiredV1');
  });
});
