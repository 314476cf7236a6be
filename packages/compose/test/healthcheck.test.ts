import { httpCheckShell, tcpCheckShell } from '@twinform/compose';
import { errorsOf, generate, serviceOf } from './fixtures';

const HTTP_3001_HEALTHZ =
  'if command -v wget >/dev/null 2>&1; then wget -q -O /dev/null http://127.0.0.1:3001/healthz; ' +
  'elif command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null http://127.0.0.1:3001/healthz; ' +
  `else bash -c 'exec 3<>/dev/tcp/127.0.0.1/$1 && printf "GET %s HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n" "$2" >&3 && read -r _ status _ <&3 && [[ $status == [23]?? ]]' http-check 3001 /healthz; fi`;

describe('healthcheck shell lines', () => {
  it('http: wget, else curl, else a bash /dev/tcp request that accepts 2xx and 3xx', () => {
    expect(httpCheckShell(3001, '/healthz')).toBe(HTTP_3001_HEALTHZ);
  });

  it('http: quotes a path the shell would otherwise interpret', () => {
    expect(httpCheckShell(80, "/ready?full=1&name='x'")).toBe(
      "if command -v wget >/dev/null 2>&1; then wget -q -O /dev/null 'http://127.0.0.1:80/ready?full=1&name='\\''x'\\'''; " +
        "elif command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null 'http://127.0.0.1:80/ready?full=1&name='\\''x'\\'''; " +
        `else bash -c 'exec 3<>/dev/tcp/127.0.0.1/$1 && printf "GET %s HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n" "$2" >&3 && read -r _ status _ <&3 && [[ $status == [23]?? ]]' http-check 80 '/ready?full=1&name='\\''x'\\'''; fi`,
    );
  });

  it('https: skips certificate checks like the kubelet; bash can only check the port', () => {
    expect(httpCheckShell(8443, '/healthz', 'HTTPS')).toBe(
      'if command -v wget >/dev/null 2>&1; then wget -q --no-check-certificate -O /dev/null https://127.0.0.1:8443/healthz; ' +
        'elif command -v curl >/dev/null 2>&1; then curl -fsS -k -o /dev/null https://127.0.0.1:8443/healthz; ' +
        "else bash -c 'exec 3<>/dev/tcp/127.0.0.1/8443'; fi",
    );
  });

  it('tcp: bash /dev/tcp, else nc -z', () => {
    expect(tcpCheckShell(5432)).toBe(
      "if command -v bash >/dev/null 2>&1; then bash -c 'exec 3<>/dev/tcp/127.0.0.1/5432'; else nc -z 127.0.0.1 5432; fi",
    );
  });
});

describe('compose healthcheck', () => {
  const ports = [{ name: 'http', port: 3001 }];

  it('runs the readiness probe (http) with $ doubled for compose, on the Kubernetes defaults', () => {
    const api = serviceOf(
      generate([
        { name: 'api', image: 'api:1', ports, health: { readiness: { http: { path: '/healthz', port: 'http' } } } },
      ]),
      'api',
    );
    expect(api.healthcheck).toEqual({
      test: ['CMD-SHELL', HTTP_3001_HEALTHZ.replace(/\$/g, '$$$$')],
      interval: '10s',
      timeout: '1s',
      retries: 3,
    });
    expect(api.healthcheck?.test?.[1]).toContain('$$1 && printf');
  });

  it('prefers readiness over liveness over startup, and maps the timing', () => {
    const api = serviceOf(
      generate([
        {
          name: 'api',
          image: 'api:1',
          ports,
          health: {
            liveness: { tcp: { port: 3001 }, periodSeconds: 30 },
            readiness: {
              tcp: { port: 'http' },
              periodSeconds: 5,
              timeoutSeconds: 2,
              failureThreshold: 6,
              initialDelaySeconds: 3,
            },
          },
        },
      ]),
      'api',
    );
    expect(api.healthcheck).toEqual({
      test: ['CMD-SHELL', tcpCheckShell(3001).replace(/\$/g, '$$$$')],
      interval: '5s',
      timeout: '2s',
      retries: 6,
      start_period: '3s',
    });
  });

  it('falls back to liveness, then to startup', () => {
    const result = generate([
      { name: 'live', image: 'l:1', ports, health: { liveness: { exec: { command: ['/bin/check', '$HOME'] } } } },
      { name: 'start', image: 's:1', ports, health: { startup: { tcp: { port: 'http' }, periodSeconds: 2 } } },
    ]);
    expect(serviceOf(result, 'live').healthcheck?.test).toEqual(['CMD', '/bin/check', '$$HOME']);
    expect(serviceOf(result, 'start').healthcheck).toMatchObject({ interval: '2s' });
    expect(serviceOf(result, 'start').healthcheck?.start_period).toBeUndefined();
  });

  it('gives the startup probe budget as start_period', () => {
    const api = serviceOf(
      generate([
        {
          name: 'api',
          image: 'api:1',
          ports,
          health: {
            readiness: { tcp: { port: 'http' }, initialDelaySeconds: 5 },
            startup: { tcp: { port: 'http' }, initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 12 },
          },
        },
      ]),
      'api',
    );
    expect(api.healthcheck?.start_period).toBe('70s');
  });

  it('maps grpc to grpc_health_probe', () => {
    const api = serviceOf(
      generate([
        {
          name: 'api',
          image: 'api:1',
          ports: [{ name: 'grpc', port: 50051 }],
          health: { readiness: { grpc: { port: 'grpc', service: 'api.v1' } } },
        },
      ]),
      'api',
    );
    expect(api.healthcheck?.test).toEqual(['CMD', 'grpc_health_probe', '-addr=127.0.0.1:50051', '-service=api.v1']);
  });

  it('lets health.compose override the test (keeping the timing) and ["NONE"] disable it', () => {
    const result = generate([
      {
        name: 'distroless',
        image: 'd:1',
        ports,
        health: {
          readiness: { http: { port: 'http' }, periodSeconds: 7 },
          compose: ['CMD', '/app/healthcheck', '--port=$PORT'],
        },
      },
      { name: 'off', image: 'o:1', health: { compose: ['NONE'] } },
      { name: 'only', image: 'x:1', health: { compose: ['CMD-SHELL', 'pg_isready'] } },
    ]);
    expect(serviceOf(result, 'distroless').healthcheck).toEqual({
      test: ['CMD', '/app/healthcheck', '--port=$$PORT'],
      interval: '7s',
      timeout: '1s',
      retries: 3,
    });
    expect(serviceOf(result, 'off').healthcheck).toEqual({ disable: true });
    expect(serviceOf(result, 'only').healthcheck).toEqual({ test: ['CMD-SHELL', 'pg_isready'] });
  });

  it('reports a probe on a port the service does not have', () => {
    const result = generate([
      { name: 'api', image: 'api:1', ports, health: { readiness: { http: { port: 'admin' } } } },
    ]);
    expect(serviceOf(result, 'api').healthcheck).toBeUndefined();
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ pointer: '/health/readiness', code: 'unresolved-reference' }),
    ]);
  });
});
