import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@bekasi/auth';
import type { Clock } from '@bekasi/clock';
import { MessagingModule } from '@bekasi/messaging';
import { fileStoreFromConfig } from '@bekasi/file-store';
import { loadConfig, PlatformModule } from '@bekasi/platform';
import { UnitDirectoryModule } from '@bekasi/unit-directory';
import { MulterModule } from '@nestjs/platform-express';
import { BudgetHttpController } from './budget/budget.http.controller';
import { BudgetImportWorkflow } from './budget/budget-import.workflow';
import { IkpHttpController } from './http/ikp.http.controller';
import { IkpConfig } from './ikp.config';
import { IKP_FILE_STORE, InstructionEvidence } from './instructions/instruction-evidence';
import { InstructionWorkflow } from './instructions/instruction.workflow';
import { InstructionsHttpController } from './instructions/instructions.http.controller';
import { IKP_MIGRATIONS } from './persistence/migrations';
import { IkpPolicyWorkflow } from './policy/ikp-policy.workflow';
import { IkpProjectionHandler } from './projection/ikp-projection.event-handler';
import { RapimHttpController } from './rapim/rapim.http.controller';
import { RapimPackAssembler } from './rapim/rapim-pack';
import { IkpBoard } from './scoring/ikp-board';
import { MonthCloseWorkflow } from './scoring/month-close.workflow';
import { MonthlyIkpPublisher } from './scoring/monthly-publisher';
import { TargetNegotiationWorkflow } from './targets/target-negotiation.workflow';
import { UnitRegistry } from './units/unit-registry';

export interface IkpModuleOptions {
  /** Validated configuration (tests); the environment otherwise. */
  configValues?: IkpConfig;
  clock?: Clock;
}

@Module({})
export class IkpAppModule {
  static forRoot(options: IkpModuleOptions = {}): DynamicModule {
    const config = options.configValues ?? loadConfig(IkpConfig);
    return {
      module: IkpAppModule,
      imports: [
        PlatformModule.forService({
          service: 'ikp',
          config: IkpConfig,
          configValues: config,
          clock: options.clock,
          entities: [],
          migrations: IKP_MIGRATIONS,
        }),
        MessagingModule,
        UnitDirectoryModule,
        // Uploads (finance exports, evidence) are read whole in memory: bounded here, before a byte reaches a reader.
        MulterModule.register({ limits: { fileSize: Math.max(config.IKP_BUDGET_MAX_FILE_MB, config.IKP_EVIDENCE_MAX_MB) * 1024 * 1024, files: 1 } }),
        AuthModule.forRoot({ config }),
      ],
      controllers: [IkpHttpController, InstructionsHttpController, BudgetHttpController, RapimHttpController],
      providers: [
        UnitRegistry,
        IkpBoard,
        MonthCloseWorkflow,
        TargetNegotiationWorkflow,
        IkpPolicyWorkflow,
        InstructionWorkflow,
        InstructionEvidence,
        { provide: IKP_FILE_STORE, useFactory: () => fileStoreFromConfig(config) },
        BudgetImportWorkflow,
        RapimPackAssembler,
        IkpProjectionHandler,
        MonthlyIkpPublisher,
      ],
    };
  }
}
