import { nginxProxyConfig } from '../proxy';
import type { ProxyRoute } from '../proxy';

export type ImportedRoute = ProxyRoute;

/**
 * The ingress routes of twinform's local proxy, read back from its nginx configuration. Only a
 * configuration that nginxProxyConfig would write for the recovered routes, byte for byte, is
 * accepted; anything else (a hand-written proxy) is not twinform's and returns undefined.
 */
export function parseProxyConfig(content: string): ImportedRoute[] | undefined {
  const routes: ImportedRoute[] = [];
  const servers = content.split(/\n(?=server \{\n)/).slice(1);
  for (const server of servers) {
    const name = /\n {4}server_name ([^;]+);/.exec(server)?.[1];
    if (name === undefined) return undefined;
    const host = name === '_' ? undefined : hostOf(name);
    const exact = new Map<string, string>();
    const prefix = new Map<string, string>();
    for (const match of server.matchAll(/\n {4}location (= )?("(?:[^"\\]|\\.)*"|\S+) \{\n {8}set \$upstream (\S+);/g)) {
      const path = unquote(match[2]!);
      (match[1] ? exact : prefix).set(path, match[3]!);
    }
    for (const [path, upstream] of prefix) {
      const route = toRoute(host, path === '/' ? '/' : path.replace(/\/$/, ''), 'Prefix', upstream);
      if (!route) return undefined;
      routes.push(route);
    }
    for (const [path, upstream] of exact) {
      if (prefix.get(`${path}/`) === upstream) continue;
      const route = toRoute(host, path, 'Exact', upstream);
      if (!route) return undefined;
      routes.push(route);
    }
  }
  return nginxProxyConfig(routes) === content ? routes : undefined;
}

function toRoute(
  host: string | undefined,
  path: string,
  pathType: 'Prefix' | 'Exact',
  upstream: string,
): ImportedRoute | undefined {
  const match = /^([a-z0-9-]+):(\d+)$/.exec(upstream);
  if (!match) return undefined;
  const route: ImportedRoute = { path, pathType, service: match[1]!, port: Number(match[2]) };
  if (host !== undefined) route.host = host;
  return route;
}

function hostOf(serverName: string): string {
  const wildcard = /^~\^\[\^\.\]\+(.*)\$$/.exec(serverName);
  return wildcard ? `*${wildcard[1]!.replace(/\\\./g, '.')}` : serverName;
}

function unquote(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replace(/\\(["\\])/g, '$1') : text;
}
