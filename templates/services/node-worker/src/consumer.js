'use strict';

/**
 * The consumer loop: take a message, handle it, repeat, until `signal` aborts. The message in
 * hand is always finished before the loop returns, so SIGTERM never cuts a job in half.
 * `heartbeat` is called on every turn, also when the source had nothing, so liveness measures
 * whether the loop moves, not whether there is work.
 */
async function runConsumer({ source, handle, heartbeat = () => {}, signal, log = () => {} }) {
  let handled = 0;
  let failed = 0;
  while (!signal.aborted) {
    heartbeat();
    const message = await source.next(signal);
    if (message === null) continue;
    try {
      await handle(message);
      handled += 1;
    } catch (error) {
      // One bad message must not stop the worker; a real queue would retry or dead-letter it here.
      failed += 1;
      log('error', 'message failed', { id: message.id, error: error.message });
    }
  }
  return { handled, failed };
}

/**
 * A stand-in message source that produces one message every `intervalMs`. Replace it with your
 * queue client; keep the contract: `next(signal)` resolves to a message, or to null when nothing
 * arrived in time or the signal aborted.
 */
function createIntervalSource({ intervalMs }) {
  let sequence = 0;
  return {
    next(signal) {
      return new Promise((resolve) => {
        if (signal.aborted) return resolve(null);
        const onAbort = () => {
          clearTimeout(timer);
          resolve(null);
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          sequence += 1;
          resolve({ id: sequence, body: { createdAt: new Date().toISOString() } });
        }, intervalMs);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

module.exports = { runConsumer, createIntervalSource };
