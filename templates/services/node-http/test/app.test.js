'use strict';

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');
const { createApp } = require('../src/app');

describe('http app', () => {
  let app;
  let baseUrl;

  before(async () => {
    app = createApp({ basePath: '/api' });
    await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${app.server.address().port}`;
  });

  after(() => new Promise((resolve) => app.server.close(resolve)));

  it('answers /healthz while running', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('is ready only while state.ready is set', async () => {
    app.state.ready = true;
    assert.equal((await fetch(`${baseUrl}/readyz`)).status, 200);
    app.state.ready = false;
    assert.equal((await fetch(`${baseUrl}/readyz`)).status, 503);
  });

  it('serves its routes under the base path', async () => {
    assert.equal((await fetch(`${baseUrl}/api`)).status, 200);
    assert.equal((await fetch(`${baseUrl}/api/`)).status, 200);
    assert.equal((await fetch(`${baseUrl}/elsewhere`)).status, 404);
  });

  it('refuses other methods', async () => {
    assert.equal((await fetch(`${baseUrl}/healthz`, { method: 'POST' })).status, 405);
  });
});
