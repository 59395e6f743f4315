import { en } from './en';
import { id } from './id';

describe('messages', () => {
  it('has every Indonesian key in English, and no English-only key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('keeps the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) expect({ key, vars: vars(en[key]) }).toEqual({ key, vars: vars(id[key]) });
  });

  it('names every status, action and role the services send', () => {
    for (const status of ['received', 'triage', 'assigned', 'acknowledged', 'in_progress', 'waiting_reporter', 'answered', 'reopened', 'reassign_requested', 'closed', 'archived']) {
      expect(id).toHaveProperty([`status.${status}`]);
    }
    for (const role of ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati', 'system', 'reporter']) expect(id).toHaveProperty([`role.${role}`]);
  });
});
