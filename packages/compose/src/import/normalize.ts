import { makeIssue } from '@twinform/spec';
import type { Issue, SourcePosition } from '@twinform/spec';
import { keyedAsMap } from './merge';
import type {
  ComposeBuild,
  ComposeDependency,
  ComposeDeploy,
  ComposeEnvFile,
  ComposeEnvironmentEntry,
  ComposeExpose,
  ComposeFileMount,
  ComposeHealthcheck,
  ComposeNetworkAttachment,
  ComposePort,
  ComposeResources,
  ComposeService,
  ComposeVolumeMount,
} from './model';
import { describeValue, emptyRecord } from '@twinform/spec';
import { parseExpose, parsePortShort, parseVolumeShort, shellSplit } from './syntax';
import { scalarText, toPlain } from './yaml-nodes';
import type { YMap, YNode, YScalar } from './yaml-nodes';

export interface NormalizeContext {
  /** Resolves a host path written in the file of `at` (relative paths → project-relative). */
  resolvePath(path: string, at: SourcePosition): string;
  /** Value of a variable of the project environment (for `environment: [NAME]` pass-through). */
  lookup(name: string): string | undefined;
  issues: Issue[];
}

/** Long-syntax port fields that hold one value; a mapping or list there is a mistake compose rejects. */
const SCALAR_PORT_FIELDS = new Set(['target', 'published', 'host_ip', 'protocol', 'name', 'mode', 'app_protocol']);

/** Fields normalised into typed properties; everything else lands in `other`. */
const HANDLED = new Set([
  'image',
  'build',
  'entrypoint',
  'command',
  'working_dir',
  'user',
  'environment',
  'env_file',
  'ports',
  'expose',
  'depends_on',
  'healthcheck',
  'deploy',
  'restart',
  'volumes',
  'tmpfs',
  'configs',
  'secrets',
  'networks',
  'labels',
  'profiles',
  'stop_grace_period',
  'read_only',
  'privileged',
  'cap_add',
  'cap_drop',
  'security_opt',
  'cpus',
  'mem_limit',
  'mem_reservation',
  'scale',
]);

export function normalizeService(
  name: string,
  at: SourcePosition,
  node: YNode,
  context: NormalizeContext,
): ComposeService {
  const service: ComposeService = {
    name,
    at,
    fieldAt: emptyRecord(),
    environment: [],
    envFiles: [],
    ports: [],
    expose: [],
    dependsOn: [],
    volumes: [],
    tmpfs: [],
    configs: [],
    secrets: [],
    networks: [],
    labels: emptyRecord(),
    profiles: [],
    capAdd: [],
    capDrop: [],
    securityOpt: [],
    legacyResources: [],
    other: [],
    node,
  };
  if (node.kind !== 'map') {
    if (!(node.kind === 'scalar' && node.value === null)) {
      invalid(
        context,
        node.pos,
        `service ${name} must be a mapping of its settings`,
        'Write the service as `name:` followed by indented fields.',
      );
    }
    return service;
  }
  const reader = new FieldReader(context);
  for (const [key, entry] of node.entries) {
    service.fieldAt[key] = entry.keyPos;
    if (key.startsWith('x-') || key === 'extends') continue;
    const value = entry.value;
    if (!HANDLED.has(key)) {
      service.other.push({ key, value: toPlain(value), at: entry.keyPos });
      continue;
    }
    if (value.kind === 'scalar' && value.value === null && key !== 'entrypoint' && key !== 'command') continue;
    switch (key) {
      case 'image':
        assign(service, 'image', reader.string(value, 'image'));
        break;
      case 'build':
        assign(service, 'build', reader.build(value));
        break;
      case 'entrypoint':
      case 'command': {
        const words = reader.command(value, key);
        if (words) service[key] = words;
        break;
      }
      case 'working_dir':
        assign(service, 'workingDir', reader.string(value, key));
        break;
      case 'user':
        assign(service, 'user', reader.string(value, key));
        break;
      case 'environment':
        service.environment = reader.environment(value);
        break;
      case 'env_file':
        service.envFiles = reader.envFiles(value);
        break;
      case 'ports':
        service.ports = reader.ports(value);
        break;
      case 'expose':
        service.expose = reader.expose(value);
        break;
      case 'depends_on':
        service.dependsOn = reader.dependsOn(value);
        break;
      case 'healthcheck':
        assign(service, 'healthcheck', reader.healthcheck(value));
        break;
      case 'deploy':
        assign(service, 'deploy', reader.deploy(value));
        break;
      case 'restart':
        assign(service, 'restart', reader.string(value, key));
        break;
      case 'volumes':
        service.volumes = reader.volumes(value);
        break;
      case 'tmpfs':
        service.tmpfs = reader.tmpfs(value);
        break;
      case 'configs':
        service.configs = reader.fileMounts(value, key, '/');
        break;
      case 'secrets':
        service.secrets = reader.fileMounts(value, key, '/run/secrets/');
        break;
      case 'networks':
        service.networks = reader.networks(value);
        break;
      case 'labels':
        service.labels = reader.stringMap(value, key);
        break;
      case 'profiles':
        service.profiles = unique(reader.strings(value, key));
        break;
      case 'stop_grace_period':
        assign(service, 'stopGracePeriod', reader.string(value, key));
        break;
      case 'read_only':
        assign(service, 'readOnly', reader.boolean(value, key));
        break;
      case 'privileged':
        assign(service, 'privileged', reader.boolean(value, key));
        break;
      case 'cap_add':
        service.capAdd = unique(reader.strings(value, key));
        break;
      case 'cap_drop':
        service.capDrop = unique(reader.strings(value, key));
        break;
      case 'security_opt':
        service.securityOpt = unique(reader.strings(value, key));
        break;
      case 'scale': {
        const replicas = reader.integer(value, key);
        if (replicas !== undefined) {
          service.deploy ??= { extra: [], at: entry.keyPos };
          service.deploy.replicas ??= replicas;
        }
        break;
      }
      default:
        service.legacyResources.push({ key, value: toPlain(value), at: entry.keyPos });
    }
  }
  return service;
}

