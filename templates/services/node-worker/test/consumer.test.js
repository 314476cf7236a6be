'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { describe, it } = require('node:test');
const { createIntervalSource, runConsumer } = require('../src/consumer');
const { createHealth } = require('../src/health');

describe('consumer loop', () => {
  it('handles messages until aborted, and finishes the message in hand', async () => {
    const controller = new AbortController();
    const seen = [];
    let beats = 0;
    const totals = await runConsumer({
      source: createIntervalSource({ intervalMs: 5 }),
      handle: async (message) => {
        seen.push(message.id);
        if (seen.length === 3) controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      heartbeat: () => {
        beats += 1;
      },
      signal: controller.signal,
    });
    assert.deepEqual(seen, [1, 2, 3]);
    assert.deepEqual(totals, { handled: 3, failed: 0 });
    assert.ok(beats >= 3);
  });

  it('keeps going after a failed message', async () => {
    const controller = new AbortController();
    const totals = await runConsumer({
      source: createIntervalSource({ intervalMs: 1 }),
      handle: async (message) => {
        if (message.id === 2) controller.abort();
        if (message.id === 1) throw new Error('bad message');
      },
      signal: controller.signal,
    });
    assert.deepEqual(totals, { handled: 1, failed: 1 });
  });

  it('stops waiting for the source as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    await runConsumer({
      source: createIntervalSource({ intervalMs: 60_000 }),
      handle: async () => {},
      signal: controller.signal,
    });
    assert.ok(Date.now() - started < 1000);
  });
});

describe('health', () => {
  it('is alive only while heartbeats are recent, and writes the liveness file', () => {
    let clock = 10_000;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liveness-')), 'alive');
    const health = createHealth({ livenessFile: file, maxAgeMs: 100, now: () => clock });
    assert.equal(health.isAlive(), false);
    health.beat();
    assert.equal(health.isAlive(), true);
    assert.equal(fs.readFileSync(file, 'utf8'), '10000\n');
    clock += 101;
    assert.equal(health.isAlive(), false);
    health.removeLivenessFile();
    assert.equal(fs.existsSync(file), false);
  });
});
