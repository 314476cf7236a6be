'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { runJob } = require('../src/job');

describe('job', () => {
  it('runs every step once', async () => {
    const logged = [];
    const result = await runJob({
      signal: new AbortController().signal,
      log: (level, message, fields) => logged.push(fields.step),
      now: () => new Date(0),
    });
    assert.deepEqual(result, { steps: ['collect', 'process', 'report'] });
    assert.deepEqual(logged, ['collect', 'process', 'report']);
  });

  it('stops when interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(runJob({ signal: controller.signal, log: () => {} }), /interrupted before step 'collect'/);
  });
});
