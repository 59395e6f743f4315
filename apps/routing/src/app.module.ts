import { Module, type DynamicModule } from '@nestjs/common';
import type { Clock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000, MessagingModule } from '@bekasi/messaging';
import { AuthModule } from '@bekasi/auth';
import { loadConfig, PlatformModule } from '@bekasi/platform';
import { ComplaintReceivedHandler } from './disposition/complaint-received.event-handler';
import { DecisionsController } from './disposition/decisions.http.controller';
import { DispositionService } from './disposition/disposition.service';
import { ReassignRequestedHandler } from './disposition/reassign-requested.event-handler';
import { RoutingKnowledge } from './knowledge/routing-knowledge';
import { CreateRoutingTables1764000000000 } from './persistence/migrations/1764000000000-create-routing-tables';
import { SeedReferenceData1764000000001 } from './persistence/migrations/1764000000001-seed-reference-data';
import { LearntUnitsAndValidatedThreshold1764000000002 } from './persistence/migrations/1764000000002-learnt-units-and-validated-threshold';
import { KnowledgeRevision1764000000010 } from './persistence/migrations/1764000000010-knowledge-revision';
import { ComplaintOrigin1764000000020 } from './persistence/migrations/1764000000020-complaint-origin';
import { ROUTING_ENTITIES } from './persistence/routing.entities';
import { PlacesController } from './places/places.http.controller';
import { PlacesService } from './places/places.service';
import { RoutingConfig } from './routing.config';
import { RulesController } from './rules/rules.http.controller';
import { RulesService } from './rules/rules.service';
import { AdminDispositionHandler } from './training/admin-disposition.event-handler';
import { ModelController } from './training/model.http.controller';
import { ModelTrainingService } from './training/model-training.service';
import { TrainingExamples } from './training/training-examples';
import { UnitsController } from './units/units.http.controller';
import { UnitsService } from './units/units.service';
import { LearntUnits } from './units/learnt-units';

export interface RoutingModuleOptions {
  /** Validated configuration (tests); the environment otherwise. */
  configValues?: RoutingConfig;
  clock?: Clock;
}

@Module({})
export class RoutingAppModule {
  static forRoot(options: RoutingModuleOptions = {}): DynamicModule {
    const config = options.configValues ?? loadConfig(RoutingConfig);
    return {
      module: RoutingAppModule,
      imports: [
        PlatformModule.forService({
          service: 'routing',
          config: RoutingConfig,
          configValues: config,
          clock: options.clock,
          entities: ROUTING_ENTITIES,
          migrations: [
            CreateMessagingTables1763900000000,
            CreateRoutingTables1764000000000,
            SeedReferenceData1764000000001,
            LearntUnitsAndValidatedThreshold1764000000002,
            KnowledgeRevision1764000000010,
            ComplaintOrigin1764000000020,
          ],
        }),
        MessagingModule,
        AuthModule.forRoot({ config }),
      ],
      controllers: [DecisionsController, RulesController, UnitsController, PlacesController, ModelController],
      providers: [
        RoutingKnowledge,
        TrainingExamples,
        DispositionService,
        ComplaintReceivedHandler,
        ReassignRequestedHandler,
        AdminDispositionHandler,
        ModelTrainingService,
        RulesService,
        UnitsService,
        LearntUnits,
        PlacesService,
      ],
    };
  }
}