function assign<K extends keyof ComposeService>(
  service: ComposeService,
  key: K,
  value: ComposeService[K] | undefined,
): void {
  if (value !== undefined) service[key] = value;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function invalid(context: NormalizeContext, pos: SourcePosition, message: string, hint: string): void {
  context.issues.push(makeIssue('error', 'invalid-value', `${message}.`, { ...pos, hint }));
}

/** Keeps the last entry for each key, at the place of the first (compose-go's unicity rule). */
function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const result: T[] = [];
  const index = new Map<string, number>();
  for (const item of items) {
    const id = key(item);
    const existing = index.get(id);
    if (existing === undefined) {
      index.set(id, result.length);
      result.push(item);
    } else result[existing] = item;
  }
  return result;
}

class FieldReader {
  constructor(private readonly context: NormalizeContext) {}

  private problem(node: YNode, message: string, hint: string): void {
    invalid(this.context, node.pos, message, hint);
  }

  string(node: YNode, field: string): string | undefined {
    if (node.kind !== 'scalar') {
      this.problem(node, `${field} must be a single value`, `Write ${field} as a string.`);
      return undefined;
    }
    return scalarText(node);
  }

  strings(node: YNode, field: string): string[] {
    if (node.kind === 'scalar') return node.value === null ? [] : [scalarText(node)];
    if (node.kind !== 'seq') {
      this.problem(node, `${field} must be a list`, `Write ${field} as a list of strings.`);
      return [];
    }
    const values: string[] = [];
    for (const item of node.items) {
      if (item.kind === 'scalar' && item.value !== null) values.push(scalarText(item));
      else this.problem(item, `each entry of ${field} must be a string`, `Write the entry as a string.`);
    }
    return values;
  }

  boolean(node: YNode, field: string): boolean | undefined {
    if (node.kind === 'scalar') {
      if (typeof node.value === 'boolean') return node.value;
      if (typeof node.value === 'string' && /^(true|false)$/i.test(node.value))
        return node.value.toLowerCase() === 'true';
    }
    this.problem(node, `${field} must be true or false`, `Write ${field}: true or ${field}: false.`);
    return undefined;
  }

  integer(node: YNode, field: string): number | undefined {
    const value = node.kind === 'scalar' ? (typeof node.value === 'number' ? node.value : Number(node.value)) : NaN;
    if (Number.isInteger(value) && value >= 0) return value;
    this.problem(node, `${field} must be a whole number`, `Write ${field} as a number, e.g. ${field}: 1.`);
    return undefined;
  }

