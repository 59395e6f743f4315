import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@bekasi/auth';
import type { Clock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000, MessagingModule } from '@bekasi/messaging';
import { loadConfig, PlatformModule } from '@bekasi/platform';
import { IkpHttpController } from './http/ikp.http.controller';
import { IkpConfig } from './ikp.config';
import { InstructionsHttpController } from './instructions/instructions.http.controller';
import { InstructionsService } from './instructions/instructions.service';
import { CreateIkpTables1764400000000 } from './persistence/migrations/1764400000000-create-ikp-tables';
import { CreateInstructions1764400000001 } from './persistence/migrations/1764400000001-create-instructions';
import { IkpProjectionHandler } from './projection/ikp-projection.event-handler';
import { IkpScoringService } from './scoring/ikp-scoring.service';
import { MonthlyIkpPublisher } from './scoring/monthly-publisher';

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
          migrations: [CreateMessagingTables1763900000000, CreateIkpTables1764400000000, CreateInstructions1764400000001],
        }),
        MessagingModule,
        AuthModule.forRoot({ secret: config.JWT_SECRET }),
      ],
      controllers: [IkpHttpController, InstructionsHttpController],
      providers: [IkpScoringService, InstructionsService, IkpProjectionHandler, MonthlyIkpPublisher],
    };
  }
}
