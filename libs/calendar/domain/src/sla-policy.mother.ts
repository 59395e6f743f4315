// Test data: SLA policies derived from the shipped default, changed only where a test says so.
import { SLA_POLICY_DEFAULT } from '@bekasi/reference-data';
import { jakartaInstant } from './jakarta-time';
import { slaPolicyVersion, type SlaPolicy, type SlaPolicyVersion } from './sla-policy';

export interface PolicyChanges {
  verificationDays?: number;
  firstResponseDays?: number;
  /** null removes Kabupaten Bekasi's override. */
  bekasiOverride?: { workingDays: number; since: string } | null;
  resolutionDays?: Record<string, number>;
  unclassifiedDays?: number;
  autoCloseDays?: number;
}

export function aPolicy(changes: PolicyChanges = {}): SlaPolicy {
  const policy: SlaPolicy = structuredClone(SLA_POLICY_DEFAULT);
  const resolution = policy.resolution.map((rule) => ({
    ...rule,
    workingDays: changes.resolutionDays?.[rule.classification] ?? rule.workingDays,
  }));
  const overrides = { ...policy.firstResponse.regencyOverrides };
  if (changes.bekasiOverride === null) delete overrides['kabupaten-bekasi'];
  else if (changes.bekasiOverride) overrides['kabupaten-bekasi'] = changes.bekasiOverride;

  return {
    ...policy,
    verificationAndDisposition: { workingDays: changes.verificationDays ?? policy.verificationAndDisposition.workingDays },
    firstResponse: { workingDays: changes.firstResponseDays ?? policy.firstResponse.workingDays, regencyOverrides: overrides },
    resolution,
    resolutionWhenUnclassified: { workingDays: changes.unclassifiedDays ?? policy.resolutionWhenUnclassified.workingDays },
    autoClose: { workingDaysAfterFinalAnswer: changes.autoCloseDays ?? policy.autoClose.workingDaysAfterFinalAnswer },
  };
}

/** A version taking effect at 00:00 WIB of `effectiveFromWib` (or at a WIB wall-clock time). */
export function aPolicyVersion(version: string, effectiveFromWib: string, changes: PolicyChanges = {}): SlaPolicyVersion {
  return slaPolicyVersion(version, jakartaInstant(effectiveFromWib), aPolicy(changes));
}
