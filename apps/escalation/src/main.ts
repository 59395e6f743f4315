import { bootstrapService } from '@bekasi/platform';
import { EscalationAppModule } from './app.module';

void bootstrapService(() => EscalationAppModule.forRoot(), { service: 'escalation', title: 'Bekasi escalation (eskalasi ke pimpinan)', defaultPort: 3005 });
