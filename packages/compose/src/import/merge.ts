import { scalarText } from './yaml-nodes';
import type { YEntry, YMap, YNode, YScalar } from './yaml-nodes';

/**
 * Compose's merge rules for several -f files and for `extends` (the override is applied on top
 * of the base): mappings merge key by key; command, entrypoint and healthcheck.test are replaced;
 * environment, labels and the other KEY=VALUE lists merge by key whichever syntax each side uses;
 * depends_on and networks merge by name; other sequences are appended (the normaliser then keeps
 * one entry per port, target, path or value, the later one winning, as compose-go does);
 * `!reset` removes a value and `!override` replaces it.
 */
const REPLACED = new Set(['command', 'entrypoint', 'healthcheck.test']);

/** Fields that are a mapping in long form but may be written as a KEY=VALUE (or KEY:VALUE) list. */
const KEYED_LISTS: Record<string, '=' | ':'> = {
  environment: '=',
  labels: '=',
  annotations: '=',
  sysctls: '=',
  'build.args': '=',
  'build.labels': '=',
  'deploy.labels': '=',
  extra_hosts: ':',
  'build.extra_hosts': ':',
};

/** Fields that are a mapping in long form but may be written as a plain list of names. */
const NAME_LISTS = new Set(['depends_on', 'networks']);

/** Merges one service definition (or one top-level resource) over another. */
export function mergeService(base: YNode, override: YNode): YNode {
  return mergeAt(base, override, '');
}

/** Merges two whole compose files (the later file overrides the earlier). */
export function mergeFiles(base: YMap, override: YMap): YMap {
  const result: YMap = { ...base, entries: new Map(base.entries) };
  for (const [key, entry] of override.entries) {
    const existing = result.entries.get(key);
    if (entry.value.tag === '!reset') {
      result.entries.delete(key);
      continue;
    }
    if (!existing || key.startsWith('x-')) {
      result.entries.set(key, entry);
      continue;
    }
    if (
      ['services', 'volumes', 'networks', 'secrets', 'configs'].includes(key) &&
      existing.value.kind === 'map' &&
      entry.value.kind === 'map'
    ) {
      const merged: YMap = { ...existing.value, entries: new Map(existing.value.entries) };
      for (const [name, item] of entry.value.entries) {
        const current = merged.entries.get(name);
        if (item.value.tag === '!reset') merged.entries.delete(name);
        else if (!current || item.value.tag === '!override') merged.entries.set(name, item);
        else merged.entries.set(name, { ...current, value: mergeAt(current.value, item.value, '') });
      }
      result.entries.set(key, { ...existing, value: merged });
      continue;
    }
    result.entries.set(key, entry);
  }
  return result;
}

function mergeAt(base: YNode, override: YNode, path: string): YNode {
  if (override.tag === '!override') return stripTag(override);
  if (REPLACED.has(path)) return override;
  if (path === 'build') return mergeAt(buildAsMap(base), buildAsMap(override), 'build*');
  const keyed = Object.hasOwn(KEYED_LISTS, path) ? KEYED_LISTS[path] : undefined;
  if (keyed && (base.kind !== override.kind || base.kind === 'seq')) {
    const left = keyedAsMap(base, keyed);
    const right = keyedAsMap(override, keyed);
    if (left && right) return mergeMaps(left, right, path);
  }
  if (NAME_LISTS.has(path) && (base.kind === 'seq' || override.kind === 'seq')) {
    const left = namesAsMap(base);
    const right = namesAsMap(override);
    if (left && right) return mergeMaps(left, right, path);
  }
  if (path === 'logging' && base.kind === 'map' && override.kind === 'map') {
    const before = base.entries.get('driver')?.value;
    const after = override.entries.get('driver')?.value;
    if (before && after && before.kind === 'scalar' && after.kind === 'scalar' && before.value !== after.value) {
      return override;
    }
  }
  if (/^ulimits\.[^.]+$/.test(path)) return override;
  if (base.kind === 'map' && override.kind === 'map') return mergeMaps(base, override, path);
  if (base.kind === 'seq' && override.kind === 'seq') {
    return { ...override, items: [...base.items, ...override.items] };
  }
  return override;
}

function mergeMaps(base: YMap, override: YMap, path: string): YMap {
  const result: YMap = { ...base, entries: new Map(base.entries) };
  if (override.tag) result.tag = override.tag;
  const prefix = path === 'build*' ? 'build.' : path ? `${path}.` : '';
  for (const [key, entry] of override.entries) {
    if (entry.value.tag === '!reset') {
      result.entries.delete(key);
      continue;
    }
    const existing = result.entries.get(key);
    if (!existing || key.startsWith('x-')) {
      result.entries.set(key, { ...entry, value: stripTag(entry.value) });
      continue;
    }
    result.entries.set(key, { ...entry, value: mergeAt(existing.value, entry.value, `${prefix}${key}`) });
  }
  return result;
}

function stripTag(node: YNode): YNode {
  if (!node.tag) return node;
  const copy = { ...node };
  delete copy.tag;
  return copy;
}

function buildAsMap(node: YNode): YNode {
  if (node.kind !== 'scalar') return node;
  return {
    kind: 'map',
    pos: node.pos,
    entries: new Map([['context', { key: 'context', keyPos: node.pos, value: node }]]),
  };
}

/** KEY=VALUE list (or mapping) → mapping; a bare KEY maps to null. */
export function keyedAsMap(node: YNode, separator: '=' | ':'): YMap | undefined {
  if (node.kind === 'map') return node;
  if (node.kind !== 'seq') return node.value === null ? { kind: 'map', pos: node.pos, entries: new Map() } : undefined;
  const entries = new Map<string, YEntry>();
  for (const item of node.items) {
    if (item.kind !== 'scalar') return undefined;
    const text = scalarText(item);
    const split = splitKeyValue(text, separator);
    const value: YScalar =
      split.value === undefined
        ? { kind: 'scalar', pos: item.pos, value: null }
        : { kind: 'scalar', pos: item.pos, value: split.value };
    const template = item.template === undefined ? undefined : splitKeyValue(item.template, separator).value;
    if (template !== undefined && split.value !== undefined) value.template = template;
    entries.set(split.key, { key: split.key, keyPos: item.pos, value });
  }
  return { kind: 'map', pos: node.pos, entries };
}

export function splitKeyValue(text: string, separator = '='): { key: string; value?: string } {
  // extra_hosts accepts both host=ip and host:ip; '=' wins because IPv6 addresses contain ':'.
  const index = text.indexOf('=') >= 0 ? text.indexOf('=') : separator === ':' ? text.indexOf(':') : -1;
  if (index < 0) return { key: text };
  return { key: text.slice(0, index), value: text.slice(index + 1) };
}

function namesAsMap(node: YNode): YMap | undefined {
  if (node.kind === 'map') return node;
  if (node.kind !== 'seq') return undefined;
  const entries = new Map<string, YEntry>();
  for (const item of node.items) {
    if (item.kind !== 'scalar') return undefined;
    const name = scalarText(item);
    entries.set(name, { key: name, keyPos: item.pos, value: { kind: 'scalar', pos: item.pos, value: null } });
  }
  return { kind: 'map', pos: node.pos, entries };
}
