// A CPU profiler for the service processes of a bench run, toggled from outside: preload it with
// SERVICE_NODE_ARGS="-r ./tools/bench/cpu-profile.js" and BENCH_CPU_PROFILE_DIR=DIR; the first SIGUSR2
// starts the V8 sampling profiler, the next writes DIR/<pid>-<n>.cpuprofile (Chrome DevTools format)
// and stops it. Only the window between the two signals is profiled (not the startup), so the
// profile shows where a step's time goes. tools/bench/profile-summary.js prints the heaviest frames.
'use strict';
const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const inspector = require('node:inspector');
  const { writeFileSync, mkdirSync } = require('node:fs');
  const path = require('node:path');
  const session = new inspector.Session();
  session.connect();
  let active = false;
  let n = 0;
  process.on('SIGUSR2', () => {
    if (!active) {
      session.post('Profiler.setSamplingInterval', { interval: 500 });
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      active = true;
      return;
    }
    session.post('Profiler.stop', (err, result) => {
      active = false;
      if (err) return void console.error(`cpu-profile: ${err.message}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}-${++n}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
