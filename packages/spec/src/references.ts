/**
 * Env values may name another service's address: ${backend.http} is host:port,
 * ${backend.http.host} the host, ${backend.http.port} the port. $$ is a literal $.
 */
export interface ServiceReference {
  service: string;
  port: string;
  part: 'address' | 'host' | 'port';
  /** The reference as written, e.g. '${backend.http}'. */
  raw: string;
}

export type TemplatePart = { text: string } | { reference: ServiceReference };

const REFERENCE = /\$\{([a-z][a-z0-9-]*)\.([a-z0-9-]+)(?:\.(host|port))?\}/y;

export function parseEnvTemplate(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let index = 0;
  while (index < value.length) {
    if (value.startsWith('$$', index)) {
      text += '$';
      index += 2;
      continue;
    }
    if (value[index] === '$') {
      REFERENCE.lastIndex = index;
      const match = REFERENCE.exec(value);
      if (match) {
        if (text) parts.push({ text });
        text = '';
        const [raw, service, port, part] = match as unknown as [string, string, string, string | undefined];
        parts.push({ reference: { service, port, part: (part as 'host' | 'port' | undefined) ?? 'address', raw } });
        index += raw.length;
        continue;
      }
    }
    text += value[index];
    index += 1;
  }
  if (text) parts.push({ text });
  return parts;
}

/** Renders a template with a target-specific resolver; `escapeText` lets compose double its `$`. */
export function renderEnvTemplate(
  parts: readonly TemplatePart[],
  resolve: (reference: ServiceReference) => string,
  escapeText: (text: string) => string = (text) => text,
): string {
  return parts.map((part) => ('text' in part ? escapeText(part.text) : resolve(part.reference))).join('');
}

export function referencesIn(value: string): ServiceReference[] {
  return parseEnvTemplate(value).flatMap((part) => ('reference' in part ? [part.reference] : []));
}