  stringMap(node: YNode, field: string): Record<string, string> {
    const map = keyedAsMap(node, '=');
    if (!map) {
      this.problem(node, `${field} must be a mapping or a list of KEY=VALUE`, `Write ${field} as KEY: value lines.`);
      return {};
    }
    const result = emptyRecord<string>();
    for (const [key, entry] of map.entries) {
      const value = entry.value;
      if (value.kind !== 'scalar') {
        this.problem(value, `${field}.${key} must be a single value`, 'Write the value as a string.');
        continue;
      }
      result[key] = scalarText(value);
    }
    return result;
  }

  command(node: YNode, field: string): string[] | undefined {
    if (node.kind === 'scalar') {
      if (node.value === null) return undefined;
      const split = shellSplit(scalarText(node));
      if (!split.ok) {
        this.problem(
          node,
          `${field} cannot be split into words: ${split.reason}`,
          `Write ${field} as a list of strings.`,
        );
        return undefined;
      }
      return split.value;
    }
    if (node.kind === 'seq') {
      const words: string[] = [];
      for (const item of node.items) {
        if (item.kind === 'scalar') words.push(scalarText(item));
        else this.problem(item, `each word of ${field} must be a string`, 'Write the word as a string.');
      }
      return words;
    }
    this.problem(
      node,
      `${field} must be a string or a list of strings`,
      `Write ${field} as a list, e.g. ["npm", "start"].`,
    );
    return undefined;
  }

  build(node: YNode): ComposeBuild | undefined {
    if (node.kind === 'scalar') {
      return { context: this.hostPath(scalarText(node), node.pos, true), args: emptyRecord(), extra: [], at: node.pos };
    }
    if (node.kind !== 'map') {
      this.problem(node, 'build must be a path or a mapping', 'Write build: ./dir or build: {context: ./dir}.');
      return undefined;
    }
    const build: ComposeBuild = { context: '.', args: emptyRecord(), extra: [], at: node.pos };
    const contextNode = node.entries.get('context')?.value;
    build.context =
      contextNode && contextNode.kind === 'scalar' && contextNode.value !== null
        ? this.hostPath(scalarText(contextNode), contextNode.pos, true)
        : this.hostPath('.', node.pos, true);
    for (const [key, entry] of node.entries) {
      const value = entry.value;
      if (key === 'context' || key.startsWith('x-')) continue;
      if (key === 'dockerfile' || key === 'target') {
        const text = this.string(value, `build.${key}`);
        if (text !== undefined) build[key] = text;
      } else if (key === 'args') {
        const map = keyedAsMap(value, '=');
        if (!map) {
          this.problem(value, 'build.args must be a mapping or a list of KEY=VALUE', 'Write args as KEY: value lines.');
          continue;
        }
        for (const [name, arg] of map.entries) {
          build.args[name] =
            arg.value.kind === 'scalar' && arg.value.value !== null ? scalarText(arg.value) : this.context.lookup(name);
        }
      } else build.extra.push({ key, value: toPlain(value), at: entry.keyPos });
    }
    return build;
  }

  private hostPath(path: string, at: SourcePosition, allowRemote = false): string {
    if (allowRemote && /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i.test(path)) return path;
    return this.context.resolvePath(path, at);
  }

  environment(node: YNode): ComposeEnvironmentEntry[] {
    const map = keyedAsMap(node, '=');
    if (!map) {
      this.problem(
        node,
        'environment must be a mapping or a list of KEY=VALUE',
        'Write environment as KEY: value lines.',
      );
      return [];
    }
    const entries: ComposeEnvironmentEntry[] = [];
    for (const [name, entry] of map.entries) {
      if (
        name === '' ||
        [...name].some((character) => character === '=' || character.trim() === '' || character < ' ')
      ) {
        this.problem(
          { ...entry.value, pos: entry.keyPos },
          `environment variable name ${JSON.stringify(name)} is not valid`,
          "Use letters, digits and '_'; a name cannot be empty or contain '=', spaces or control characters.",
        );
        continue;
      }
      const value = entry.value;
      if (value.kind !== 'scalar') {
        this.problem(value, `environment ${name} must be a single value`, 'Write the value as a string.');
        continue;
      }
      const item: ComposeEnvironmentEntry = { name, at: entry.keyPos };
      const text = value.value === null ? this.context.lookup(name) : scalarText(value);
      if (text !== undefined) item.value = text;
      if (value.value === null) item.passthrough = true;
      else if (value.template !== undefined && /\$(?!\$)/.test(value.template.replace(/\$\$/g, '')))
        item.template = value.template;
      entries.push(item);
    }
    return entries;
  }

