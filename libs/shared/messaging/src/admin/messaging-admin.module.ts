import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingAdminHttpController } from './messaging-admin.http.controller';
import { SetAsideOutbox } from './set-aside-outbox';

/** The schemas of the services, by default named after them. */
export const SERVICE_SCHEMAS: readonly string[] = ['intake', 'routing', 'desk', 'sla', 'escalation', 'ikp'];

/**
 * The dead-letter and set-aside admin API (`/api/v1/admin/messaging`). One service mounts it (sla);
 * it needs MessagingModule and the auth guard of that service.
 */
@Module({})
export class MessagingAdminModule {
  static forRoot(options: { schemas?: readonly string[] } = {}): DynamicModule {
    return {
      module: MessagingAdminModule,
      controllers: [MessagingAdminHttpController],
      providers: [{ provide: SetAsideOutbox, inject: [DataSource], useFactory: (ds: DataSource) => new SetAsideOutbox(ds, options.schemas ?? SERVICE_SCHEMAS) }],
    };
  }
}
