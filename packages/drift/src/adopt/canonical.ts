import { clone, isPlainObject, type PlainObject } from '../values';

/**
 * Importers invent names the generated files do not carry (compose has no port names: 3000 becomes
 * `http`, 3001 `p3001`; volume names come from compose volume names), and a renumbered port gets
 * another invented name. Before two imports are compared, their names are mapped onto the names
 * the spec uses, so a diff says `ports[http].port: 3000 → 3005` instead of "port p3001 removed,
 * port p3005 added".
 */

type Item = PlainObject & { name: string };

/** Lists renamed to the spec's names, and what identifies an item when names differ. */
const RENAMED_LISTS: Record<'ports' | 'volumes' | 'configs', Array<(item: Item) => string | undefined>> = {
  ports: [
    (item) =>
      typeof item.port === 'number' ? `${item.port}/${String(item.protocol ?? 'TCP').toUpperCase()}` : undefined,
  ],
  volumes: [(item) => (typeof item.mountPath === 'string' ? item.mountPath : undefined)],
  configs: [
    (item) => (typeof item.mountPath === 'string' ? `${item.mountPath}/${String(item.subPath ?? '')}` : undefined),
  ],
};

export type ListKind = keyof typeof RENAMED_LISTS;
const LIST_KINDS = Object.keys(RENAMED_LISTS) as ListKind[];

/** Per service and list kind: import name → spec name. */
export type NameMap = Map<string, Record<ListKind, Map<string, string>>>;

const itemsOf = (spec: unknown, kind: ListKind): Item[] => {
  const list = isPlainObject(spec) ? spec[kind] : undefined;
  return Array.isArray(list)
    ? list.filter((item): item is Item => isPlainObject(item) && typeof item.name === 'string')
    : [];
};

/**
 * Pairs the items of `from` with those of `to`: same name first, then same identity (port
 * number, mount path), then the rest in order. Returns from-name → to-name.
 */
export function matchItems(
  from: readonly Item[],
  to: readonly Item[],
  kind: ListKind,
  byNameFirst: boolean,
): Map<string, string> {
  const pairs = new Map<string, string>();
  const taken = new Set<string>();
  const pair = (source: Item, target: Item): void => {
    pairs.set(source.name, target.name);
    taken.add(target.name);
  };
  if (byNameFirst) {
    for (const item of from) {
      const same = to.find((candidate) => candidate.name === item.name);
      if (same) pair(item, same);
    }
  }
  for (const identify of RENAMED_LISTS[kind]) {
    for (const item of from) {
      if (pairs.has(item.name)) continue;
      const identity = identify(item);
      if (identity === undefined) continue;
      const same = to.find((candidate) => !taken.has(candidate.name) && identify(candidate) === identity);
      if (same) pair(item, same);
    }
  }
  const restTo = to.filter((candidate) => !taken.has(candidate.name));
  for (const item of from) {
    if (pairs.has(item.name)) continue;
    const next = restTo.shift();
    if (next) pair(item, next);
  }
  return pairs;
}

function emptyMaps(): Record<ListKind, Map<string, string>> {
  return { ports: new Map(), volumes: new Map(), configs: new Map() };
}

/**
 * Name maps for the unedited import (matched to the effective spec by identity) and for the
 * edited import (matched to the unedited one by name, identity, then order).
 */
export function nameMaps(
  effective: ReadonlyMap<string, unknown>,
  unedited: ReadonlyMap<string, unknown>,
  edited: ReadonlyMap<string, unknown>,
): { unedited: NameMap; edited: NameMap } {
  const uneditedMaps: NameMap = new Map();
  const editedMaps: NameMap = new Map();
  for (const [service, before] of unedited) {
    const maps = emptyMaps();
    for (const kind of LIST_KINDS) {
      const found = matchItems(itemsOf(before, kind), itemsOf(effective.get(service), kind), kind, false);
      // An item without a counterpart in the spec keeps its name.
      for (const item of itemsOf(before, kind)) maps[kind].set(item.name, found.get(item.name) ?? item.name);
    }
    uneditedMaps.set(service, maps);
  }
  for (const [service, after] of edited) {
    const maps = emptyMaps();
    const before = unedited.get(service);
    for (const kind of LIST_KINDS) {
      const toUnedited = matchItems(itemsOf(after, kind), itemsOf(before, kind), kind, true);
      const used = new Set<string>();
      for (const item of itemsOf(after, kind)) {
        const viaUnedited = toUnedited.get(item.name);
        let name =
          viaUnedited === undefined ? item.name : (uneditedMaps.get(service)?.[kind].get(viaUnedited) ?? viaUnedited);
        if (viaUnedited === undefined) {
          // A new item must not take the name of an item the spec already has.
          const existing = new Set(itemsOf(effective.get(service), kind).map((other) => other.name));
          for (let index = 2; existing.has(name) || used.has(name); index += 1) name = `${item.name}-${index}`;
        }
        used.add(name);
        maps[kind].set(item.name, name);
      }
    }
    editedMaps.set(service, maps);
  }
  return { unedited: uneditedMaps, edited: editedMaps };
}

const REFERENCE = /\$\$|\$\{([a-z][a-z0-9-]*)\.([a-z0-9-]+)((?:\.(?:host|port))?)\}/g;

/** A service spec with every name that `maps` knows replaced (its lists, probes, references). */
export function renameSpec(service: string, spec: unknown, maps: NameMap): unknown {
  if (!isPlainObject(spec)) return spec;
  const renamed = clone(spec);
  const own = maps.get(service);
  const portName = (target: string, name: string): string => maps.get(target)?.ports.get(name) ?? name;
  for (const kind of LIST_KINDS) {
    for (const item of itemsOf(renamed, kind)) item.name = own?.[kind].get(item.name) ?? item.name;
  }
  const health = renamed.health;
  if (isPlainObject(health)) {
    for (const probe of Object.values(health)) {
      if (!isPlainObject(probe)) continue;
      for (const check of ['http', 'tcp', 'grpc']) {
        const target = probe[check];
        if (isPlainObject(target) && typeof target.port === 'string') target.port = portName(service, target.port);
      }
    }
  }
  if (Array.isArray(renamed.dependsOn)) {
    for (const dependency of renamed.dependsOn) {
      if (isPlainObject(dependency) && typeof dependency.service === 'string' && typeof dependency.port === 'string') {
        dependency.port = portName(dependency.service, dependency.port);
      }
    }
  }
  if (isPlainObject(renamed.env)) {
    for (const [key, value] of Object.entries(renamed.env)) {
      if (typeof value === 'string') {
        renamed.env[key] = value.replace(REFERENCE, (match, target?: string, port?: string, part?: string) =>
          target === undefined ? match : `\${${target}.${portName(target, port!)}${part ?? ''}}`,
        );
      } else if (isPlainObject(value) && typeof value.config === 'string') {
        value.config = own?.configs.get(value.config) ?? value.config;
      }
    }
  }
  return renamed;
}
