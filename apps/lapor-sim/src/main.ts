import { bootstrapService, ConfigError, loadConfig } from '@bekasi/platform';
import { LaporSimModule } from './app.module';
import { LaporSimConfig } from './lapor-sim.config';

async function main() {
  let config: LaporSimConfig;
  try {
    config = loadConfig(LaporSimConfig);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`lapor-sim: ${err.message}`);
    process.exit(78);
  }
  await bootstrapService(LaporSimModule.forRoot(config), {
    service: 'lapor-sim',
    title: 'lapor-sim — a stand-in for the SP4N-LAPOR! API',
    defaultPort: 3100,
    // Follow-ups carry their attachments (base64) in the body: up to 10 files of desk's 10 MB.
    bodyLimit: '160mb',
  });
}

void main();
