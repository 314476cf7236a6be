import type { Health, Probe } from '@twinform/spec';
import { composeEscape, shellQuote } from './escape';
import type { ComposeHealthcheck } from './types';

/**
 * Compose has one healthcheck, run INSIDE the app's container, where Kubernetes probes run from the
 * kubelet. So the check can only use what the image ships, and images differ:
 *   - alpine: busybox `wget` and `nc`, `sh` is ash (no /dev/tcp), usually no bash or curl;
 *   - debian/ubuntu (-slim): `sh` is dash, no wget/curl/nc, but bash with its /dev/tcp redirection.
 * (Both verified by running these exact lines under busybox ash with only wget/nc on PATH, and under
 * dash with only bash on PATH, against listening, failing and closed ports.)
 * The test therefore picks the first tool that EXISTS (`command -v`) and lets that one tool decide,
 * rather than chaining `a || b || c`: a chain would fall through to a second, weaker check after
 * the first one reported the app unhealthy (e.g. a status-line-only check after wget followed a
 * failing redirect), so the same app could be healthy locally and failing in the cluster.
 * The bash fallback speaks just enough HTTP/1.1 to read the status line and accepts 2xx/3xx, the
 * same rule as a Kubernetes httpGet probe; for HTTPS it can only check that the port accepts
 * connections (bash has no TLS), which is as far as an image without wget/curl can go.
 * Images without any shell (distroless, scratch) cannot run CMD-SHELL at all: give them
 * `health.compose: ["CMD", "/app/healthcheck"]` or `["NONE"]`.
 * `127.0.0.1` rather than `localhost`: busybox may resolve localhost to ::1 first, and most apps
 * listen on IPv4 only. Every `$` is doubled because compose interpolates healthcheck tests.
 */

const LOOPBACK = '127.0.0.1';

/** The shell line that checks an HTTP(S) endpoint with wget, else curl, else bash /dev/tcp. */
export function httpCheckShell(port: number, path: string, scheme: 'HTTP' | 'HTTPS' = 'HTTP'): string {
  const requestPath = path.startsWith('/') ? path : `/${path}`;
  const url = shellQuote(`${scheme.toLowerCase()}://${LOOPBACK}:${port}${requestPath}`);
  const insecure = scheme === 'HTTPS';
  const wget = `wget -q ${insecure ? '--no-check-certificate ' : ''}-O /dev/null ${url}`;
  const curl = `curl -fsS ${insecure ? '-k ' : ''}-o /dev/null ${url}`;
  const bash = insecure
    ? `bash -c ${shellQuote(`exec 3<>/dev/tcp/${LOOPBACK}/${port}`)}`
    : `bash -c ${shellQuote(
        `exec 3<>/dev/tcp/${LOOPBACK}/$1 && ` +
          `printf "GET %s HTTP/1.1\\r\\nHost: ${LOOPBACK}\\r\\nConnection: close\\r\\n\\r\\n" "$2" >&3 && ` +
          `read -r _ status _ <&3 && [[ $status == [23]?? ]]`,
      )} http-check ${port} ${shellQuote(requestPath)}`;
  return (
    `if command -v wget >/dev/null 2>&1; then ${wget}; ` +
    `elif command -v curl >/dev/null 2>&1; then ${curl}; ` +
    `else ${bash}; fi`
  );
}

/**
 * The shell line that checks a TCP port with bash /dev/tcp, else nc -z. bash goes first here because
 * nc differs between builds (Debian's busybox nc has no -z and would report a listening port as
 * down), while /dev/tcp behaves the same wherever bash exists; alpine has no bash and a busybox nc with -z.
 */
export function tcpCheckShell(port: number): string {
  return (
    `if command -v bash >/dev/null 2>&1; then bash -c ${shellQuote(`exec 3<>/dev/tcp/${LOOPBACK}/${port}`)}; ` +
    `else nc -z ${LOOPBACK} ${port}; fi`
  );
}

export type ProbeKind = 'readiness' | 'liveness' | 'startup';

/** The probe compose runs: readiness (what dependants wait for), else liveness, else startup. */
export function composeProbe(health: Health): { kind: ProbeKind; probe: Probe } | undefined {
  if (health.readiness) return { kind: 'readiness', probe: health.readiness };
  if (health.liveness) return { kind: 'liveness', probe: health.liveness };
  if (health.startup) return { kind: 'startup', probe: health.startup };
  return undefined;
}

/** Kubernetes probe defaults, written out so compose checks on the same rhythm as the kubelet. */
const PROBE_DEFAULTS = { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, initialDelaySeconds: 0 };

const seconds = (value: number): string => `${value}s`;

/** How long Kubernetes lets a startup probe fail before it gives up on the container. */
export function startupBudgetSeconds(probe: Probe): number {
  return (
    (probe.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds) +
    (probe.periodSeconds ?? PROBE_DEFAULTS.periodSeconds) * (probe.failureThreshold ?? PROBE_DEFAULTS.failureThreshold)
  );
}

/** The probe's test; `resolvePort` turns a port name or number into a number (undefined = unknown). */
export function probeTest(
  probe: Probe,
  resolvePort: (port: string | number) => number | undefined,
): string[] | undefined {
  if (probe.exec) return ['CMD', ...probe.exec.command.map(composeEscape)];
  if (probe.http) {
    const port = resolvePort(probe.http.port);
    if (port === undefined) return undefined;
    return ['CMD-SHELL', composeEscape(httpCheckShell(port, probe.http.path ?? '/', probe.http.scheme ?? 'HTTP'))];
  }
  if (probe.tcp) {
    const port = resolvePort(probe.tcp.port);
    if (port === undefined) return undefined;
    return ['CMD-SHELL', composeEscape(tcpCheckShell(port))];
  }
  if (probe.grpc) {
    const port = resolvePort(probe.grpc.port);
    if (port === undefined) return undefined;
    const test = ['CMD', 'grpc_health_probe', `-addr=${LOOPBACK}:${port}`];
    if (probe.grpc.service !== undefined) test.push(composeEscape(`-service=${probe.grpc.service}`));
    return test;
  }
  return undefined;
}

/** Timing of the compose healthcheck, from the chosen probe (and the startup probe's budget). */
export function healthcheckTiming(health: Health, probe: Probe): Omit<ComposeHealthcheck, 'test' | 'disable'> {
  const startPeriod = Math.max(
    health.startup && health.startup !== probe ? startupBudgetSeconds(health.startup) : 0,
    probe.initialDelaySeconds ?? 0,
  );
  const timing: Omit<ComposeHealthcheck, 'test' | 'disable'> = {
    interval: seconds(probe.periodSeconds ?? PROBE_DEFAULTS.periodSeconds),
    timeout: seconds(probe.timeoutSeconds ?? PROBE_DEFAULTS.timeoutSeconds),
    retries: probe.failureThreshold ?? PROBE_DEFAULTS.failureThreshold,
  };
  if (startPeriod > 0) timing.start_period = seconds(startPeriod);
  return timing;
}
