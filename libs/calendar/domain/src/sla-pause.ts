// Intervals during which an SLA clock stands still, e.g. while a ticket is "Menunggu Kelengkapan
// Informasi" (waiting for the reporter). A pause without `to` is still running.

export interface SlaPause {
  from: Date;
  /** Absent while the ticket is still waiting. */
  to?: Date;
}

/** A pause in epoch milliseconds; `toMs` is Infinity while it is still running. */
export interface PauseSpan {
  fromMs: number;
  toMs: number;
}

/** Sorted, non-overlapping spans, so walking through time can skip each pause exactly once. */
export function normalisePauses(pauses: readonly SlaPause[]): PauseSpan[] {
  const spans = pauses
    .map(({ from, to }) => {
      const fromMs = from.getTime();
      const toMs = to === undefined ? Number.POSITIVE_INFINITY : to.getTime();
      if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new Error('A pause has an invalid date');
      if (toMs < fromMs) {
        throw new Error(`A pause cannot end before it starts: ${from.toISOString()} to ${(to as Date).toISOString()}`);
      }
      return { fromMs, toMs };
    })
    .filter((span) => span.toMs > span.fromMs)
    .sort((a, b) => a.fromMs - b.fromMs);

  const merged: PauseSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, span.toMs);
    else merged.push({ ...span });
  }
  return merged;
}
