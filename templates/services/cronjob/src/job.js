'use strict';

/**
 * One run of the job: replace the body with the real work. Check `signal` between steps so a
 * SIGTERM (node drain, activeDeadlineSeconds) stops the run at a safe point. Throw to fail the run:
 * Kubernetes then retries it up to job.backoffLimit times.
 */
async function runJob({ signal, log, now = () => new Date() }) {
  const steps = ['collect', 'process', 'report'];
  const done = [];
  for (const step of steps) {
    if (signal.aborted) throw new Error(`interrupted before step '${step}'`);
    log('info', 'step', { step, at: now().toISOString() });
    done.push(step);
  }
  return { steps: done };
}

module.exports = { runJob };
