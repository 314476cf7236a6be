import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxProxyConfig, type ProxyRoute } from '@twinform/compose';

describe('nginxProxyConfig', () => {
  it('turns a Prefix route into an exact location plus a segment prefix, and Exact into an exact location', () => {
    const config = nginxProxyConfig([
      { path: '/api', pathType: 'Prefix', service: 'api', port: 3001 },
      { path: '/api/v1/health', pathType: 'Exact', service: 'health', port: 8080 },
    ]);
    expect(config).toContain(
      [
        'server {',
        '    listen 8080 default_server;',
        '    server_name _;',
        '',
        '    location = /api {',
        '        set $upstream api:3001;',
        '        proxy_pass http://$upstream;',
        '    }',
        '',
        '    location = /api/v1/health {',
        '        set $upstream health:8080;',
        '        proxy_pass http://$upstream;',
        '    }',
        '',
        '    location /api/ {',
        '        set $upstream api:3001;',
        '        proxy_pass http://$upstream;',
        '    }',
        '',
        '    location / {',
        '        return 404;',
        '    }',
        '}',
      ].join('\n'),
    );
    expect(config).toContain('resolver 127.0.0.11 valid=10s ipv6=off;\n');
  });

  it('gives Exact precedence over Prefix on the same path, ignores a trailing slash, and maps / to the catch-all', () => {
    const config = nginxProxyConfig([
      { path: '/docs/', pathType: 'Prefix', service: 'docs', port: 80 },
      { path: '/docs', pathType: 'Exact', service: 'exact', port: 81 },
      { path: '/', pathType: 'Prefix', service: 'web', port: 3000 },
    ]);
    expect(config).toContain('    location = /docs {\n        set $upstream exact:81;');
    expect(config).toContain('    location /docs/ {\n        set $upstream docs:80;');
    expect(config).toContain('    location / {\n        set $upstream web:3000;');
    expect(config).not.toContain('return 404');
  });

  it('puts host routes in their own server; a wildcard host matches exactly one label', () => {
    const config = nginxProxyConfig([
      { host: '*.apps.example.com', path: '/', pathType: 'Prefix', service: 'apps', port: 80 },
      { host: 'admin.example.com', path: '/', pathType: 'ImplementationSpecific', service: 'admin', port: 80 },
    ]);
    expect(config).toContain('    listen 8080;\n    server_name admin.example.com;\n');
    expect(config).toContain('    server_name ~^[^.]+\\.apps\\.example\\.com$;\n');
    // The default server still exists and answers 404, so unknown hosts never reach a host's routes.
    expect(config).toContain(
      '    listen 8080 default_server;\n    server_name _;\n\n    location / {\n        return 404;\n    }\n}',
    );
  });

  it('quotes paths nginx would split', () => {
    expect(nginxProxyConfig([{ path: '/a b;{c}', pathType: 'Exact', service: 'x', port: 1 }])).toContain(
      'location = "/a b;{c}" {',
    );
  });
});

/**
 * Serves the generated configuration with a real nginx (skipped when none is installed) and checks
 * that each request reaches the backend the Kubernetes Ingress rules would choose.
 */
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));
const describeWithNginx = nginx ? describe : describe.skip;

describeWithNginx('nginxProxyConfig served by nginx', () => {
  const backends = new Map<string, { server: Server; port: number }>();
  let root: string;
  let proxyPort: number;
  let nginxProcess: ChildProcess | undefined;

  const listen = (server: Server): Promise<number> =>
    new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

  beforeAll(async () => {
    for (const name of ['web', 'api', 'health', 'docs', 'admin', 'apps']) {
      const server = createServer((req, res) => res.end(`${name} ${req.url}`));
      backends.set(name, { server, port: await listen(server) });
    }
    const freePort = createServer();
    proxyPort = await listen(freePort);
    await new Promise((resolve) => freePort.close(resolve));
    // Backends are addressed by IP here, so nginx needs no DNS; the routing logic is unchanged.
    const route = (service: string, path: string, pathType: ProxyRoute['pathType'], host?: string): ProxyRoute => ({
      ...(host ? { host } : {}),
      path,
      pathType,
      service: '127.0.0.1',
      port: backends.get(service)?.port ?? 0,
    });
    const config = nginxProxyConfig([
      route('web', '/', 'Prefix'),
      route('api', '/api', 'Prefix'),
      route('health', '/api/v1/health', 'Exact'),
      route('docs', '/docs/', 'Prefix'),
      route('admin', '/', 'Prefix', 'admin.example.com'),
      route('apps', '/', 'Prefix', '*.apps.example.com'),
      route('admin', '/only', 'Exact', 'exact.example.com'),
    ]).replace(/listen 8080/g, `listen 127.0.0.1:${proxyPort}`);
    root = mkdtempSync(join(tmpdir(), 'twinform-nginx-'));
    mkdirSync(join(root, 'conf.d'));
    writeFileSync(join(root, 'conf.d', 'default.conf'), config);
    writeFileSync(
      join(root, 'nginx.conf'),
      [
        `pid ${root}/nginx.pid;`,
        `error_log ${root}/error.log;`,
        'daemon off;',
        'worker_processes 1;',
        'events {}',
        'http {',
        '    access_log off;',
        `    client_body_temp_path ${root}/body;`,
        `    proxy_temp_path ${root}/proxy;`,
        `    include ${root}/conf.d/*.conf;`,
        '}',
      ].join('\n'),
    );
    nginxProcess = spawn(nginx as string, ['-p', root, '-c', join(root, 'nginx.conf')], { stdio: 'ignore' });
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await get('/', 'localhost').catch(() => undefined)) !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    if (nginxProcess) {
      const exited = new Promise((resolve) => nginxProcess?.once('exit', resolve));
      nginxProcess.kill('SIGTERM');
      await exited;
    }
    for (const { server } of backends.values()) server.close();
    rmSync(root, { recursive: true, force: true });
  });

  function get(path: string, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: proxyPort, path, headers: { Host: host } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(res.statusCode === 200 ? body : String(res.statusCode)));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it.each([
    ['/', 'localhost', 'web /'],
    ['/apix', 'localhost', 'web /apix'],
    ['/api', 'localhost', 'api /api'],
    ['/api/users?page=2', 'localhost', 'api /api/users?page=2'],
    ['/api/v1/health', 'localhost', 'health /api/v1/health'],
    ['/api/v1/health/deep', 'localhost', 'api /api/v1/health/deep'],
    ['/docs', 'localhost', 'docs /docs'],
    ['/docs/intro', 'localhost', 'docs /docs/intro'],
    ['/docsx', 'localhost', 'web /docsx'],
    ['/api', 'admin.example.com', 'admin /api'],
    ['/', 'x.apps.example.com', 'apps /'],
    ['/', 'a.b.apps.example.com', 'web /'],
    ['/only', 'exact.example.com', 'admin /only'],
    ['/other', 'exact.example.com', '404'],
  ])('%s with Host %s -> %s', async (path, host, expected) => {
    expect(await get(path, host)).toBe(expected);
  });
});
