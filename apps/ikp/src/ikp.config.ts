import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { FileStoreServiceConfig } from '@bekasi/file-store';
import { trim } from '@bekasi/platform';

const bool = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['true', '1', 'yes'].includes(value.trim().toLowerCase()) : value);

/** Weights, targets and zones are IKP policy (libs/ikp/domain, versions published by the Sekda); here only how the service runs. */
export class IkpConfig extends FileStoreServiceConfig {
  /** How often (real milliseconds) the service checks whether last month's scores still need publishing. */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(86_400_000)
  IKP_PUBLISH_CHECK_INTERVAL_MS = 3_600_000;

  /**
   * Roles that verify a unit's realisation of an instruction (the leadership's staff: Bagian
   * Organisasi under the Sekda, or the Asisten Daerah over the unit), comma-separated.
   */
  @Transform(trim) @Matches(/^(asda|sekda|bupati|admin)(,(asda|sekda|bupati|admin))*$/, { message: 'IKP_VERIFIER_ROLES must be a comma list of asda, sekda, bupati, admin' })
  IKP_VERIFIER_ROLES = 'asda,sekda';

  /** Whether the Sekda decides instruction-target proposals by the Bupati's delegation. */
  @Transform(bool) @IsBoolean()
  IKP_SEKDA_DECIDES_TARGETS = true;

  /** The unit the LAPOR admin belongs to: the admin never sets that unit's own targets. */
  @Transform(trim) @IsString() @Matches(/^[A-Z0-9_]+$/, { message: 'IKP_ADMIN_UNIT_CODE must be a unit code' })
  IKP_ADMIN_UNIT_CODE = 'DISKOMINFOSANTIK';

  /** Largest finance export accepted (MB) and most data rows read from it. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  IKP_BUDGET_MAX_FILE_MB = 10;

  @Type(() => Number) @IsInt() @Min(10) @Max(1_000_000)
  IKP_BUDGET_MAX_ROWS = 50_000;

  /** Largest evidence file (photo or PDF) a unit uploads for its realisation, in MB. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  IKP_EVIDENCE_MAX_MB = 10;
}
