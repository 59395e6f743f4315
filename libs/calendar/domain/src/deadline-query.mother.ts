// Test data: tickets for deadlinesFor, written with WIB wall-clock times.
import { jakartaInstant } from './jakarta-time';
import type { DeadlineQuery } from './sla-deadlines';
import { DEFAULT_SLA_POLICY_VERSION } from './sla-policy';
import type { SlaPause } from './sla-pause';
import { WorkingDayCalendar } from './working-day-calendar';

const bekasiCalendar = new WorkingDayCalendar();

export interface TicketShape extends Partial<Omit<DeadlineQuery, 'receivedAt' | 'disposedAt' | 'answeredAt' | 'pauses'>> {
  /** WIB wall-clock time, e.g. '2026-03-16T10:00'. */
  receivedAt?: string;
  disposedAt?: string;
  answeredAt?: string;
  pauses?: Array<{ from: string; to?: string }>;
}

/** An unclassified report received on an ordinary Monday morning, under the default policy. */
export function aTicket(shape: TicketShape = {}): DeadlineQuery {
  const { receivedAt = '2026-03-02T10:00', disposedAt, answeredAt, pauses = [], ...rest } = shape;
  return {
    policy: DEFAULT_SLA_POLICY_VERSION,
    calendar: bekasiCalendar,
    ...rest,
    receivedAt: jakartaInstant(receivedAt),
    disposedAt: disposedAt === undefined ? undefined : jakartaInstant(disposedAt),
    answeredAt: answeredAt === undefined ? undefined : jakartaInstant(answeredAt),
    pauses: pauses.map<SlaPause>(({ from, to }) => ({
      from: jakartaInstant(from),
      to: to === undefined ? undefined : jakartaInstant(to),
    })),
  };
}
