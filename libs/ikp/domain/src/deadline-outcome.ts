// What the IKP counts of a unit's deadline: on time or late. Late once, late for good: a deadline
// met after its breach, or reported on time after having been late, stays late.

/** Folds the outcomes reported for one deadline, in any order, into the one the IKP counts. */
export function deadlineOnTime(reports: readonly boolean[]): boolean {
  return reports.every((onTime) => onTime);
}

/** The stored outcome after one more report (null: nothing stored yet). */
export function nextDeadlineOnTime(stored: boolean | null, reported: boolean): boolean {
  return deadlineOnTime(stored === null ? [reported] : [stored, reported]);
}
