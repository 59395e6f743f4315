import { bootstrapService } from '@bekasi/platform';
import { DeskModule } from './app.module';

void bootstrapService(() => DeskModule.forRoot(), { service: 'desk', title: 'desk: tickets, officers and admin (Bekasi LAPOR!)', defaultPort: 3003 });
