// GovApp frontend: serves the built single-page app from ./public. The page calls the API with
// relative URLs (/api/...), so it needs the Ingress (or the local proxy) to route /api to the
// backend: the exact route that broke in the story this example comes from.
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const port = Number(process.env.PORT ?? 3000);
const publicDir = path.join(__dirname, 'public');
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

let shuttingDown = false;

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function serveStatic(urlPath, res) {
  // Unknown paths get index.html: the app routes on the client side.
  const requested = path.normalize(path.join(publicDir, decodeURIComponent(urlPath)));
  const file =
    requested.startsWith(publicDir + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile()
      ? requested
      : path.join(publicDir, 'index.html');
  fs.readFile(file, (error, content) => {
    if (error) return send(res, 500, 'cannot read ' + path.basename(file));
    send(res, 200, content, contentTypes[path.extname(file)] ?? 'application/octet-stream');
  });
}

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/healthz') return send(res, 200, 'ok');
  // Not ready while shutting down, so the Service stops sending traffic before the process exits.
  if (pathname === '/readyz') return shuttingDown ? send(res, 503, 'shutting down') : send(res, 200, 'ready');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  serveStatic(pathname, res);
});

server.listen(port, () => console.log(`frontend listening on :${port}`));

// Node running as PID 1 has no default SIGTERM handler: without this the container would wait for
// SIGKILL at the end of the grace period instead of finishing open requests and exiting.
process.on('SIGTERM', () => {
  shuttingDown = true;
  console.log('SIGTERM: finishing open requests');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