  envFiles(node: YNode): ComposeEnvFile[] {
    const items = node.kind === 'seq' ? node.items : [node];
    const files: ComposeEnvFile[] = [];
    for (const item of items) {
      if (item.kind === 'scalar' && item.value !== null) {
        files.push({ path: this.hostPath(scalarText(item), item.pos), required: true, at: item.pos });
      } else if (item.kind === 'map') {
        const pathNode = item.entries.get('path')?.value;
        if (!pathNode || pathNode.kind !== 'scalar' || pathNode.value === null) {
          this.problem(item, 'an env_file entry needs a path', 'Write `- path: ./app.env`.');
          continue;
        }
        const file: ComposeEnvFile = {
          path: this.hostPath(scalarText(pathNode), pathNode.pos),
          required: true,
          at: item.pos,
        };
        const required = item.entries.get('required')?.value;
        if (required) file.required = this.boolean(required, 'env_file.required') ?? true;
        const format = item.entries.get('format')?.value;
        if (format && format.kind === 'scalar' && format.value !== null) file.format = scalarText(format);
        files.push(file);
      } else this.problem(item, 'env_file must be a path or a list of paths', 'Write env_file: ./app.env.');
    }
    return dedupe(files, (file) => file.path);
  }

  ports(node: YNode): ComposePort[] {
    if (node.kind !== 'seq') {
      this.problem(node, 'ports must be a list', 'Write ports as a list, e.g. ["8080:80"].');
      return [];
    }
    const ports: ComposePort[] = [];
    for (const item of node.items) {
      if (item.kind === 'scalar' && item.value !== null) {
        const parsed = parsePortShort(scalarText(item));
        if (!parsed.ok) {
          this.problem(
            item,
            `port ${written(item)} is not valid: ${parsed.reason}`,
            'Write [HOST_IP:][HOST:]CONTAINER[/udp].',
          );
          continue;
        }
        for (const port of parsed.value) {
          const entry: ComposePort = {
            target: port.target,
            protocol: port.protocol,
            extra: emptyRecord(),
            at: item.pos,
          };
          if (port.published !== undefined) entry.published = port.published;
          if (port.hostIp !== undefined) entry.hostIp = port.hostIp;
          if (port.publishedRange !== undefined) entry.extra.published = port.publishedRange;
          ports.push(entry);
        }
      } else if (item.kind === 'map') {
        ports.push(...this.longPort(item));
      } else
        this.problem(
          item,
          'a port must be a string, a number or a mapping',
          'Write "8080:80" or {target: 80, published: 8080}.',
        );
    }
    return dedupe(
      ports,
      (port) => `${port.hostIp ?? ''}:${port.published ?? port.extra.published ?? ''}:${port.target}/${port.protocol}`,
    );
  }

