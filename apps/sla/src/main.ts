import { bootstrapService } from '@bekasi/platform';
import { SlaAppModule } from './app.module';

void bootstrapService(() => SlaAppModule.forRoot(), { service: 'sla', title: 'Bekasi SLA (tenggat tindak lanjut)', defaultPort: 3004 });
