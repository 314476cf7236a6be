import type { Probe } from '@twinform/spec';
import { httpCheckShell, tcpCheckShell } from '../healthcheck';

/**
 * A compose healthcheck test → a probe check. twinform's own generated tests (httpCheckShell,
 * tcpCheckShell, grpc_health_probe) are recognised exactly — the test must be byte for byte what
 * the generator writes for the recovered port/path — so generate → import gives the probe back;
 * any other test runs as it did: CMD as an exec probe, CMD-SHELL through `sh -c`.
 */
export type ProbeCheck = Pick<Probe, 'http' | 'tcp' | 'exec' | 'grpc'>;

export interface RecognisedCheck {
  check: ProbeCheck;
  /** The container port the check targets (http/tcp/grpc), to turn into a port name. */
  port?: number;
}

export function recogniseTest(test: readonly string[]): RecognisedCheck | undefined {
  const [kind, ...rest] = test;
  if (kind === 'CMD-SHELL' && rest.length === 1) {
    const shell = rest[0]!;
    return recogniseHttp(shell) ?? recogniseTcp(shell) ?? { check: { exec: { command: ['sh', '-c', shell] } } };
  }
  if (kind === 'CMD-SHELL' && rest.length > 1) {
    // compose joins the words with spaces and runs them with sh -c.
    return { check: { exec: { command: ['sh', '-c', rest.join(' ')] } } };
  }
  if (kind === 'CMD' && rest.length > 0) {
    return recogniseGrpc(rest) ?? { check: { exec: { command: rest as [string, ...string[]] } } };
  }
  return undefined;
}

function recogniseHttp(shell: string): RecognisedCheck | undefined {
  const match =
    /^if command -v wget >\/dev\/null 2>&1; then wget -q (?:--no-check-certificate )?-O \/dev\/null ('(?:[^']|'\\'')*'|\S+);/.exec(
      shell,
    );
  if (!match) return undefined;
  const url = unquote(match[1]!);
  const parsed = /^(https?):\/\/127\.0\.0\.1:(\d+)(\/.*)$/.exec(url);
  if (!parsed) return undefined;
  const scheme = parsed[1] === 'https' ? 'HTTPS' : 'HTTP';
  const port = Number(parsed[2]);
  const path = parsed[3]!;
  if (httpCheckShell(port, path, scheme) !== shell) return undefined;
  const http: NonNullable<Probe['http']> = { path, port };
  if (scheme === 'HTTPS') http.scheme = 'HTTPS';
  return { check: { http }, port };
}

function recogniseTcp(shell: string): RecognisedCheck | undefined {
  const match = /nc -z 127\.0\.0\.1 (\d+); fi$/.exec(shell);
  if (!match) return undefined;
  const port = Number(match[1]);
  if (tcpCheckShell(port) !== shell) return undefined;
  return { check: { tcp: { port } }, port };
}

function recogniseGrpc(words: readonly string[]): RecognisedCheck | undefined {
  if (words[0] !== 'grpc_health_probe' || words.length < 2 || words.length > 3) return undefined;
  const address = /^-addr=127\.0\.0\.1:(\d+)$/.exec(words[1]!);
  if (!address) return undefined;
  const port = Number(address[1]);
  const grpc: NonNullable<Probe['grpc']> = { port };
  if (words.length === 3) {
    const service = /^-service=(.*)$/.exec(words[2]!);
    if (!service) return undefined;
    grpc.service = service[1]!;
  }
  return { check: { grpc }, port };
}

function unquote(word: string): string {
  if (!word.startsWith("'")) return word;
  return word.slice(1, -1).replace(/'\\''/g, "'");
}
