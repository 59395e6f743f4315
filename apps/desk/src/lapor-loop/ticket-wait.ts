/**
 * How long a LAPOR! update may wait for routing to open its ticket, per event id, in real time (not
 * the business clock a demo speeds up: this is how long the partition may wait). Once given up, an
 * update stays given up — the consumer then tries it alone a few times before the dead-letter topic,
 * and one that started waiting anew there would pause the partition again, for ever — until long
 * after, when its entry is forgotten.
 */
export class TicketWait {
  private readonly since = new Map<string, number>();

  constructor(
    private readonly waitMs: number,
    private readonly forgetAfterMs = 4 * waitMs,
  ) {}

  /** The ticket of this update is not there at `nowMs`: wait for it (transient) or give up (permanent). */
  verdict(eventId: string, nowMs: number): 'wait' | 'give-up' {
    let since = this.since.get(eventId);
    if (since === undefined) {
      for (const [id, at] of this.since) if (nowMs - at > this.forgetAfterMs) this.since.delete(id);
      since = nowMs;
      this.since.set(eventId, since);
    }
    return nowMs - since < this.waitMs ? 'wait' : 'give-up';
  }

  /** The ticket is there: the update applies and its wait is over. */
  done(eventId: string): void {
    this.since.delete(eventId);
  }
}