  private longPort(item: YMap): ComposePort[] {
    const extra = emptyRecord<unknown>();
    let target: number | undefined;
    let published: string | undefined;
    let protocol: 'tcp' | 'udp' = 'tcp';
    let hostIp: string | undefined;
    let name: string | undefined;
    for (const [key, entry] of item.entries) {
      const value = entry.value;
      if (value.kind !== 'scalar' && SCALAR_PORT_FIELDS.has(key)) {
        this.problem(
          value,
          `ports.${key} must be a single value, not ${value.kind === 'map' ? 'a mapping' : 'a list'} (${describeValue(toPlain(value))})`,
          key === 'published' ? 'Write published: 8080 or published: "8000-8010".' : `Write ${key} as a single value.`,
        );
        return [];
      }
      if (value.kind !== 'scalar' || value.value === null) {
        if (value.kind !== 'scalar') extra[key] = toPlain(value);
        continue;
      }
      const text = scalarText(value);
      if (key === 'target') target = this.integer(value, 'ports.target');
      else if (key === 'published') published = text;
      else if (key === 'host_ip') hostIp = text;
      else if (key === 'name') name = text;
      else if (key === 'protocol') {
        const lower = text.toLowerCase();
        if (lower === 'tcp' || lower === 'udp') protocol = lower;
        else this.problem(value, `protocol ${text} is not supported`, 'Use tcp or udp.');
      } else extra[key] = toPlain(value);
    }
    if (target === undefined) {
      this.problem(item, 'a long-syntax port needs target', 'Add target: <container port>.');
      return [];
    }
    const spec = published === undefined ? `${target}` : `${published}:${target}`;
    const parsed = parsePortShort(
      `${hostIp && hostIp.includes(':') ? `[${hostIp}]:` : hostIp ? `${hostIp}:` : ''}${spec}/${protocol}`,
    );
    if (!parsed.ok) {
      this.problem(item, `port is not valid: ${parsed.reason}`, 'published must be a port number or range.');
      return [];
    }
    return parsed.value.map((port) => {
      const entry: ComposePort = {
        target: port.target,
        protocol,
        extra: Object.assign(emptyRecord<unknown>(), extra),
        at: item.pos,
      };
      if (port.published !== undefined) entry.published = port.published;
      if (port.publishedRange !== undefined) entry.extra.published = port.publishedRange;
      if (hostIp !== undefined && hostIp !== '') entry.hostIp = hostIp;
      if (name !== undefined) entry.name = name;
      return entry;
    });
  }

  expose(node: YNode): ComposeExpose[] {
    const items = node.kind === 'seq' ? node.items : [node];
    const result: ComposeExpose[] = [];
    for (const item of items) {
      if (item.kind !== 'scalar' || item.value === null) {
        this.problem(item, 'an expose entry must be a port number', 'Write expose: ["3000"].');
        continue;
      }
      const parsed = parseExpose(scalarText(item));
      if (!parsed.ok) {
        this.problem(item, `expose ${written(item)} is not valid: ${parsed.reason}`, 'Write PORT[-END][/udp].');
        continue;
      }
      for (const port of parsed.value) result.push({ ...port, at: item.pos });
    }
    return dedupe(result, (port) => `${port.port}/${port.protocol}`);
  }

  dependsOn(node: YNode): ComposeDependency[] {
    const result: ComposeDependency[] = [];
    if (node.kind === 'seq') {
      for (const item of node.items) {
        if (item.kind === 'scalar' && item.value !== null) {
          result.push({ service: scalarText(item), condition: 'service_started', at: item.pos });
        } else this.problem(item, 'a depends_on entry must be a service name', 'Write depends_on: [db].');
      }
      return dedupe(result, (dependency) => dependency.service);
    }
    if (node.kind !== 'map') {
      this.problem(
        node,
        'depends_on must be a list or a mapping',
        'Write depends_on: {db: {condition: service_healthy}}.',
      );
      return [];
    }
    for (const [service, entry] of node.entries) {
      const dependency: ComposeDependency = { service, condition: 'service_started', at: entry.keyPos };
      const value = entry.value;
      if (value.kind === 'map') {
        for (const [key, setting] of value.entries) {
          const option = setting.value;
          if (key === 'condition') {
            const condition = option.kind === 'scalar' ? scalarText(option) : '';
            if (
              condition === 'service_started' ||
              condition === 'service_healthy' ||
              condition === 'service_completed_successfully'
            ) {
              dependency.condition = condition;
            } else {
              this.problem(
                option,
                `depends_on condition "${condition}" is unknown`,
                'Use service_started, service_healthy or service_completed_successfully.',
              );
            }
          } else if (key === 'restart' || key === 'required') {
            const flag = this.boolean(option, `depends_on.${key}`);
            if (flag !== undefined) dependency[key] = flag;
          }
        }
      } else if (!(value.kind === 'scalar' && value.value === null)) {
        this.problem(
          value,
          `depends_on ${service} must be a mapping`,
          'Write `condition: service_started` under the service name.',
        );
      }
      result.push(dependency);
    }
    return result;
  }

