// The web UI's texts: Bahasa Indonesia first, English second; every key in both, none empty, and
// every key the UI uses defined.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', 'public');
const messages = JSON.parse(readFileSync(join(dir, 'i18n.json'), 'utf8')) as Record<'id' | 'en', Record<string, string>>;
const source = readFileSync(join(dir, 'app.js'), 'utf8') + readFileSync(join(dir, 'index.html'), 'utf8');

describe('web UI texts', () => {
  it('has the same keys in Bahasa Indonesia and English, none empty', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    for (const lang of ['id', 'en'] as const) for (const [key, text] of Object.entries(messages[lang])) expect(`${lang}:${key}:${text.trim().length > 0}`).toBe(`${lang}:${key}:true`);
  });

  it('defines every literal key the UI asks for', () => {
    const used = new Set([...source.matchAll(/(?:\bt\('|data-i18n=")([a-z]+\.[A-Za-z_.-]+)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((key) => !(key in messages.id));
    expect(missing).toEqual([]);
  });

  it('defines the keys the UI builds from data: deadline kinds, states, roles, archive kinds, IKP indicators', () => {
    const built = [
      ...['verification', 'first-response', 'resolution', 'auto-close'].map((k) => `deadline.${k}`),
      ...['running', 'paused', 'met', 'cancelled', 'breached'].map((s) => `state.${s}`),
      ...['unit_head', 'asda', 'sekda', 'bupati'].map((r) => `role.${r}`),
      ...['spam', 'out_of_scope', 'duplicate', 'incomplete_information'].map((k) => `archive.${k}`),
      ...['first_response_on_time', 'resolution_on_time', 'follow_up_rate', 'satisfaction', 'escalation_free', 'instructions_on_time'].map((i) => `ikp.${i}`),
      ...['on_track', 'overdue', 'done_on_time', 'done_late', 'cancelled'].map((s) => `standing.${s}`),
    ];
    expect(built.filter((key) => !(key in messages.id))).toEqual([]);
  });
});
