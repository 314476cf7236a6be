// GovApp notifications: an internal HTTP service the backend calls to notify citizens. It logs the
// message where a real service would send an email or SMS. No Ingress: only other services reach it.
'use strict';

const http = require('node:http');
const crypto = require('node:crypto');

const port = Number(process.env.PORT ?? 3002);
const sender = process.env.NOTIFY_SENDER ?? 'GovApp <no-reply@govapp.localhost>';

let shuttingDown = false;

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (pathname === '/readyz') return sendJson(res, shuttingDown ? 503 : 200, { ready: !shuttingDown });
  if (pathname !== '/notify' || req.method !== 'POST') return sendJson(res, 404, { error: 'POST /notify only' });
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    let message;
    try {
      message = JSON.parse(body || '{}');
    } catch {
      return sendJson(res, 400, { error: 'the body must be JSON, e.g. {"to": "...", "text": "..."}' });
    }
    const id = crypto.randomUUID();
    console.log(JSON.stringify({ id, from: sender, to: message.to ?? 'unknown', text: message.text ?? '' }));
    sendJson(res, 200, { delivered: true, id });
  });
});

server.listen(port, () => console.log(`notifications listening on :${port}`));

// Node running as PID 1 has no default SIGTERM handler: finish open requests, then exit.
process.on('SIGTERM', () => {
  shuttingDown = true;
  console.log('SIGTERM: finishing open requests');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
