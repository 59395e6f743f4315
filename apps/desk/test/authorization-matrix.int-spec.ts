import request from 'supertest';
import type { TicketStatus } from '@bekasi/tickets-domain';
import { DeskTestApp } from './desk-test-app';

/**
 * The authorization matrix: every role × every endpoint × a ticket of the caller's own unit / of
 * another unit, plus no token and an expired token. Own unit = DINSOS (Asda I), other unit = DLH
 * (Asda II); the asda user is asda1 (group I). Cells: HTTP status; for the inbox, whether the
 * ticket is `listed` or `hidden` (200 either way). `own/other` where both differ, one value where
 * the endpoint names no ticket. Commands are sent with the right version, on a fresh ticket in a
 * status where the action is possible, so the cell shows authorization only.
 */
export const AUTHORIZATION_MATRIX = `
endpoint                                   | admin         | officer      | unit_head    | asda         | sekda         | bupati        | no token | expired
GET  /api/v1/tickets (inbox)               | listed/listed | listed/hidden| listed/hidden| listed/hidden| listed/listed | listed/listed | 401      | 401
GET  /api/v1/tickets/:id                   | 200/200       | 200/404      | 200/404      | 200/404      | 200/200       | 200/200       | 401      | 401
POST /api/v1/tickets/:id/acknowledge       | 403/403       | 200/404      | 200/404      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/start-work        | 403/403       | 200/404      | 200/404      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/notes             | 200/200       | 200/404      | 200/404      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/info-requests     | 200/200       | 200/404      | 200/404      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/answers           | 403/403       | 200/404      | 200/404      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/reassignment-requests | 403/403   | 200/404      | 200/404      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/disposition       | 200/200       | 403/403      | 403/403      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/archive           | 200/200       | 403/403      | 403/403      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/merge             | 200/200       | 403/403      | 403/403      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/close             | 200/200       | 403/403      | 403/403      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/tickets/:id/reopen            | 200/200       | 403/403      | 403/403      | 403/403      | 403/403       | 403/403       | 401      | 401
POST /api/v1/reporter/tickets/:trackingId/replies | 404/404 | 404/404     | 404/404      | 404/404      | 404/404       | 404/404       | 404      | 404
GET  /api/v1/users                         | 200           | 403          | 403          | 403          | 403           | 403           | 401      | 401
POST /api/v1/users                         | 201           | 403          | 403          | 403          | 403           | 403           | 401      | 401
GET  /api/v1/units                         | 200           | 200          | 200          | 200          | 200           | 200           | 401      | 401
`;

const ROLES = ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const;
const USER_OF: Record<(typeof ROLES)[number], string> = {
  admin: 'admin',
  officer: 'officer.dinsos',
  unit_head: 'head.dinsos',
  asda: 'asda1',
  sekda: 'sekda',
  bupati: 'bupati',
};
const OWN_UNIT = 'DINSOS';
const OTHER_UNIT = 'DLH';

interface Row {
  method: 'GET' | 'POST';
  path: string;
  cells: Record<string, string>;
}

function parseMatrix(text: string): Row[] {
  const [header, ...lines] = text.trim().split('\n').map((l) => l.split('|').map((c) => c.trim()));
  return lines.map((cols) => {
    const [method, path] = cols[0].split(/\s+/);
    const cells = Object.fromEntries(header.slice(1).map((name, i) => [name, cols[i + 1]]));
    return { method: method as Row['method'], path, cells };
  });
}

