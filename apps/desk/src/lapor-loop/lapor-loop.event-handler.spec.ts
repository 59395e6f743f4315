import type { EntityManager } from 'typeorm';
import { LaporUpdateReceivedV1 } from '@bekasi/contracts';
import { isTransientError, PermanentEventError, TransientEventError, type ConsumedEvent } from '@bekasi/messaging';
import { LaporLoopEventsHandler } from './lapor-loop.event-handler';

/** A transaction in which desk has no ticket at all. */
const noTickets = { connection: { options: { schema: 'desk' } }, query: async () => [] } as unknown as EntityManager;

const update = {
  type: LaporUpdateReceivedV1.type,
  data: { complaintId: '00000000-0000-4000-8000-000000000001', updateId: 'u-1' },
  envelope: { id: 'event-1' },
} as unknown as ConsumedEvent;

describe('LaporLoopEventsHandler, an update whose ticket never opens', () => {
  afterEach(() => jest.restoreAllMocks());

  it('waits five minutes, then gives up for every later attempt (the per-event ones before the dead-letter topic)', async () => {
    const handler = new LaporLoopEventsHandler(null as never, null as never, null as never, null as never);
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await expect(handler.handle(noTickets, [update])).rejects.toBeInstanceOf(TransientEventError);
    now.mockReturnValue(1_000_000 + 5 * 60_000);
    await expect(handler.handle(noTickets, [update])).rejects.toBeInstanceOf(PermanentEventError);
    // The batch failed permanently: the consumer tries the event alone, a few times. It must not wait anew
    // (a transient failure there pauses the partition and starts the whole cycle again).
    for (let attempt = 0; attempt < 3; attempt++) {
      now.mockReturnValue(1_000_000 + 5 * 60_000 + attempt * 1_000);
      const err = await handler.handle(noTickets, [update]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PermanentEventError);
      expect(isTransientError(err)).toBe(false);
    }
  });
});
