import type { Draft, DraftPort } from './draft';
import type { ServiceBinding } from './network';

interface HostTarget {
  draft: Draft;
  /** Port numbers clients use with this host → the service's port. */
  ports: Map<number, DraftPort>;
  /** The host is a Service name that the import renames (merged into the workload's Service). */
  renamed: boolean;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text that parseEnvTemplate reads back unchanged: a `$` before `$` or `{` is doubled. */
export const escapeSpecText = (text: string): string => text.replace(/\$(?=[${])/g, '$$$$');

const reference = (draft: Draft, port: DraftPort, part?: 'host'): string =>
  `\${${draft.name}.${port.name}${part ? `.${part}` : ''}}`;

/**
 * Recognises service addresses in env literals (`backend:3001`, `http://backend:3001/x`,
 * `backend.shop.svc.cluster.local:3001`) and turns them into `${backend.http}` references, so the
 * generated value follows the port wherever it goes.
 */
export class AddressRewriter {
  private readonly hosts = new Map<string, HostTarget>();
  private readonly pattern: RegExp | undefined;
  private readonly urlPattern: RegExp | undefined;

  constructor(drafts: Draft[], bindings: Iterable<ServiceBinding>, namespace: string | undefined) {
    const add = (
      name: string,
      objectNamespace: string,
      target: Omit<HostTarget, 'ports'>,
      ports: Map<number, DraftPort>,
    ): void => {
      const namespaces = [...new Set([objectNamespace, namespace ?? ''].filter((item) => item !== ''))];
      const names = [
        name,
        ...namespaces.flatMap((ns) => [`${name}.${ns}`, `${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`]),
      ];
      for (const host of names) {
        const existing = this.hosts.get(host);
        if (existing && existing.draft !== target.draft) continue;
        const merged = existing ? new Map([...existing.ports, ...ports]) : new Map(ports);
        this.hosts.set(host, { draft: target.draft, renamed: existing?.renamed ?? target.renamed, ports: merged });
      }
    };
    for (const binding of bindings) {
      // twinform's own governing Service keeps its name, so addresses naming it stay literal
      if (binding.object.name === `${binding.draft.name}-headless`) continue;
      const renamed = binding.object.name !== binding.draft.name;
      add(binding.object.name, binding.object.namespace, { draft: binding.draft, renamed }, binding.byNumber);
    }
    for (const draft of drafts) {
      add(
        draft.name,
        draft.object.namespace,
        { draft, renamed: false },
        new Map(draft.ports.map((port) => [port.number, port])),
      );
    }
    const alternatives = [...this.hosts.keys()]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
      .map(escapeRegExp);
    if (alternatives.length > 0) {
      const hosts = alternatives.join('|');
      this.pattern = new RegExp(`(?<![A-Za-z0-9_.-])(${hosts}):(\\d{1,5})(?![0-9])`, 'g');
      this.urlPattern = new RegExp(`^(https?)://(${hosts})(?=[/?#]|$)`);
    }
  }

  /** The spec form of a literal: escaped text with references; `changed` lists what was rewritten. */
  rewrite(text: string): { value: string; rewritten: string[] } {
    const rewritten: string[] = [];
    const whole = this.hosts.get(text);
    if (whole?.renamed && whole.draft.ports.length > 0) {
      rewritten.push(text);
      return { value: reference(whole.draft, whole.draft.ports[0]!, 'host'), rewritten };
    }
    let result = '';
    let last = 0;
    const url = this.urlPattern?.exec(text);
    if (url) {
      const [matched, scheme, host] = url as unknown as [string, string, string];
      const target = this.hosts.get(host)!;
      const implied = scheme === 'https' ? 443 : 80;
      const port = target.ports.get(implied);
      if (port && (port.number !== implied || target.renamed)) {
        result += `${scheme}://${reference(target.draft, port)}`;
        last = matched.length;
        rewritten.push(matched);
      }
    }
    if (this.pattern) {
      this.pattern.lastIndex = last;
      for (let match = this.pattern.exec(text); match; match = this.pattern.exec(text)) {
        const [matched, host, number] = match as unknown as [string, string, string];
        const target = this.hosts.get(host)!;
        const port = target.ports.get(Number(number));
        if (!port) continue;
        result += escapeSpecText(text.slice(last, match.index)) + reference(target.draft, port);
        last = match.index + matched.length;
        rewritten.push(matched);
      }
    }
    result += escapeSpecText(text.slice(last));
    return { value: result, rewritten };
  }
}

/**
 * Kubernetes expands `$(NAME)` with variables defined earlier and turns `$$` into `$`. Returns the
 * value the container sees, and the names it could not expand because they are no literals.
 */
export function expandKubernetesText(
  text: string,
  earlier: ReadonlyMap<string, string>,
  defined: ReadonlySet<string>,
): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const value = text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (matched, name: string | undefined) => {
    if (name === undefined) return '$';
    const found = earlier.get(name);
    if (found !== undefined) return found;
    if (defined.has(name)) unresolved.push(name);
    return matched;
  });
  return { value, unresolved };
}
