// GovApp worker: takes background jobs that the backend queues in the redis list govapp:jobs
// (BRPOP) and processes them. It listens on no port; its liveness is a heartbeat file that each
// turn of the loop touches, checked by healthcheck.js (an exec probe).
'use strict';

const fs = require('node:fs');
const net = require('node:net');

const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://redis:6379');
const heartbeatFile = process.env.HEARTBEAT_FILE ?? '/tmp/heartbeat';
const jobQueue = 'govapp:jobs';
const waitSeconds = 5;

let stopping = false;
let waiting = null;

/** Parses one RESP reply from buffer; returns undefined while the reply is incomplete. */
function parseReply(buffer, offset = 0) {
  const end = buffer.indexOf('\r\n', offset);
  if (end < 0) return undefined;
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.toString('utf8', offset + 1, end);
  const next = end + 2;
  if (type === '+' || type === ':') return { value: line, next };
  if (type === '-') return { value: new Error(line), next };
  if (type === '$') {
    const length = Number(line);
    if (length < 0) return { value: null, next };
    if (buffer.length < next + length + 2) return undefined;
    return { value: buffer.toString('utf8', next, next + length), next: next + length + 2 };
  }
  if (type === '*') {
    const count = Number(line);
    if (count < 0) return { value: null, next };
    const items = [];
    let position = next;
    for (let index = 0; index < count; index += 1) {
      const item = parseReply(buffer, position);
      if (!item) return undefined;
      items.push(item.value);
      position = item.next;
    }
    return { value: items, next: position };
  }
  return { value: new Error(`unexpected redis reply type ${type}`), next };
}

/** Waits up to waitSeconds for a job; resolves with its payload, or null when none arrived. */
function nextJob() {
  const args = ['BRPOP', jobQueue, String(waitSeconds)];
  const request = `*${args.length}\r\n` + args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    waiting = socket;
    let buffer = Buffer.alloc(0);
    socket.setTimeout((waitSeconds + 5) * 1000, () => socket.destroy(new Error('redis timed out')));
    socket.once('error', reject);
    socket.once('close', () => resolve(null));
    socket.once('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const reply = parseReply(buffer);
      if (!reply) return;
      socket.end();
      if (reply.value instanceof Error) reject(reply.value);
      else resolve(reply.value === null ? null : reply.value[1]);
    });
  });
}

function processJob(payload) {
  let job;
  try {
    job = JSON.parse(payload);
  } catch {
    job = { raw: payload };
  }
  console.log(JSON.stringify({ processed: job }));
}

function heartbeat() {
  const now = new Date();
  fs.utimesSync(heartbeatFile, now, now);
}

async function main() {
  fs.writeFileSync(heartbeatFile, '');
  console.log(`worker consuming ${jobQueue} from ${redisUrl.host}`);
  while (!stopping) {
    heartbeat();
    try {
      const payload = await nextJob();
      waiting = null;
      if (payload !== null) processJob(payload);
    } catch (error) {
      waiting = null;
      console.error(`redis: ${error.message}; retrying in 2s`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  console.log('stopped');
  process.exit(0);
}

// Node running as PID 1 has no default SIGTERM handler. Stop taking jobs; a job being processed
// finishes first (processing is synchronous), a blocking wait for the next one is cut short.
process.on('SIGTERM', () => {
  stopping = true;
  console.log('SIGTERM: stopping after the current job');
  if (waiting) waiting.destroy();
});

main();