  healthcheck(node: YNode): ComposeHealthcheck | undefined {
    if (node.kind !== 'map') {
      this.problem(node, 'healthcheck must be a mapping', 'Write healthcheck: {test: [...], interval: 10s}.');
      return undefined;
    }
    const health: ComposeHealthcheck = { disable: false, at: node.pos };
    for (const [key, entry] of node.entries) {
      const value = entry.value;
      if (value.kind === 'scalar' && value.value === null) continue;
      switch (key) {
        case 'test':
          if (value.kind === 'scalar') {
            const text = scalarText(value);
            health.test = text === 'NONE' ? ['NONE'] : ['CMD-SHELL', text];
          } else if (value.kind === 'seq') {
            const words = this.command(value, 'healthcheck.test') ?? [];
            if (!['CMD', 'CMD-SHELL', 'NONE'].includes(words[0] ?? '')) {
              this.problem(
                value,
                'healthcheck.test must start with CMD, CMD-SHELL or NONE',
                'Write ["CMD", "curl", "-f", "http://localhost/"] or ["CMD-SHELL", "..."].',
              );
            } else health.test = words;
          } else this.problem(value, 'healthcheck.test must be a string or a list', 'Write test: ["CMD", ...].');
          break;
        case 'interval':
        case 'timeout':
        case 'start_period':
        case 'start_interval': {
          const text = this.string(value, `healthcheck.${key}`);
          if (text === undefined) break;
          if (key === 'start_period') health.startPeriod = text;
          else if (key === 'start_interval') health.startInterval = text;
          else health[key] = text;
          break;
        }
        case 'retries': {
          const retries = this.integer(value, 'healthcheck.retries');
          if (retries !== undefined) health.retries = retries;
          break;
        }
        case 'disable':
          health.disable = this.boolean(value, 'healthcheck.disable') ?? false;
          break;
        default:
          if (!key.startsWith('x-'))
            this.problem(
              entry.value,
              `healthcheck.${key} is not a compose healthcheck field`,
              'Use test, interval, timeout, retries, start_period, start_interval or disable.',
            );
      }
    }
    if (health.test?.[0] === 'NONE') health.disable = true;
    return health;
  }

  deploy(node: YNode): ComposeDeploy | undefined {
    if (node.kind !== 'map') {
      this.problem(node, 'deploy must be a mapping', 'Write deploy: {replicas: 2}.');
      return undefined;
    }
    const deploy: ComposeDeploy = { extra: [], at: node.pos };
    for (const [key, entry] of node.entries) {
      const value = entry.value;
      if (value.kind === 'scalar' && value.value === null) continue;
      if (key === 'replicas') {
        const replicas = this.integer(value, 'deploy.replicas');
        if (replicas !== undefined) deploy.replicas = replicas;
      } else if (key === 'mode') {
        const mode = this.string(value, 'deploy.mode');
        if (mode !== undefined) deploy.mode = mode;
      } else if (key === 'resources' && value.kind === 'map') {
        for (const [section, sectionEntry] of value.entries) {
          if ((section === 'limits' || section === 'reservations') && sectionEntry.value.kind === 'map') {
            deploy[section] = this.resources(sectionEntry.value, section);
          } else if (!(sectionEntry.value.kind === 'scalar' && sectionEntry.value.value === null)) {
            deploy.extra.push({
              key: `resources.${section}`,
              value: toPlain(sectionEntry.value),
              at: sectionEntry.keyPos,
            });
          }
        }
      } else if (key === 'restart_policy' && value.kind === 'map') {
        const policy: NonNullable<ComposeDeploy['restartPolicy']> = { extra: [], at: entry.keyPos };
        for (const [option, optionEntry] of value.entries) {
          if (option === 'condition' && optionEntry.value.kind === 'scalar')
            policy.condition = scalarText(optionEntry.value);
          else policy.extra.push({ key: option, value: toPlain(optionEntry.value), at: optionEntry.keyPos });
        }
        deploy.restartPolicy = policy;
      } else if (!key.startsWith('x-')) {
        deploy.extra.push({ key, value: toPlain(value), at: entry.keyPos });
      }
    }
    return deploy;
  }

  private resources(node: YMap, section: string): ComposeResources {
    const resources: ComposeResources = { extra: [] };
    for (const [key, entry] of node.entries) {
      const value = entry.value;
      if (value.kind === 'scalar' && value.value === null) continue;
      if ((key === 'cpus' || key === 'memory') && value.kind === 'scalar') resources[key] = scalarText(value);
      else resources.extra.push({ key: `${section}.${key}`, value: toPlain(value), at: entry.keyPos });
    }
    return resources;
  }

