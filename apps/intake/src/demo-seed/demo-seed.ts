import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { SAMPLE_EXPORT_FILES } from '@bekasi/reference-data';
import type { IntakeConfig } from '../intake.config';
import { ImportExportService } from '../import-export/import-export.service';

/**
 * With DEMO_SEED=true the sample export is imported at start so routing has history to learn
 * from. Identity keys make it idempotent: a restart imports it again and adds nothing.
 */
@Injectable()
export class DemoSeed implements OnApplicationBootstrap {
  constructor(
    private readonly imports: ImportExportService,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.DEMO_SEED) return;
    const report = await this.imports.importFile(await readFile(SAMPLE_EXPORT_FILES.csv), basename(SAMPLE_EXPORT_FILES.csv));
    this.logger.info({ imported: report.imported, alreadyPresent: report.duplicates }, 'demo seed: sample export imported');
  }
}
