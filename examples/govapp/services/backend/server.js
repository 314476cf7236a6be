// GovApp backend API. Every route lives under /api because the Ingress (and the local proxy) send
// /api/... here unchanged. /healthz and /readyz are for the probes only and are not routed publicly.
//
// The example has no npm dependencies, so it speaks just enough of the redis protocol to PING and
// LPUSH, and checks postgres by opening a TCP connection; a real service would use client libraries.
'use strict';

const http = require('node:http');
const net = require('node:net');

const port = Number(process.env.PORT ?? 3001);
const postgres = { host: process.env.PGHOST ?? 'postgres', port: Number(process.env.PGPORT ?? 5432) };
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://redis:6379');
const notificationsUrl = process.env.NOTIFICATIONS_URL ?? 'http://notifications:3002';
const jobQueue = 'govapp:jobs';

let shuttingDown = false;

function canConnect({ host, port }, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Sends one redis command and resolves with the first reply line ("+PONG", ":3", "-ERR ..."). */
function redisCommand(args, timeoutMs = 1000) {
  const request = `*${args.length}\r\n` + args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    let reply = '';
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error('redis timed out'));
    });
    socket.once('error', reject);
    socket.once('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end < 0) return;
      socket.end();
      const line = reply.slice(0, end);
      if (line.startsWith('-')) reject(new Error(line.slice(1)));
      else resolve(line);
    });
  });
}

async function dependencies() {
  const [postgresUp, redisUp] = await Promise.all([
    canConnect(postgres),
    redisCommand(['PING']).then(
      (reply) => reply === '+PONG',
      () => false,
    ),
  ]);
  return { postgres: postgresUp, redis: redisUp };
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 64 * 1024) reject(new Error('request body larger than 64 KiB'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

async function handle(req, res) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (pathname === '/readyz') {
    if (shuttingDown) return sendJson(res, 503, { status: 'shutting down' });
    // Ready only when both stores answer: a pod that cannot reach them should get no traffic.
    const checks = await dependencies();
    return sendJson(res, checks.postgres && checks.redis ? 200 : 503, checks);
  }
  if (pathname === '/api/status' && req.method === 'GET') {
    return sendJson(res, 200, { service: 'backend', dependencies: await dependencies() });
  }
  if (pathname === '/api/jobs' && req.method === 'POST') {
    const length = await redisCommand(['LPUSH', jobQueue, (await readBody(req)) || '{}']);
    return sendJson(res, 202, { queued: true, queueLength: Number(length.slice(1)) });
  }
  if (pathname === '/api/notify' && req.method === 'POST') {
    const response = await fetch(`${notificationsUrl}/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: (await readBody(req)) || '{}',
    });
    return sendJson(res, response.status, await response.json());
  }
  sendJson(res, 404, { error: `no route for ${req.method} ${pathname}` });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => sendJson(res, 502, { error: String(error.message ?? error) }));
});

server.listen(port, () => console.log(`backend listening on :${port}`));

// Node running as PID 1 has no default SIGTERM handler: finish open requests, then exit.
process.on('SIGTERM', () => {
  shuttingDown = true;
  console.log('SIGTERM: finishing open requests');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