  volumes(node: YNode): ComposeVolumeMount[] {
    if (node.kind !== 'seq') {
      this.problem(node, 'volumes must be a list', 'Write volumes: ["data:/var/lib/data"].');
      return [];
    }
    const mounts: ComposeVolumeMount[] = [];
    for (const item of node.items) {
      if (item.kind === 'scalar' && item.value !== null) {
        const parsed = parseVolumeShort(scalarText(item));
        if (!parsed.ok) {
          this.problem(item, `volume ${written(item)} is not valid: ${parsed.reason}`, 'Write SOURCE:TARGET[:ro].');
          continue;
        }
        const mount: ComposeVolumeMount = {
          type: parsed.value.type,
          target: parsed.value.target,
          readOnly: parsed.value.readOnly,
          options: parsed.value.options,
          extra: emptyRecord(),
          at: item.pos,
        };
        if (parsed.value.source !== undefined) {
          mount.source =
            parsed.value.type === 'bind' ? this.hostPath(parsed.value.source, item.pos) : parsed.value.source;
        }
        mounts.push(mount);
      } else if (item.kind === 'map') {
        const mount = this.longVolume(item);
        if (mount) mounts.push(mount);
      } else
        this.problem(
          item,
          'a volume must be a string or a mapping',
          'Write "data:/data" or {type: volume, source: data, target: /data}.',
        );
    }
    return dedupe(mounts, (mount) => mount.target);
  }

  private longVolume(item: YMap): ComposeVolumeMount | undefined {
    const text = (key: string): string | undefined => {
      const value = item.entries.get(key)?.value;
      return value && value.kind === 'scalar' && value.value !== null ? scalarText(value) : undefined;
    };
    const type = text('type') ?? 'volume';
    const target = text('target');
    if (!target) {
      this.problem(item, 'a long-syntax volume needs target', 'Add target: /path/in/container.');
      return undefined;
    }
    if (!['volume', 'bind', 'tmpfs', 'npipe', 'cluster', 'image'].includes(type)) {
      this.problem(item, `volume type ${type} is unknown`, 'Use volume, bind or tmpfs.');
      return undefined;
    }
    const mount: ComposeVolumeMount = {
      type: type as ComposeVolumeMount['type'],
      target,
      readOnly: false,
      options: [],
      extra: emptyRecord(),
      at: item.pos,
    };
    for (const [key, entry] of item.entries) {
      const value = entry.value;
      if (key === 'type' || key === 'target') continue;
      if (key === 'source') {
        const source = text('source');
        if (source !== undefined) mount.source = type === 'bind' ? this.hostPath(source, value.pos) : source;
      } else if (key === 'read_only') mount.readOnly = this.boolean(value, 'volumes.read_only') ?? false;
      else if (key === 'volume' && value.kind === 'map') {
        for (const [option, optionEntry] of value.entries) {
          if (option === 'subpath' && optionEntry.value.kind === 'scalar')
            mount.subpath = scalarText(optionEntry.value);
          else if (option === 'nocopy' && optionEntry.value.kind === 'scalar' && optionEntry.value.value === true)
            mount.options.push('nocopy');
          else if (!(option === 'nocopy' && optionEntry.value.kind === 'scalar' && optionEntry.value.value === false)) {
            mount.extra[`volume.${option}`] = toPlain(optionEntry.value);
          }
        }
      } else if (key === 'tmpfs' && value.kind === 'map') {
        for (const [option, optionEntry] of value.entries) {
          const optionValue = optionEntry.value;
          if (option === 'size' && optionValue.kind === 'scalar') mount.tmpfsSize = scalarText(optionValue);
          else if (option === 'mode' && optionValue.kind === 'scalar') {
            const mode = octal(optionValue);
            if (mode !== undefined) mount.tmpfsMode = mode;
          } else mount.extra[`tmpfs.${option}`] = toPlain(optionValue);
        }
      } else if (key === 'bind' && value.kind === 'map') {
        for (const [option, optionEntry] of value.entries) {
          // create_host_path: true is compose's default behaviour for short-syntax binds.
          if (option === 'create_host_path' && optionEntry.value.kind === 'scalar' && optionEntry.value.value === true)
            continue;
          mount.extra[`bind.${option}`] = toPlain(optionEntry.value);
        }
      } else if (!key.startsWith('x-')) mount.extra[key] = toPlain(value);
    }
    return mount;
  }

