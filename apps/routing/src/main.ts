import { bootstrapService } from '@bekasi/platform';
import { RoutingAppModule } from './app.module';

void bootstrapService(RoutingAppModule.forRoot(), { service: 'routing', title: 'Bekasi routing (disposisi)', defaultPort: 3002 });
