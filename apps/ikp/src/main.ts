import { bootstrapService } from '@bekasi/platform';
import { IkpAppModule } from './app.module';

void bootstrapService(() => IkpAppModule.forRoot(), { service: 'ikp', title: 'Bekasi IKP (Instruksi Khusus Pimpinan) scoring', defaultPort: 3006 });