  tmpfs(node: YNode): ComposeService['tmpfs'] {
    const items = node.kind === 'seq' ? node.items : [node];
    const result: ComposeService['tmpfs'] = [];
    for (const item of items) {
      if (item.kind !== 'scalar' || item.value === null) {
        this.problem(item, 'a tmpfs entry must be a path', 'Write tmpfs: ["/run"].');
        continue;
      }
      const [target = '', optionText] = splitOnce(scalarText(item), ':');
      const entry: ComposeService['tmpfs'][number] = { target, options: [], at: item.pos };
      for (const option of optionText ? optionText.split(',') : []) {
        const [name, value] = splitOnce(option, '=');
        if (name === 'size' && value !== undefined) entry.size = value;
        else entry.options.push(option);
      }
      result.push(entry);
    }
    return dedupe(result, (entry) => entry.target);
  }

  fileMounts(node: YNode, field: string, defaultDir: string): ComposeFileMount[] {
    if (node.kind !== 'seq') {
      this.problem(node, `${field} must be a list`, `Write ${field}: [name].`);
      return [];
    }
    const mounts: ComposeFileMount[] = [];
    for (const item of node.items) {
      if (item.kind === 'scalar' && item.value !== null) {
        mounts.push({ source: scalarText(item), at: item.pos });
      } else if (item.kind === 'map') {
        const source = item.entries.get('source')?.value;
        if (!source || source.kind !== 'scalar' || source.value === null) {
          this.problem(item, `a ${field} entry needs source`, `Add source: <name of a top-level ${field} entry>.`);
          continue;
        }
        const mount: ComposeFileMount = { source: scalarText(source), at: item.pos };
        for (const [key, entry] of item.entries) {
          const value = entry.value;
          if (key === 'source' || value.kind !== 'scalar' || value.value === null) continue;
          if (key === 'target' || key === 'uid' || key === 'gid') mount[key] = scalarText(value);
          else if (key === 'mode') {
            const mode = octal(value);
            if (mode !== undefined) mount.mode = mode;
            else this.problem(value, `${field}.mode must be a number`, 'Write mode: 0440.');
          }
        }
        mounts.push(mount);
      } else this.problem(item, `a ${field} entry must be a name or a mapping`, `Write ${field}: [name].`);
    }
    return dedupe(mounts, (mount) => targetOf(mount, defaultDir));
  }

  networks(node: YNode): ComposeNetworkAttachment[] {
    if (node.kind === 'seq') {
      return this.strings(node, 'networks').map((name) => ({ name, settings: {}, at: node.pos }));
    }
    if (node.kind !== 'map') {
      this.problem(node, 'networks must be a list or a mapping', 'Write networks: [backend].');
      return [];
    }
    return [...node.entries].map(([name, entry]) => ({
      name,
      settings: entry.value.kind === 'map' ? (toPlain(entry.value) as Record<string, unknown>) : emptyRecord(),
      at: entry.keyPos,
    }));
  }
}

/** A value as the message shows it: quoted, and with what was written when variables made it. */
function written(node: YScalar): string {
  const text = JSON.stringify(scalarText(node));
  return node.template === undefined ? text : `${text} (written ${JSON.stringify(node.template)})`;
}

/** Mount target of a secret or config entry (relative targets resolve under the default folder). */
export function targetOf(mount: ComposeFileMount, defaultDir: string): string {
  if (mount.target === undefined) return `${defaultDir}${mount.source}`;
  return mount.target.startsWith('/') ? mount.target : `${defaultDir}${mount.target}`;
}

/** compose reads 0440 as octal (Go's strconv base 0); YAML 1.2 would read 440. */
function octal(node: YScalar): number | undefined {
  const text = node.raw ?? (typeof node.value === 'string' ? node.value : String(node.value));
  if (/^0o?[0-7]+$/i.test(text)) return parseInt(text.replace(/^0o?/i, '') || '0', 8);
  if (/^\d+$/.test(text)) return Number(text);
  return undefined;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}
