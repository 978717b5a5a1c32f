// Preloaded (`node -r`) into the service under test by bench/request-phases.js: SIGUSR2 starts V8's sampling
// profiler in the service's own main thread, the next SIGUSR2 stops it and writes the profile to
// $CPU_PROFILE_PATH (through a temporary name, so the benchmark sees the file only once it is complete). Unlike
// `node --cpu-prof`, which records from start-up to exit, this records exactly the window the load ran in.
'use strict';
const { Session } = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');

const SAMPLING_INTERVAL_US = 100;
const session = new Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );

let profiling = false;
process.on('SIGUSR2', () => {
  const path = process.env.CPU_PROFILE_PATH;
  if (!path) return;
  const step = profiling
    ? post('Profiler.stop').then(({ profile }) => {
        writeFileSync(`${path}.part`, JSON.stringify(profile));
        renameSync(`${path}.part`, path);
      })
    : post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US }))
        .then(() => post('Profiler.start'));
  profiling = !profiling;
  step.catch((error) => process.stderr.write(`cpu profile: ${error.message}\n`));
});
