/**
 * Parsers for compose's short syntaxes (ports, expose, volumes, durations, byte sizes, shell
 * words). Each returns data or a reason; the caller turns a reason into an Issue with a position.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Splits a command string into words like compose does (go-shellwords: quotes and backslashes, no expansion). */
export function shellSplit(text: string): Parsed<string[]> {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && index + 1 < text.length && '"\\$`'.includes(text[index + 1]!)) {
        current += text[index + 1];
        index += 1;
      } else current += char;
      continue;
    }
    if (char === '\\' && index + 1 < text.length) {
      current += text[index + 1];
      index += 1;
      inWord = true;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    current += char;
    inWord = true;
  }
  if (quote) return fail(`the ${quote === '"' ? 'double' : 'single'} quote is never closed`);
  if (inWord) words.push(current);
  return ok(words);
}

/** Quotes words so that shellSplit gives them back (used for messages and round trips). */
export function shellJoin(words: readonly string[]): string {
  return words
    .map((word) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

export interface ParsedPort {
  target: number;
  published?: number;
  /** A host range mapped to one container port: compose picks a free port in it. */
  publishedRange?: string;
  hostIp?: string;
  protocol: 'tcp' | 'udp';
}

function parseRange(text: string): Parsed<[number, number]> {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return fail(`"${text}" is not a port number or range`);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start < 1 || end > 65535 || end < start) return fail(`"${text}" is not a port range within 1-65535`);
  return ok([start, end]);
}

/** `[HOST_IP:][HOST:]CONTAINER[/PROTOCOL]`, where HOST and CONTAINER may be ranges. */
export function parsePortShort(text: string): Parsed<ParsedPort[]> {
  let rest = text.trim();
  let protocol: 'tcp' | 'udp' = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const name = rest.slice(slash + 1).toLowerCase();
    if (name !== 'tcp' && name !== 'udp') {
      return fail(`protocol "${rest.slice(slash + 1)}" is not supported (tcp or udp; sctp has no equivalent)`);
    }
    protocol = name;
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return fail(`"${text}" has an unterminated IPv6 address`);
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let hostPart: string | undefined;
  let containerPart: string;
  if (parts.length === 1) {
    containerPart = parts[0]!;
  } else if (parts.length === 2) {
    hostPart = parts[0]!;
    containerPart = parts[1]!;
  } else if (parts.length === 3 && hostIp === undefined) {
    hostIp = parts[0]!;
    hostPart = parts[1]!;
    containerPart = parts[2]!;
  } else {
    return fail(`"${text}" is not [HOST_IP:][HOST:]CONTAINER[/PROTOCOL]`);
  }
  const container = parseRange(containerPart);
  if (!container.ok) return container;
  const [start, end] = container.value;
  const ports: ParsedPort[] = [];
  if (hostPart === undefined || hostPart === '') {
    for (let port = start; port <= end; port += 1) ports.push(withIp({ target: port, protocol }, hostIp));
    return ok(ports);
  }
  const host = parseRange(hostPart);
  if (!host.ok) return host;
  const [hostStart, hostEnd] = host.value;
  if (start === end && hostEnd !== hostStart) {
    return ok([withIp({ target: start, protocol, publishedRange: hostPart }, hostIp)]);
  }
  if (hostEnd - hostStart !== end - start) {
    return fail(`"${text}" maps ${hostEnd - hostStart + 1} host ports to ${end - start + 1} container ports`);
  }
  for (let offset = 0; offset <= end - start; offset += 1) {
    ports.push(withIp({ target: start + offset, published: hostStart + offset, protocol }, hostIp));
  }
  return ok(ports);
}

function withIp(port: ParsedPort, hostIp: string | undefined): ParsedPort {
  if (hostIp !== undefined && hostIp !== '') port.hostIp = hostIp;
  return port;
}

/** `PORT[-END][/PROTOCOL]` of expose. */
export function parseExpose(text: string): Parsed<Array<{ port: number; protocol: 'tcp' | 'udp' }>> {
  const [portText = '', protocolText = 'tcp'] = text.trim().split('/');
  const protocol = protocolText.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') return fail(`protocol "${protocolText}" is not tcp or udp`);
  const range = parseRange(portText);
  if (!range.ok) return range;
  const ports: Array<{ port: number; protocol: 'tcp' | 'udp' }> = [];
  for (let port = range.value[0]; port <= range.value[1]; port += 1) ports.push({ port, protocol });
  return ok(ports);
}

export interface ParsedVolume {
  type: 'volume' | 'bind';
  source?: string;
  target: string;
  readOnly: boolean;
  options: string[];
}

const VOLUME_MODES = new Set([
  'ro',
  'rw',
  'z',
  'Z',
  'nocopy',
  'cached',
  'delegated',
  'consistent',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
]);

export const isHostPath = (source: string): boolean =>
  source.startsWith('.') || source.startsWith('/') || source.startsWith('~') || /^[A-Za-z]:[\\/]/.test(source);

const isContainerPath = (path: string): boolean => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);

