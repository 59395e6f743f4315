import { bootstrapService, ConfigError, loadConfig } from '@bekasi/platform';
import { UNITS } from '@bekasi/reference-data';
import { AppModule } from './app.module';
import { IntakeConfig } from './intake.config';

/** lapor-sim's default address; `npm start` runs it beside intake. */
const DEMO_LAPOR_API = 'http://127.0.0.1:3100';

async function main() {
  // The demo stack (npm start sets DEMO_SEED=true) polls the local simulator unless told otherwise;
  // outside the demo an unset LAPOR_API_BASE_URL keeps the poller off.
  const demo = /^(1|true|yes)$/i.test(process.env.DEMO_SEED ?? '');
  if (demo && process.env.LAPOR_API_BASE_URL === undefined) {
    process.env.LAPOR_API_BASE_URL = DEMO_LAPOR_API;
  }
  // Likewise the LAPOR! connector writes back to the simulator, which accepts any instansi id: each unit gets a demo one.
  if (demo && process.env.LAPOR_CONNECTOR_BASE_URL === undefined) {
    process.env.LAPOR_CONNECTOR_BASE_URL = DEMO_LAPOR_API;
    process.env.LAPOR_INSTANSI_IDS ??= JSON.stringify(Object.fromEntries(UNITS.map((u) => [u.code, `DEMO-${u.code}`])));
  }
  let config: IntakeConfig;
  try {
    config = loadConfig(IntakeConfig);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`intake: ${err.message}`);
    process.exit(78);
  }
  await bootstrapService(AppModule.forRoot({ configValues: config }), {
    service: 'intake',
    title: 'intake — complaints in (LAPOR! poll, webhook, export import)',
    defaultPort: 3001,
    bodyLimit: config.INTAKE_BODY_LIMIT,
  });
}

void main();
