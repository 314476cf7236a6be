// Liveness check for the worker (exec probe and compose healthcheck): healthy while the job loop
// has touched the heartbeat file within the last 30 seconds. A loop waits at most ~10 seconds.
'use strict';

const fs = require('node:fs');

const heartbeatFile = process.env.HEARTBEAT_FILE ?? '/tmp/heartbeat';
const maxAgeMs = 30_000;

try {
  const age = Date.now() - fs.statSync(heartbeatFile).mtimeMs;
  if (age > maxAgeMs) {
    console.error(`heartbeat is ${Math.round(age / 1000)}s old`);
    process.exit(1);
  }
} catch (error) {
  console.error(`no heartbeat: ${error.message}`);
  process.exit(1);
}
