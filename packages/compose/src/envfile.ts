/**
 * Reads KEY=value lines the way compose reads an env_file: blank lines and `#` comments are
 * skipped, an optional `export ` prefix is dropped, matching outer quotes are removed, and an
 * unquoted value ends at ` #`.
 */
export function parseEnvFile(content: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const assignment = line.startsWith('export ') ? line.slice('export '.length).trimStart() : line;
    const equals = assignment.indexOf('=');
    if (equals <= 0) continue;
    const key = assignment.slice(0, equals).trim();
    values.set(key, unquote(assignment.slice(equals + 1).trim()));
  }
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : inner;
  }
  const comment = value.search(/\s#/);
  return comment >= 0 ? value.slice(0, comment).trimEnd() : value;
}

export { envFileConfigName } from '@twinform/spec';
