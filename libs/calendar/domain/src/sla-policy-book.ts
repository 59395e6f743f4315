// Policies change (a Sekda instruction, a new regulation) but a ticket keeps the policy it started
// with, so deadlines never move under a unit's feet. The book holds every version ever in force.
import { DEFAULT_SLA_POLICY_VERSION, type SlaPolicyVersion } from './sla-policy';

export class SlaPolicyBook {
  private readonly ordered: readonly SlaPolicyVersion[];

  constructor(versions: readonly SlaPolicyVersion[]) {
    if (versions.length === 0) throw new Error('An SLA policy book needs at least one version');
    const names = new Set<string>();
    for (const version of versions) {
      if (names.has(version.version)) throw new Error(`SLA policy version "${version.version}" appears twice`);
      names.add(version.version);
    }
    this.ordered = [...versions].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
    for (let i = 1; i < this.ordered.length; i++) {
      if (this.ordered[i].effectiveFrom.getTime() === this.ordered[i - 1].effectiveFrom.getTime()) {
        throw new Error(
          `SLA policy versions "${this.ordered[i - 1].version}" and "${this.ordered[i].version}" take effect at the same instant`,
        );
      }
    }
  }

  /** Oldest first. */
  get versions(): readonly SlaPolicyVersion[] {
    return this.ordered;
  }

  /**
   * The version in force at a ticket's start (its receipt): the latest one effective at or before
   * it. Tickets older than the first version (back-filled history) follow the first version, so
   * an import of old exports always has a policy to measure against.
   */
  inForceAt(ticketStart: Date): SlaPolicyVersion {
    const at = ticketStart.getTime();
    if (Number.isNaN(at)) throw new Error('Invalid date');
    let inForce = this.ordered[0];
    for (const version of this.ordered) {
      if (version.effectiveFrom.getTime() <= at) inForce = version;
    }
    return inForce;
  }

  /** The version a ticket recorded when it started. */
  byVersion(version: string): SlaPolicyVersion | undefined {
    return this.ordered.find((candidate) => candidate.version === version);
  }

  /** A new book with one more version; this book is unchanged. */
  withVersion(version: SlaPolicyVersion): SlaPolicyBook {
    return new SlaPolicyBook([...this.ordered, version]);
  }
}

export const DEFAULT_SLA_POLICY_BOOK = new SlaPolicyBook([DEFAULT_SLA_POLICY_VERSION]);