/** Splits on ':' except after a Windows drive letter ("C:\\data"). */
function splitVolume(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const next = text[index + 1] ?? '';
    const driveLetter = /^[A-Za-z]$/.test(current) && (next === '\\' || (next === '/' && /^[A-Z]$/.test(current)));
    if (char === ':' && !driveLetter) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** `[SOURCE:]TARGET[:MODE]`. */
export function parseVolumeShort(text: string): Parsed<ParsedVolume> {
  const parts = splitVolume(text);
  let source: string | undefined;
  let target: string;
  let mode: string | undefined;
  if (parts.length === 1) {
    target = parts[0]!;
  } else if (parts.length === 2) {
    if (parts[1]!.split(',').every((flag) => VOLUME_MODES.has(flag)) && !isContainerPath(parts[1]!)) {
      target = parts[0]!;
      mode = parts[1];
    } else {
      source = parts[0];
      target = parts[1]!;
    }
  } else if (parts.length === 3) {
    source = parts[0];
    target = parts[1]!;
    mode = parts[2];
  } else {
    return fail(`"${text}" is not [SOURCE:]TARGET[:MODE]`);
  }
  if (target === '') return fail(`"${text}" has no container path`);
  const flags = mode ? mode.split(',').filter((flag) => flag !== '') : [];
  const unknown = flags.filter((flag) => !VOLUME_MODES.has(flag));
  if (unknown.length > 0) return fail(`"${text}" has unknown mode ${unknown.join(',')}`);
  const readOnly = flags.includes('ro');
  const options = flags.filter((flag) => flag !== 'ro' && flag !== 'rw');
  const volume: ParsedVolume = {
    type: source !== undefined && isHostPath(source) ? 'bind' : 'volume',
    target,
    readOnly,
    options,
  };
  if (source !== undefined && source !== '') volume.source = source;
  return ok(volume);
}

/** Go duration ("1m30s", "500ms", "2h") → seconds (fractional allowed). */
export function parseDuration(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return fail(`"${text}" has no unit (write e.g. ${trimmed}s)`);
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let index = 0;
  const factor: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  while (index < trimmed.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(trimmed);
    if (!match) return fail(`"${text}" is not a duration like 10s, 1m30s or 500ms`);
    total += Number(match[1]) * factor[match[2]!]!;
    index = pattern.lastIndex;
  }
  if (trimmed === '') return fail('the duration is empty');
  return ok(total);
}

/** Seconds → the shortest compose duration ("10s", "1m30s"). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `${hours ? `${hours}h` : ''}${minutes ? `${minutes}m` : ''}${rest ? `${rest}s` : ''}`;
}

/** Compose byte size ("512m", "1gb", "1024", "2.5g") → bytes. */
export function parseByteSize(text: string | number): Parsed<number> {
  if (typeof text === 'number') return ok(text);
  const match = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b?)$/i.exec(text.trim());
  if (!match) return fail(`"${text}" is not a size like 512m or 1g`);
  const power = ['', 'k', 'm', 'g', 't', 'p'].indexOf(match[2]!.toLowerCase());
  return ok(Math.round(Number(match[1]) * 1024 ** power));
}
