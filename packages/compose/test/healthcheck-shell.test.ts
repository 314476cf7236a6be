/**
 * Runs the generated healthcheck lines in shells shaped like the two image families they must work
 * in, against a real listening server: "alpine" (busybox ash, busybox wget and nc, nothing else on
 * PATH) and "debian-slim" (dash as sh, bash, no wget/curl/nc). Each family is skipped when this
 * machine lacks its binaries.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpCheckShell, tcpCheckShell } from '@twinform/compose';

const which = (name: string): string | undefined =>
  ['/usr/bin', '/bin', '/usr/local/bin'].map((dir) => join(dir, name)).find((path) => existsSync(path));

const busybox = which('busybox');
const dash = which('dash');
const bash = which('bash');
const busyboxNcHasZ = busybox !== undefined && /-z/.test(helpOf(busybox, ['nc', '--help']));

function helpOf(binary: string, args: string[]): string {
  try {
    return execFileSync(binary, args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
}

let root: string;
let httpPort: number;
let tcpPort: number;
let closedPort: number;
const servers: Array<{ close: () => void }> = [];

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'twinform-healthcheck-'));
  const http = createHttpServer((request, response) => {
    if (request.url?.startsWith('/healthz')) response.writeHead(200).end('ok');
    else if (request.url === '/moved') response.writeHead(302, { Location: '/healthz' }).end();
    else response.writeHead(500).end('down');
  });
  const tcp = createTcpServer((socket) => socket.end());
  const closed = createTcpServer();
  httpPort = await listen(http);
  tcpPort = await listen(tcp);
  closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  servers.push(http, tcp);
});

afterAll(() => {
  for (const server of servers) server.close();
  rmSync(root, { recursive: true, force: true });
});

function sandbox(name: string, links: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [link, target] of Object.entries(links)) {
    if (!existsSync(join(dir, link))) symlinkSync(target, join(dir, link));
  }
  return dir;
}

/** Exit status of `sh -c line` with only the sandbox on PATH (the line as the container sees it, after compose unescapes $$). */
function exitStatus(dir: string, line: string): Promise<number> {
  return new Promise((resolve) => {
    execFile(join(dir, 'sh'), ['-c', line], { env: { PATH: dir }, timeout: 10000 }, (error) =>
      resolve(error ? (typeof error.code === 'number' ? error.code : -1) : 0),
    );
  });
}

const families: Array<[string, () => string, boolean]> = [
  [
    'alpine (busybox)',
    () => sandbox('alpine', { sh: busybox ?? '', wget: busybox ?? '', nc: busybox ?? '' }),
    busybox !== undefined,
  ],
  [
    'debian-slim (dash + bash)',
    () => sandbox('debian', { sh: dash ?? '', bash: bash ?? '' }),
    dash !== undefined && bash !== undefined,
  ],
];

describe.each(families)('healthcheck in %s', (_family, makeSandbox, available) => {
  const maybe = available ? it : it.skip;

  maybe('http: healthy on 200 and on a redirect, unhealthy on 500 and on a closed port', async () => {
    const dir = makeSandbox();
    expect(await exitStatus(dir, httpCheckShell(httpPort, '/healthz'))).toBe(0);
    expect(await exitStatus(dir, httpCheckShell(httpPort, "/healthz?probe=1&who='compose'"))).toBe(0);
    expect(await exitStatus(dir, httpCheckShell(httpPort, '/moved'))).toBe(0);
    expect(await exitStatus(dir, httpCheckShell(httpPort, '/broken'))).not.toBe(0);
    expect(await exitStatus(dir, httpCheckShell(closedPort, '/healthz'))).not.toBe(0);
  });

  maybe('tcp: healthy on a listening port, unhealthy on a closed one', async () => {
    const dir = makeSandbox();
    // Debian's own busybox build has no `nc -z` (alpine's has); without bash the tcp check relies on it.
    if (!existsSync(join(dir, 'bash')) && !busyboxNcHasZ) return;
    expect(await exitStatus(dir, tcpCheckShell(tcpPort))).toBe(0);
    expect(await exitStatus(dir, tcpCheckShell(closedPort))).not.toBe(0);
  });
});