/** Where each endpoint's action is possible, and what it needs in the body. */
const SETUP: Record<string, { status: TicketStatus; body?: (ctx: { originalId: string; n: number }) => object }> = {
  '/api/v1/tickets/:id': { status: 'assigned' },
  '/api/v1/tickets/:id/acknowledge': { status: 'assigned' },
  '/api/v1/tickets/:id/start-work': { status: 'acknowledged' },
  '/api/v1/tickets/:id/notes': { status: 'acknowledged', body: () => ({ note: 'Catatan matriks' }) },
  '/api/v1/tickets/:id/info-requests': { status: 'acknowledged', body: () => ({ question: 'Mohon lengkapi lokasi.' }) },
  '/api/v1/tickets/:id/answers': { status: 'in_progress', body: () => ({ answer: 'Sudah ditindaklanjuti.' }) },
  '/api/v1/tickets/:id/reassignment-requests': { status: 'acknowledged', body: () => ({ reason: 'Bukan kewenangan kami.' }) },
  '/api/v1/tickets/:id/disposition': { status: 'assigned', body: () => ({ unitCode: 'DISHUB', reason: 'Koreksi disposisi' }) },
  '/api/v1/tickets/:id/archive': { status: 'assigned', body: () => ({ kind: 'out_of_scope', reason: 'Bukan pelayanan publik kabupaten.' }) },
  '/api/v1/tickets/:id/merge': { status: 'assigned', body: ({ originalId }) => ({ duplicateOfTicketId: originalId }) },
  '/api/v1/tickets/:id/close': { status: 'answered', body: () => ({ reason: 'Tindak lanjut sesuai.' }) },
  '/api/v1/tickets/:id/reopen': { status: 'answered', body: () => ({ reason: 'Belum selesai.' }) },
  '/api/v1/reporter/tickets/:trackingId/replies': { status: 'acknowledged', body: () => ({ message: 'Balasan' }) },
  '/api/v1/users': { status: 'assigned', body: ({ n }) => ({ username: `matriks.${n}`, displayName: 'Matriks', role: 'sekda', password: 'sandi-matriks-1' }) },
};

describe('authorization matrix: every role × endpoint × own unit / other unit / no token / expired token', () => {
  let desk: DeskTestApp;
  const tokens: Record<string, string> = {};
  let expiredToken: string;
  let n = 0;

  beforeAll(async () => {
    desk = await DeskTestApp.start('deskauthz');
    for (const role of ROLES) tokens[role] = await desk.tokenOf(USER_OF[role]);
    expiredToken = await desk.tokenOf('officer.dinsos', { expired: true });
  });
  afterAll(async () => {
    await desk?.stop();
  });

  /** One request of `row` with `token` (or none) against a fresh ticket of `unitCode`; the observed cell. */
  async function observe(row: Row, token: string | null, unitCode: string): Promise<string> {
    const setup = SETUP[row.path] ?? { status: 'assigned' as const };
    const target = await desk.ticketIn(setup.status, unitCode);
    const original = await desk.ticketIn('assigned', unitCode);
    const path = row.path.replace(':id', target.snapshot.id).replace(':trackingId', target.complaint.trackingId);
    const req = row.method === 'GET' ? request(desk.http).get(path) : request(desk.http).post(path).set('if-match', String(target.snapshot.version));
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = row.method === 'GET' ? await req : await req.send(setup.body?.({ originalId: original.snapshot.id, n: ++n }) ?? {});
    if (row.path === '/api/v1/tickets' && res.status === 200) {
      const listed = await listedIn(token!, target.snapshot.id);
      return listed ? 'listed' : 'hidden';
    }
    return String(res.status);
  }

  /** Whether the caller's inbox lists the ticket, on whichever page. */
  async function listedIn(token: string, id: string): Promise<boolean> {
    for (let page = 1; ; page++) {
      const res = await request(desk.http).get(`/api/v1/tickets?pageSize=100&page=${page}`).set('authorization', `Bearer ${token}`).expect(200);
      if (res.body.items.some((i: { id: string }) => i.id === id)) return true;
      if (page * 100 >= res.body.total) return false;
    }
  }

  const rows = parseMatrix(AUTHORIZATION_MATRIX);

  it('covers every role and both no-token columns in every row', () => {
    expect(rows).toHaveLength(17);
    for (const row of rows) expect(Object.keys(row.cells)).toEqual([...ROLES, 'no token', 'expired']);
  });

  for (const row of rows) {
    it(`${row.method} ${row.path}`, async () => {
      const observed: Record<string, string> = {};
      for (const role of ROLES) {
        const own = await observe(row, tokens[role], OWN_UNIT);
        const other = await observe(row, tokens[role], OTHER_UNIT);
        observed[role] = row.cells[role].includes('/') ? `${own}/${other}` : own === other ? own : `${own}/${other}`;
      }
      observed['no token'] = await observe(row, null, OWN_UNIT);
      observed['expired'] = await observe(row, expiredToken, OWN_UNIT);
      expect(observed).toEqual(row.cells);
    });
  }
});
