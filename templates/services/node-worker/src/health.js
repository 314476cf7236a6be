'use strict';

const fs = require('node:fs');
const http = require('node:http');

/**
 * Liveness in two forms: a file whose modification time is the last heartbeat (for exec probes
 * and the Docker HEALTHCHECK, see check-liveness.js) and an HTTP port (/healthz, /readyz) for
 * HTTP probes. Both say the same thing: the consumer loop moved within `maxAgeMs`.
 */
function createHealth({ livenessFile, maxAgeMs, now = Date.now }) {
  const state = { ready: false, lastBeat: 0 };
  let lastWrite = 0;

  function beat() {
    state.lastBeat = now();
    // At most one write a second: the file only needs to be fresher than maxAgeMs.
    if (livenessFile && state.lastBeat - lastWrite >= 1000) {
      fs.writeFileSync(livenessFile, `${state.lastBeat}\n`);
      lastWrite = state.lastBeat;
    }
  }

  const isAlive = () => state.lastBeat > 0 && now() - state.lastBeat <= maxAgeMs;

  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let status = 404;
    if (pathname === '/healthz') status = isAlive() ? 200 : 503;
    else if (pathname === '/readyz') status = state.ready && isAlive() ? 200 : 503;
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(status === 200 ? 'ok\n' : status === 404 ? 'not found\n' : 'unhealthy\n');
  });

  function removeLivenessFile() {
    if (livenessFile) fs.rmSync(livenessFile, { force: true });
  }

  return { state, beat, isAlive, server, removeLivenessFile };
}

module.exports = { createHealth };
