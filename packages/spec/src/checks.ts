import { posix } from 'node:path';
import type { PatchOperation, Port, ProjectSpec, Probe, ResourceAmounts, ServiceSpec } from './generated/types';
import {
  MAX_SERVICE_NAME_LENGTH,
  envFileConfigName,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isIanaServiceName,
  isIngressHost,
  isLabelValue,
  isQualifiedName,
  isSecretKey,
  toLabel,
} from './names';
import { parseBytes, parseCpu } from './quantity';
import { parseEnvTemplate, referencesIn } from './references';
import type { Finding } from './schema-findings';
import type { ReadFileResult } from './source';
import { didYouMeanHint, orList } from './suggest';
import { readablePath } from './yaml-document';
import type { PathSegment } from './yaml-document';

/** One service as the semantic checks see it: a schema-valid spec and a way to name places in it. */
export interface CheckedService {
  spec: ServiceSpec;
  file: string;
  /** Folder relative paths resolve against ('' = project root). */
  dir: string;
  origin: 'file' | 'inline';
  /** `file:line:col` of a path inside this spec, for messages that name a second place. */
  where(path: readonly PathSegment[]): string;
  report(finding: Finding): void;
}

export interface ServiceCheckInput {
  services: CheckedService[];
  /** Services whose specs are invalid and were not checked: references to them are not reported again. */
  uncheckedNames: ReadonlySet<string>;
  /** Declared environment names; undefined when the project file is invalid, so overrides cannot be checked against it. */
  environments: readonly string[] | undefined;
  /** undefined = the base spec; otherwise the environment applied to every spec. */
  environment?: string;
  /** Reads a referenced file once (cached); the loader keeps what it read as assets. */
  readAsset(path: string): ReadFileResult;
}

type Report = (finding: Omit<Finding, 'severity' | 'code'> & Partial<Pick<Finding, 'severity' | 'code'>>) => void;

function reporter(service: CheckedService): Report {
  return (finding) => service.report({ severity: 'error', code: 'invalid-value', ...finding });
}

export type ProjectPathResult = { ok: true; path: string } | { ok: false; problem: string; hint: string };

/** Resolves a spec's relative path against its folder; anything that leaves the project root is refused. */
export function resolveProjectPath(dir: string, relative: string): ProjectPathResult {
  if (relative.length === 0)
    return { ok: false, problem: 'the path is empty', hint: 'write a path relative to the spec file' };
  if (relative.includes('\0')) return { ok: false, problem: 'the path contains a NUL byte', hint: 'remove it' };
  if (relative.includes('\\')) {
    return {
      ok: false,
      problem: `'${relative}' uses '\\' as separator`,
      hint: `write '/' instead: '${relative.replace(/\\/g, '/')}'`,
    };
  }
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative)) {
    return {
      ok: false,
      problem: `'${relative}' is an absolute path`,
      hint: 'write it relative to the spec file, inside the project',
    };
  }
  const joined = posix.normalize(posix.join(dir || '.', relative));
  if (joined === '..' || joined.startsWith('../')) {
    return {
      ok: false,
      problem: `'${relative}' leaves the project root`,
      hint: 'keep referenced files inside the project (generated files must not depend on files outside it)',
    };
  }
  return { ok: true, path: joined === '.' ? '' : joined.replace(/\/$/, '') };
}

const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CLIENT_?SECRET|CREDENTIALS?|(ENCRYPTION|SIGNING|MASTER|SESSION|LICENSE)_?KEY|DSN)$/i;

/** Env names that usually hold a credential; a literal there ends up committed in both outputs. */
export const looksLikeSecretName = (name: string): boolean => SECRET_NAME.test(name);

/** Kubernetes and compose accept any printable name without '='; whitespace would break env files and shells. */
function isEnvName(name: string): boolean {
  if (name.length === 0 || /\s/.test(name)) return false;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    if (code === 0x3d || code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

function parseEnvFileKeys(content: string): Set<string> {
  const keys = new Set<string>();
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals > 0) keys.add(line.slice(0, equals).trim());
  }
  return keys;
}

/** Kubernetes stores a ConfigMap in etcd, which limits it to 1 MiB. */
const MAX_CONFIG_FILE_CHARS = 1024 * 1024;

const PROBE_HANDLERS = ['http', 'tcp', 'exec', 'grpc'] as const;
const PROBE_KINDS = ['liveness', 'readiness', 'startup'] as const;

function findPort(ports: readonly Port[], reference: string | number): Port | undefined {
  return typeof reference === 'number'
    ? ports.find((port) => port.port === reference)
    : ports.find((port) => port.name === reference);
}

function portReferenceHint(ports: readonly Port[], reference: string | number): string {
  if (ports.length === 0) return 'declare the port under ports first';
  if (typeof reference === 'string' && /^\d+$/.test(reference)) {
    const byNumber = ports.find((port) => port.port === Number(reference));
    if (byNumber) return `use the port's name: ${byNumber.name}`;
  }
  if (typeof reference === 'string') {
    const guess = didYouMeanHint(
      reference,
      ports.map((port) => port.name),
    );
    if (guess) return guess;
  }
  return `ports of this service: ${ports.map((port) => `${port.name} (${port.port})`).join(', ')}`;
}

function hasHealthCheck(spec: ServiceSpec): boolean {
  const health = spec.health;
  if (!health) return false;
  if (health.compose) return health.compose[0] !== 'NONE';
  return Boolean(health.readiness ?? health.liveness ?? health.startup);
}

interface Dependency {
  service: string;
  condition: 'started' | 'healthy' | 'completed';
  port?: string;
  path: PathSegment[];
}

function dependenciesOf(spec: ServiceSpec): Dependency[] {
  return (spec.dependsOn ?? []).map((entry, index) => {
    if (typeof entry === 'string') return { service: entry, condition: 'started', path: ['dependsOn', index] };
    const dependency: Dependency = {
      service: entry.service,
      condition: entry.condition ?? 'started',
      path: ['dependsOn', index],
    };
    if (entry.port !== undefined) dependency.port = entry.port;
    return dependency;
  });
}

function serviceNameHint(name: string, known: Iterable<string>): string {
  const names = [...known];
  return (
    didYouMeanHint(name, names) ??
    (names.length === 0
      ? 'no services are defined'
      : `services in this project: ${names.sort().slice(0, 12).join(', ')}${names.length > 12 ? `, … (${names.length} in all)` : ''}`)
  );
}

/** Semantic checks that need the whole project: names, references, uniqueness, consistency. */
export function checkServices(input: ServiceCheckInput): void {
  const byName = new Map<string, CheckedService>();
  for (const service of input.services) if (!byName.has(service.spec.name)) byName.set(service.spec.name, service);
  const knownNames = new Set([...byName.keys(), ...input.uncheckedNames]);
  const base = input.environment === undefined;

  if (base) checkNames(input.services, byName, input.environments);
  for (const service of input.services) {
    const report = reporter(service);
    checkWorkload(service.spec, report);
    checkPorts(service.spec, report);
    checkEnv(service, report, byName, input);
    checkFiles(service, report, input);
    checkHealth(service.spec, report);
    checkResources(service.spec, report);
    checkDependencies(service, report, byName, knownNames, input.uncheckedNames);
    checkMetadata(service.spec, report);
    checkPatches(service.spec, report);
  }
  checkIngressRoutes(input.services);
  checkPublishedPorts(input.services);
  checkConfigMapNames(input.services);
  checkCycles(byName);
}

function checkNames(
  services: CheckedService[],
  byName: Map<string, CheckedService>,
  environments: readonly string[] | undefined,
): void {
  for (const service of services) {
    const { spec } = service;
    const report = reporter(service);
    if (spec.name.length > MAX_SERVICE_NAME_LENGTH) {
      report({
        path: ['name'],
        message: `service name '${spec.name}' is ${spec.name.length} characters long; the limit is ${MAX_SERVICE_NAME_LENGTH}`,
        hint: "shorten it: a CronJob names its Jobs '<name>-<11 digits>' within Kubernetes' 63-character limit, so twinform keeps every service name at 52 or fewer",
      });
    } else if (!isDns1035Label(spec.name)) {
      const suggestion = toLabel(spec.name, MAX_SERVICE_NAME_LENGTH, true);
      report({
        path: ['name'],
        message: `service name '${spec.name}' is not a DNS-1035 label`,
        hint: `use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (it names a Kubernetes Service and the host other services call)${suggestion ? `, e.g. '${suggestion}'` : ''}`,
      });
    }
    const first = byName.get(spec.name);
    if (first && first !== service) {
      report({
        code: 'duplicate',
        path: ['name'],
        message: `service name '${spec.name}' is already used at ${first.where(['name'])}`,
        hint: 'service names must be unique across all service files and twinform.yaml: rename one of them',
      });
    }
    if (service.origin === 'file' && /(^|\/)service\.ya?ml$/.test(service.file) && service.dir !== '') {
      const folder = posix.basename(service.dir);
      if (folder !== spec.name) {
        report({
          severity: 'warning',
          code: 'advice',
          path: ['name'],
          message: `service '${spec.name}' is defined in the folder '${service.dir}'`,
          hint: `rename the folder to '${posix.join(posix.dirname(service.dir), spec.name)}' or the service to '${folder}', so each spec sits in the folder named after it`,
        });
      }
    }
    for (const environment of Object.keys(spec.environments ?? {})) {
      if (!environments || environments.includes(environment)) continue;
      report({
        code: 'unresolved-reference',
        path: ['environments', environment],
        target: 'key',
        message: `environment '${environment}' is not declared in twinform.yaml`,
        hint: `${didYouMeanHint(environment, environments) ?? `declared environments: ${environments.join(', ') || 'none'}`}; declare new environments under environments: in twinform.yaml`,
      });
    }
  }
}

function checkWorkload(spec: ServiceSpec, report: Report): void {
  const workload = spec.workload ?? 'service';
  if (spec.image === undefined && spec.build === undefined) {
    report({
      code: 'missing-field',
      path: [],
      message: `service '${spec.name}' has neither image nor build`,
      hint: 'add image: <registry>/<name>:<tag> to run an image, or build: { context: . } to build one locally',
    });
  }
  if (workload === 'cronjob' && spec.schedule === undefined) {
    report({
      code: 'missing-field',
      path: ['workload'],
      message: 'a cronjob needs a schedule',
      hint: "add schedule: { cron: '0 3 * * *' }",
    });
  }
  if (spec.schedule !== undefined && workload !== 'cronjob') {
    report({
      path: ['schedule'],
      message: `schedule is only used by workload cronjob, and this service is a ${workload}`,
      hint: 'set workload: cronjob, or remove schedule',
    });
  }
  if (spec.schedule !== undefined) {
    const fields = spec.schedule.cron.trim().split(/\s+/);
    if (!(
      fields.length === 5 ||
      (fields.length === 1 && /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/.test(fields[0] as string))
    )) {
      report({
        path: ['schedule', 'cron'],
        message: `'${spec.schedule.cron}' is not a cron expression with five fields`,
        hint: "write minute hour day-of-month month day-of-week, e.g. '0 3 * * *' (daily at 03:00), or @hourly/@daily/@weekly",
      });
    }
  }
  if (spec.job !== undefined && workload !== 'job' && workload !== 'cronjob') {
    report({
      path: ['job'],
      message: `job settings are only used by workloads job and cronjob, and this service is a ${workload}`,
      hint: 'set workload: job or cronjob, or remove job',
    });
  }
  if (spec.replicas !== undefined && spec.autoscaling !== undefined) {
    report({
      path: ['autoscaling'],
      message: 'replicas and autoscaling are both set',
      hint: 'remove replicas: the HorizontalPodAutoscaler sets the count (compose runs minReplicas)',
    });
  }
  if (spec.autoscaling !== undefined && (spec.autoscaling.minReplicas ?? 1) > spec.autoscaling.maxReplicas) {
    report({
      path: ['autoscaling', 'minReplicas'],
      message: `minReplicas ${spec.autoscaling.minReplicas ?? 1} is more than maxReplicas ${spec.autoscaling.maxReplicas}`,
      hint: 'make minReplicas at most maxReplicas',
    });
  }
  checkDisruption(spec, report);
  if (workload === 'daemon' || workload === 'job' || workload === 'cronjob') {
    const fix =
      workload === 'daemon' ? 'a daemon runs one pod per node: remove it' : 'use job.parallelism and job.completions';
    for (const field of ['replicas', 'autoscaling'] as const) {
      if (spec[field] !== undefined)
        report({ path: [field], message: `${field} does not apply to workload ${workload}`, hint: fix });
    }
  }
}

/** A PodDisruptionBudget takes one of minAvailable and maxUnavailable: a pod count or a percentage. */
function checkDisruption(spec: ServiceSpec, report: Report): void {
  const disruption = spec.disruption;
  if (disruption === undefined) return;
  if (disruption.minAvailable !== undefined && disruption.maxUnavailable !== undefined) {
    report({
      path: ['disruption', 'maxUnavailable'],
      target: 'key',
      message: 'disruption sets both minAvailable and maxUnavailable',
      hint: 'a PodDisruptionBudget takes one of them: keep minAvailable (pods that must stay up) or maxUnavailable (pods that may be down)',
    });
  }
  for (const field of ['minAvailable', 'maxUnavailable'] as const) {
    const value = disruption[field];
    if (value === undefined) continue;
    const valid = typeof value === 'number' ? value >= 0 : /^(100|[1-9]?[0-9])%$/.test(value);
    if (!valid) {
      report({
        path: ['disruption', field],
        message: `disruption.${field} ${JSON.stringify(value)} is neither a pod count nor a percentage`,
        hint: `write a whole number of pods (e.g. 1) or a percentage from 0% to 100% (e.g. '50%')`,
      });
    }
  }
}

function checkPorts(spec: ServiceSpec, report: Report): void {
  const ports = spec.ports ?? [];
  const names = new Map<string, number>();
  const numbers = new Map<string, number>();
  ports.forEach((port, index) => {
    const path = ['ports', index];
    if (!isIanaServiceName(port.name)) {
      const suggestion = toLabel(port.name, 15);
      report({
        path: [...path, 'name'],
        message: `port name '${port.name}' is not a valid port name`,
        hint: `use at most 15 lowercase letters, digits and '-', with at least one letter and no '--' (Kubernetes IANA_SVC_NAME)${suggestion && isIanaServiceName(suggestion) ? `, e.g. '${suggestion}'` : ''}`,
      });
    }
    const sameName = names.get(port.name);
    if (sameName !== undefined) {
      report({
        code: 'duplicate',
        path: [...path, 'name'],
        message: `port name '${port.name}' is also used by ports[${sameName}]`,
        hint: 'give each port its own name: probes, ingress routes and references find ports by name',
      });
    } else {
      names.set(port.name, index);
    }
    const protocol = port.protocol ?? 'TCP';
    const numberKey = `${port.port}/${protocol}`;
    const sameNumber = numbers.get(numberKey);
    if (sameNumber !== undefined) {
      report({
        code: 'duplicate',
        path: [...path, 'port'],
        message: `port ${numberKey} is also declared by ports[${sameNumber}] ('${ports[sameNumber]?.name}')`,
        hint: 'a container port can be declared once per protocol: remove one entry or change its number',
      });
    } else {
      numbers.set(numberKey, index);
    }
    const expose = port.expose ?? 'internal';
    if (expose === 'ingress' && (port.ingress ?? []).length === 0) {
      report({
        code: 'missing-field',
        path: [...path, 'expose'],
        message: `port '${port.name}' is exposed by ingress but has no ingress routes`,
        hint: 'add ingress: [{ host: app.example.com, path: / }], or set expose: published or internal',
      });
    }
    if (expose !== 'ingress' && port.ingress !== undefined) {
      report({
        path: [...path, 'ingress'],
        message: `port '${port.name}' has ingress routes but expose is ${expose}`,
        hint: 'set expose: ingress to route them, or remove ingress',
      });
    }
    if (expose === 'ingress' && protocol === 'UDP') {
      report({
        path: [...path, 'protocol'],
        message: 'an ingress port must use TCP',
        hint: 'ingress routes HTTP: use protocol TCP, or expose: published',
      });
    }
    if (expose === 'internal' && port.hostPort !== undefined) {
      report({
        severity: 'warning',
        code: 'loss',
        path: [...path, 'hostPort'],
        message: `hostPort is ignored because port '${port.name}' is internal`,
        hint: 'set expose: published to reach it from the host, or remove hostPort',
      });
    }
    (port.ingress ?? []).forEach((route, routeIndex) => {
      const routePath = [...path, 'ingress', routeIndex];
      if (route.path !== undefined && !route.path.startsWith('/')) {
        report({
          path: [...routePath, 'path'],
          message: `ingress path '${route.path}' does not start with '/'`,
          hint: `write '/${route.path}'`,
        });
      }
      if (route.host !== undefined && !isIngressHost(route.host)) {
        const lower = route.host.toLowerCase();
        report({
          path: [...routePath, 'host'],
          message: `ingress host '${route.host}' is not a valid host name`,
          hint: `write a lowercase DNS name such as app.example.com (a leading *. is allowed)${lower !== route.host && isIngressHost(lower) ? `: '${lower}'` : ''}`,
        });
      }
      if (route.tlsSecret !== undefined) {
        if (route.host === undefined) {
          report({
            code: 'missing-field',
            path: [...routePath, 'tlsSecret'],
            message: 'tlsSecret needs a host',
            hint: 'add host: the certificate in the TLS Secret is issued for a host name',
          });
        }
        if (!isDns1123Subdomain(route.tlsSecret)) {
          report({
            path: [...routePath, 'tlsSecret'],
            message: `tlsSecret '${route.tlsSecret}' is not a valid Secret name`,
            hint: "use lowercase letters, digits, '-' and '.' (DNS-1123 subdomain)",
          });
        }
      }
    });
  });
}

function checkEnv(
  service: CheckedService,
  report: Report,
  byName: Map<string, CheckedService>,
  input: ServiceCheckInput,
): void {
  const { spec } = service;
  const envFileNames = new Map<string, string>();
  for (const file of spec.envFiles ?? []) envFileNames.set(envFileConfigName(file), file);
  for (const [name, value] of Object.entries(spec.env ?? {})) {
    const path = ['env', name];
    if (!isEnvName(name)) {
      report({
        path,
        target: 'key',
        message: `env variable name ${JSON.stringify(name)} is not valid`,
        hint: "a name must not be empty or contain '=', spaces or control characters; use letters, digits and '_'",
      });
    } else if (name === '__proto__') {
      report({
        path,
        target: 'key',
        message: "env variable name '__proto__' is reserved",
        hint: 'choose another name',
      });
    }
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') {
      if ('secret' in value) {
        if (!isDns1123Subdomain(value.secret)) {
          report({
            path: [...path, 'secret'],
            message: `secret name '${value.secret}' is not valid`,
            hint: `use lowercase letters, digits, '-' and '.' (a Kubernetes Secret name)${toLabel(value.secret) ? `, e.g. '${toLabel(value.secret)}'` : ''}`,
          });
        }
        if (value.key !== undefined && !isSecretKey(value.key)) {
          report({
            path: [...path, 'key'],
            message: `secret key '${value.key}' is not valid`,
            hint: "use letters, digits, '-', '_' and '.'",
          });
        }
      } else {
        checkConfigReference(service, report, path, value, envFileNames, input);
      }
      continue;
    }
    const text = String(value);
    if (typeof value === 'string') checkServiceReferences(report, path, name, value, byName, input.uncheckedNames);
    if (
      looksLikeSecretName(name) &&
      text.length > 0 &&
      !(typeof value === 'string' && /^(\$\{[^}]*\})+$/.test(value))
    ) {
      const secretName = toLabel(name) ?? 'my-secret';
      report({
        severity: 'warning',
        code: 'advice',
        path,
        message: `${name} looks like a secret but has a literal value, which would be committed in docker-compose.yml and the manifests`,
        hint: `read it from a secret: ${name}: { secret: ${secretName} }`,
      });
    }
  }
}

function checkConfigReference(
  service: CheckedService,
  report: Report,
  path: PathSegment[],
  value: { config: string; key: string },
  envFileNames: Map<string, string>,
  input: ServiceCheckInput,
): void {
  const file = envFileNames.get(value.config);
  if (file === undefined) {
    const known = [...envFileNames.keys()];
    report({
      code: 'unresolved-reference',
      path: [...path, 'config'],
      message: `config '${value.config}' is not one of this service's envFiles`,
      hint:
        known.length === 0
          ? `add the env file to envFiles (config/${value.config}.env is known as '${value.config}')`
          : (didYouMeanHint(value.config, known) ??
            `envFiles here are known as: ${[...envFileNames].map(([config, source]) => `'${config}' (${source})`).join(', ')}`),
    });
    return;
  }
  const resolved = resolveProjectPath(service.dir, file);
  if (!resolved.ok) return;
  const content = input.readAsset(resolved.path);
  if (!content.ok) return;
  const keys = parseEnvFileKeys(content.content);
  if (!keys.has(value.key)) {
    report({
      code: 'unresolved-reference',
      path: [...path, 'key'],
      message: `key '${value.key}' is not in ${resolved.path}`,
      hint: didYouMeanHint(value.key, keys) ?? `add a line ${value.key}=... to ${resolved.path}`,
    });
  }
}

function checkServiceReferences(
  report: Report,
  path: PathSegment[],
  name: string,
  value: string,
  byName: Map<string, CheckedService>,
  unchecked: ReadonlySet<string>,
): void {
  for (const reference of referencesIn(value)) {
    const target = byName.get(reference.service);
    if (!target) {
      if (unchecked.has(reference.service)) continue;
      report({
        code: 'unresolved-reference',
        path,
        message: `${name} refers to ${reference.raw}, but there is no service '${reference.service}'`,
        hint: serviceNameHint(reference.service, byName.keys()),
      });
      continue;
    }
    const ports = target.spec.ports ?? [];
    if (!ports.some((port) => port.name === reference.port)) {
      report({
        code: 'unresolved-reference',
        path,
        message: `${name} refers to ${reference.raw}, but service '${reference.service}' has no port named '${reference.port}'`,
        hint: portReferenceHint(ports, reference.port),
      });
    }
  }
  for (let index = value.indexOf('$'); index >= 0; index = value.indexOf('$', index + 1)) {
    if (value.startsWith('$$', index)) {
      index += 1;
      continue;
    }
    if (value[index + 1] !== '{') continue;
    const first = parseEnvTemplate(value.slice(index))[0];
    if (first && 'reference' in first) {
      index += first.reference.raw.length - 1;
      continue;
    }
    const end = value.indexOf('}', index);
    const written = end > index ? value.slice(index, end + 1) : value.slice(index);
    report({
      severity: 'warning',
      code: 'advice',
      path,
      message: `'${written}' in ${name} is not a service reference and stays literal text`,
      hint: "reference a service as ${service.port} (lowercase, e.g. ${backend.http}); write $${ for a literal '${'",
    });
    break;
  }
}

function checkFiles(service: CheckedService, report: Report, input: ServiceCheckInput): void {
  const { spec, dir } = service;
  const readFile = (path: PathSegment[], relative: string, what: string): void => {
    const resolved = resolveProjectPath(dir, relative);
    if (!resolved.ok) {
      report({ code: 'io', path, message: `${what}: ${resolved.problem}`, hint: resolved.hint });
      return;
    }
    const result = input.readAsset(resolved.path);
    if (!result.ok) {
      report({
        code: 'io',
        path,
        message: `${what} ${resolved.path} cannot be read (${result.reason})`,
        hint: result.hint ?? `create it, or fix the path (relative to ${dir || 'the project root'})`,
      });
    } else if (result.content.length > MAX_CONFIG_FILE_CHARS) {
      report({
        path,
        message: `${what} ${resolved.path} is larger than 1 MiB`,
        hint: 'a Kubernetes ConfigMap holds at most 1 MiB: bake large files into the image or mount a volume',
      });
    }
  };
  const configNames = new Map<string, number>();
  (spec.envFiles ?? []).forEach((file, index) => {
    readFile(['envFiles', index], file, 'env file');
    const config = envFileConfigName(file);
    if (!isDns1123Subdomain(config)) {
      report({
        path: ['envFiles', index],
        message: `env file '${file}' would become the config '${config}', which is not a valid ConfigMap name`,
        hint: "name env files with lowercase letters, digits and '-', e.g. app.env",
      });
    }
    const same = configNames.get(config);
    if (same !== undefined) {
      report({
        code: 'duplicate',
        path: ['envFiles', index],
        message: `envFiles[${index}] and envFiles[${same}] both become the config '${config}'`,
        hint: 'rename one of the files: the config name is the file name without extension',
      });
    } else {
      configNames.set(config, index);
    }
  });

  const mountPaths = new Map<string, string>();
  const checkMountPath = (path: PathSegment[], mountPath: string, owner: PathSegment[]): void => {
    if (!mountPath.startsWith('/')) {
      report({
        path,
        message: `mountPath '${mountPath}' is not absolute`,
        hint: `write the full path in the container, e.g. '/${mountPath}'`,
      });
      return;
    }
    const normalized = posix.normalize(mountPath).replace(/(.)\/$/, '$1');
    const first = mountPaths.get(normalized);
    if (first !== undefined) {
      report({
        code: 'duplicate',
        path,
        message: `mountPath '${mountPath}' is also used by ${first}`,
        hint: 'mount each file or volume at its own path',
      });
    } else {
      mountPaths.set(normalized, readablePath(owner));
    }
  };

  const names = new Map<string, number>();
  (spec.configs ?? []).forEach((config, index) => {
    const path = ['configs', index];
    if (!isDns1123Label(config.name)) {
      report({
        path: [...path, 'name'],
        message: `config name '${config.name}' is not a DNS-1123 label`,
        hint: `use lowercase letters, digits and '-' (it names the ConfigMap '<service>-<name>')${toLabel(config.name) ? `, e.g. '${toLabel(config.name)}'` : ''}`,
      });
    }
    const same = names.get(config.name);
    if (same !== undefined) {
      report({
        code: 'duplicate',
        path: [...path, 'name'],
        message: `config name '${config.name}' is also used by configs[${same}]`,
        hint: 'give each config its own name',
      });
    } else {
      names.set(config.name, index);
    }
    if (config.file === undefined && config.content === undefined) {
      report({
        code: 'missing-field',
        path,
        message: `config '${config.name}' has neither file nor content`,
        hint: 'add file: <path next to the spec>, or content: | with the text',
      });
    } else if (config.file !== undefined && config.content !== undefined) {
      report({
        path: [...path, 'content'],
        message: `config '${config.name}' has both file and content`,
        hint: 'keep exactly one of them',
      });
    }
    if (config.file !== undefined) readFile([...path, 'file'], config.file, 'config file');
    checkMountPath([...path, 'mountPath'], config.mountPath, path);
  });
  // Both become ConfigMaps named '<service>-<name>' (and files configmap-<name>.yaml).
  (spec.envFiles ?? []).forEach((file, index) => {
    const config = envFileConfigName(file);
    const same = names.get(config);
    if (same === undefined || configNames.get(config) !== index) return;
    report({
      code: 'duplicate',
      path: ['envFiles', index],
      message: `env file '${file}' and configs[${same}] would both be the ConfigMap '${spec.name}-${config}'`,
      hint: `rename the config or the env file: a config named '${config}' and an env file named ${config}.env both become that ConfigMap`,
    });
  });

  (spec.secrets ?? []).forEach((secret, index) => {
    const path = ['secrets', index];
    if (!isDns1123Subdomain(secret.name)) {
      report({
        path: [...path, 'name'],
        message: `secret name '${secret.name}' is not valid`,
        hint: `use lowercase letters, digits, '-' and '.' (a Kubernetes Secret name)${toLabel(secret.name) ? `, e.g. '${toLabel(secret.name)}'` : ''}`,
      });
    }
    if (secret.key !== undefined && !isSecretKey(secret.key)) {
      report({
        path: [...path, 'key'],
        message: `secret key '${secret.key}' is not valid`,
        hint: "use letters, digits, '-', '_' and '.'",
      });
    }
    checkMountPath(
      secret.mountPath === undefined ? path : [...path, 'mountPath'],
      secret.mountPath ?? `/run/secrets/${secret.name}`,
      path,
    );
  });

  names.clear();
  (spec.volumes ?? []).forEach((volume, index) => {
    const path = ['volumes', index];
    const type = volume.type ?? 'persistent';
    if (!isDns1123Label(volume.name)) {
      report({
        path: [...path, 'name'],
        message: `volume name '${volume.name}' is not a DNS-1123 label`,
        hint: `use lowercase letters, digits and '-'${toLabel(volume.name) ? `, e.g. '${toLabel(volume.name)}'` : ''}`,
      });
    }
    const same = names.get(volume.name);
    if (same !== undefined) {
      report({
        code: 'duplicate',
        path: [...path, 'name'],
        message: `volume name '${volume.name}' is also used by volumes[${same}]`,
        hint: 'give each volume its own name',
      });
    } else {
      names.set(volume.name, index);
    }
    checkMountPath([...path, 'mountPath'], volume.mountPath, path);
    if (type === 'persistent' && volume.size === undefined) {
      report({
        code: 'missing-field',
        path,
        message: `persistent volume '${volume.name}' needs a size`,
        hint: "add size: 1Gi (the claim's storage request), or set type: ephemeral for scratch space",
      });
    }
    if (volume.size !== undefined) {
      const size = parseBytes(volume.size);
      if (!size.ok) report({ path: [...path, 'size'], message: `size ${size.problem}`, hint: size.hint });
    }
    if (type === 'bind') {
      if (volume.source === undefined) {
        report({
          code: 'missing-field',
          path,
          message: `bind volume '${volume.name}' needs a source`,
          hint: 'add source: <folder relative to the spec file>',
        });
      } else {
        const resolved = resolveProjectPath(dir, volume.source);
        if (!resolved.ok)
          report({ code: 'io', path: [...path, 'source'], message: `source ${resolved.problem}`, hint: resolved.hint });
      }
    } else if (volume.source !== undefined) {
      report({
        path: [...path, 'source'],
        message: `source is only used by bind volumes, and '${volume.name}' is ${type}`,
        hint: 'set type: bind, or remove source',
      });
    }
  });

  if (spec.build?.context !== undefined) {
    const resolved = resolveProjectPath(dir, spec.build.context);
    if (!resolved.ok)
      report({
        code: 'io',
        path: ['build', 'context'],
        message: `build context ${resolved.problem}`,
        hint: resolved.hint,
      });
  }
}

function checkHealth(spec: ServiceSpec, report: Report): void {
  const ports = spec.ports ?? [];
  for (const kind of PROBE_KINDS) {
    const probe: Probe | undefined = spec.health?.[kind];
    if (!probe) continue;
    const path = ['health', kind];
    const handlers = PROBE_HANDLERS.filter((handler) => probe[handler] !== undefined);
    if (handlers.length === 0) {
      report({
        code: 'missing-field',
        path,
        message: `the ${kind} probe has no check`,
        hint: 'add exactly one of http, tcp, exec or grpc',
      });
    } else if (handlers.length > 1) {
      report({
        path: [...path, handlers[1] as string],
        target: 'key',
        message: `the ${kind} probe has ${orList(handlers).replace(' or ', ' and ')}`,
        hint: 'keep exactly one check per probe',
      });
    }
    for (const handler of ['http', 'tcp', 'grpc'] as const) {
      const reference = probe[handler]?.port;
      if (reference === undefined || findPort(ports, reference)) continue;
      report({
        code: 'unresolved-reference',
        path: [...path, handler, 'port'],
        message: `the ${kind} probe uses port ${typeof reference === 'number' ? reference : `'${reference}'`}, which this service does not declare`,
        hint: portReferenceHint(ports, reference),
      });
    }
    if (probe.http?.path !== undefined && !probe.http.path.startsWith('/')) {
      report({
        path: [...path, 'http', 'path'],
        message: `probe path '${probe.http.path}' does not start with '/'`,
        hint: `write '/${probe.http.path}'`,
      });
    }
    if (kind !== 'readiness' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
      report({
        path: [...path, 'successThreshold'],
        message: `successThreshold of a ${kind} probe must be 1`,
        hint: 'Kubernetes accepts other values only for readiness probes: remove it',
      });
    }
  }
}

function checkResources(spec: ServiceSpec, report: Report): void {
  const amounts: Record<'requests' | 'limits', { cpu?: number; memory?: number }> = { requests: {}, limits: {} };
  for (const level of ['requests', 'limits'] as const) {
    const given: ResourceAmounts | undefined = spec.resources?.[level];
    if (!given) continue;
    if (given.cpu !== undefined) {
      const cpu = parseCpu(given.cpu);
      if (cpu.ok) amounts[level].cpu = cpu.value;
      else report({ path: ['resources', level, 'cpu'], message: `cpu ${cpu.problem}`, hint: cpu.hint });
    }
    if (given.memory !== undefined) {
      const memory = parseBytes(given.memory);
      if (memory.ok) amounts[level].memory = memory.value;
      else report({ path: ['resources', level, 'memory'], message: `memory ${memory.problem}`, hint: memory.hint });
    }
  }
  for (const resource of ['cpu', 'memory'] as const) {
    const request = amounts.requests[resource];
    const limit = amounts.limits[resource];
    if (request !== undefined && limit !== undefined && request > limit) {
      report({
        path: ['resources', 'requests', resource],
        message: `requests.${resource} ${String(spec.resources?.requests?.[resource])} is more than limits.${resource} ${String(spec.resources?.limits?.[resource])}`,
        hint: 'Kubernetes rejects a request above its limit: lower the request or raise the limit',
      });
    }
  }
}

function checkDependencies(
  service: CheckedService,
  report: Report,
  byName: Map<string, CheckedService>,
  knownNames: ReadonlySet<string>,
  unchecked: ReadonlySet<string>,
): void {
  const { spec } = service;
  const seen = new Set<string>();
  for (const dependency of dependenciesOf(spec)) {
    const namePath =
      typeof spec.dependsOn?.[dependency.path[1] as number] === 'string'
        ? dependency.path
        : [...dependency.path, 'service'];
    if (dependency.service === spec.name) {
      report({
        code: 'cycle',
        path: namePath,
        message: `service '${spec.name}' depends on itself`,
        hint: 'remove this dependsOn entry',
      });
      continue;
    }
    if (seen.has(dependency.service)) {
      report({
        code: 'duplicate',
        path: namePath,
        message: `'${dependency.service}' is listed twice in dependsOn`,
        hint: 'keep one entry per service',
      });
    }
    seen.add(dependency.service);
    const target = byName.get(dependency.service);
    if (!target) {
      if (!unchecked.has(dependency.service)) {
        report({
          code: 'unresolved-reference',
          path: namePath,
          message: `depends on '${dependency.service}', which is not a service of this project`,
          hint: serviceNameHint(dependency.service, knownNames),
        });
      }
      continue;
    }
    const targetWorkload = target.spec.workload ?? 'service';
    if (dependency.condition === 'completed' && targetWorkload !== 'job') {
      report({
        path: [...dependency.path, 'condition'],
        message: `condition completed needs a job, but '${dependency.service}' is a ${targetWorkload}`,
        hint: `use condition healthy or started, or make '${dependency.service}' a workload: job`,
      });
    }
    if (dependency.condition === 'healthy' && !hasHealthCheck(target.spec)) {
      report({
        path: [...dependency.path, 'condition'],
        message: `condition healthy needs a health check on '${dependency.service}', and it has none`,
        hint: `add health.readiness to '${dependency.service}' (compose waits for its healthcheck), or use condition started`,
      });
    }
    if (dependency.port !== undefined && !(target.spec.ports ?? []).some((port) => port.name === dependency.port)) {
      report({
        code: 'unresolved-reference',
        path: [...dependency.path, 'port'],
        message: `'${dependency.service}' has no port named '${dependency.port}'`,
        hint: portReferenceHint(target.spec.ports ?? [], dependency.port),
      });
    }
  }
  (spec.allowFrom ?? []).forEach((name, index) => {
    if (knownNames.has(name)) return;
    report({
      code: 'unresolved-reference',
      path: ['allowFrom', index],
      message: `allowFrom names '${name}', which is not a service of this project`,
      hint: serviceNameHint(name, knownNames),
    });
  });
}

function checkMetadata(spec: ServiceSpec, report: Report): void {
  for (const field of ['labels', 'annotations'] as const) {
    for (const [key, value] of Object.entries(spec[field] ?? {})) {
      if (!isQualifiedName(key)) {
        report({
          path: [field, key],
          target: 'key',
          message: `${field === 'labels' ? 'label' : 'annotation'} key '${key}' is not valid`,
          hint: "use an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
        });
      }
      if (field === 'labels' && !isLabelValue(value)) {
        report({
          path: [field, key],
          message: `label value '${value}' is not valid`,
          hint: "use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or an annotation for free text)",
        });
      }
    }
  }
}

/** RFC 6901: '' (the whole document) or '/'-separated tokens where '~' is written '~0' and '/' '~1'. */
const JSON_POINTER = /^(\/([^~]|~[01])*)*$/;
const POINTER_HINT =
  "start it with '/' and name the field, e.g. /metadata/labels/team; write ~1 for a '/' inside a key and ~0 for '~'";

/** Fields that identify a Kubernetes object: kustomize overlays and other objects find it by them. */
const IDENTITY_FIELDS: Record<string, string> = {
  '/apiVersion': 'apiVersion',
  '/kind': 'kind',
  '/metadata': 'metadata',
  '/metadata/name': 'metadata.name',
};

/**
 * Patches are the escape hatch, so they are checked only for what can never work: pointers that
 * are not pointers, operations missing their operand, the whole object replaced or removed, and a
 * Kubernetes object losing or changing what identifies it.
 */
function checkPatches(spec: ServiceSpec, report: Report): void {
  (spec.patches?.compose ?? []).forEach((operation, index) => {
    checkPatchOperation(operation, ['patches', 'compose', index], 'the compose service', report);
  });
  (spec.patches?.kubernetes ?? []).forEach((patch, index) => {
    const name = patch.name ?? spec.name;
    const target = `${patch.kind} '${name}'`;
    patch.ops.forEach((operation, opIndex) => {
      const path: PathSegment[] = ['patches', 'kubernetes', index, 'ops', opIndex];
      if (checkPatchOperation(operation, path, target, report)) {
        checkIdentityPatch(operation, path, { kind: patch.kind, name, target }, report);
      }
    });
  });
}

/** The RFC 6902 rules fast-json-patch would only report (or not) at generation time; false when the op is unusable. */
function checkPatchOperation(operation: PatchOperation, path: PathSegment[], target: string, report: Report): boolean {
  const { op } = operation;
  if (operation.path === '') {
    report({
      path: [...path, 'path'],
      message: `patch op ${op} has the empty path "", which ${op === 'remove' ? 'removes' : op === 'test' ? 'tests' : 'replaces'} the whole of ${target}`,
      hint: `a patch changes one field: point at it, e.g. ${target === 'the compose service' ? '/deploy/replicas' : '/spec/replicas'}; to change the object as a whole, change the spec instead`,
    });
    return false;
  }
  if (!JSON_POINTER.test(operation.path)) {
    report({
      path: [...path, 'path'],
      message: `patch path '${operation.path}' is not a JSON pointer`,
      hint: POINTER_HINT,
    });
    return false;
  }
  if (op === 'move' || op === 'copy') {
    if (operation.from === undefined) {
      report({
        code: 'missing-field',
        path,
        message: `patch op ${op} needs from (the pointer to ${op} from)`,
        hint: `add from: /the/source/field`,
      });
      return false;
    }
    if (operation.from === '' && op === 'move') {
      report({
        path: [...path, 'from'],
        message: `patch op move has the empty from "", which moves the whole of ${target}`,
        hint: 'point from at the field to move',
      });
      return false;
    }
    if (!JSON_POINTER.test(operation.from)) {
      report({
        path: [...path, 'from'],
        message: `patch from '${operation.from}' is not a JSON pointer`,
        hint: POINTER_HINT,
      });
      return false;
    }
  }
  if (
    (op === 'add' || op === 'replace' || op === 'test') &&
    !Object.prototype.hasOwnProperty.call(operation, 'value')
  ) {
    report({
      code: 'missing-field',
      path,
      message: `patch op ${op} needs a value`,
      hint: `add value: (null is a value too; to delete the field, use op: remove)`,
    });
    return false;
  }
  return true;
}

/** A patch may change anything about a Kubernetes object but what identifies it. */
function checkIdentityPatch(
  operation: PatchOperation,
  path: PathSegment[],
  object: { kind: string; name: string; target: string },
  report: Report,
): void {
  const keep =
    'kustomize overlays and the other generated objects find it by its apiVersion, kind and name: remove this op (rename the service, or target another object, instead)';
  const { op } = operation;
  const fromField = op === 'move' && operation.from !== undefined ? IDENTITY_FIELDS[operation.from] : undefined;
  if (fromField !== undefined) {
    report({
      path: [...path, 'from'],
      message: `patch op move takes ${fromField} away from ${object.target}`,
      hint: keep,
    });
    return;
  }
  const field = IDENTITY_FIELDS[operation.path];
  if (field === undefined || op === 'test') return;
  if (op === 'remove') {
    report({
      path: [...path, 'path'],
      message: `patch op remove takes ${field} away from ${object.target}`,
      hint: keep,
    });
    return;
  }
  if (op === 'move' || op === 'copy') {
    report({ path: [...path, 'path'], message: `patch op ${op} overwrites ${field} of ${object.target}`, hint: keep });
    return;
  }
  const problem = identityChange(field, operation.value, object);
  if (problem !== undefined) {
    report({ path: [...path, 'value'], message: `patch op ${op} of ${field} ${problem}`, hint: keep });
  }
}

/** What writing `value` to an identifying field does to the object, or undefined when it keeps it. */
function identityChange(
  field: string,
  value: unknown,
  object: { kind: string; name: string; target: string },
): string | undefined {
  switch (field) {
    case 'kind':
      return value === object.kind
        ? undefined
        : `would turn ${object.target} into ${typeof value === 'string' && value !== '' ? `a ${value}` : 'an object without a kind'}`;
    case 'metadata.name':
      return value === object.name ? undefined : `would rename ${object.target}`;
    case 'metadata': {
      const name = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
      return name === object.name
        ? undefined
        : `would replace the metadata of ${object.target} with metadata ${name === undefined ? 'without its name' : 'of another name'}`;
    }
    default:
      return typeof value === 'string' && value.trim() !== ''
        ? undefined
        : `would leave ${object.target} without an apiVersion`;
  }
}

function checkIngressRoutes(services: CheckedService[]): void {
  const routes = new Map<string, { service: CheckedService; path: PathSegment[] }>();
  for (const service of services) {
    (service.spec.ports ?? []).forEach((port, portIndex) => {
      if ((port.expose ?? 'internal') !== 'ingress') return;
      (port.ingress ?? []).forEach((route, routeIndex) => {
        const key = `${route.host ?? ''}\u0000${route.path ?? '/'}`;
        const path = ['ports', portIndex, 'ingress', routeIndex];
        const first = routes.get(key);
        if (!first) {
          routes.set(key, { service, path });
          return;
        }
        const owner = first.service === service ? 'this service' : `service '${first.service.spec.name}'`;
        reporter(service)({
          code: 'duplicate',
          path,
          message: `ingress route ${route.host ?? '(any host)'} ${route.path ?? '/'} is also routed to ${owner} at ${first.service.where(first.path)}`,
          hint: 'each host and path can lead to one port: change the path or the host of one route',
        });
      });
    });
  }
}

/**
 * Configs and env files become ConfigMaps named '<service>-<name>', so 'api' with config 'cache-a'
 * and 'api-cache' with config 'a' would write the same object. Clashes inside one service are
 * reported by checkFiles.
 */
function checkConfigMapNames(services: CheckedService[]): void {
  const owners = new Map<string, { service: CheckedService; path: PathSegment[] }>();
  for (const service of services) {
    const { spec } = service;
    const made: Array<[string, PathSegment[]]> = [
      ...(spec.configs ?? []).map((config, index): [string, PathSegment[]] => [
        config.name,
        ['configs', index, 'name'],
      ]),
      ...(spec.envFiles ?? []).map((file, index): [string, PathSegment[]] => [
        envFileConfigName(file),
        ['envFiles', index],
      ]),
    ];
    for (const [config, path] of made) {
      const name = `${spec.name}-${config}`;
      const first = owners.get(name);
      if (!first) {
        owners.set(name, { service, path });
        continue;
      }
      if (first.service === service) continue;
      reporter(service)({
        code: 'duplicate',
        path,
        message: `this would be the ConfigMap '${name}', which service '${first.service.spec.name}' also makes at ${first.service.where(first.path)}`,
        hint: "ConfigMaps are named '<service>-<config>': rename one of the configs (or env files)",
      });
    }
  }
}

function checkPublishedPorts(services: CheckedService[]): void {
  const published = new Map<string, { service: CheckedService; path: PathSegment[] }>();
  for (const service of services) {
    (service.spec.ports ?? []).forEach((port, index) => {
      if (port.expose !== 'published') return;
      const hostPort = port.hostPort ?? port.port;
      const key = `${hostPort}/${port.protocol ?? 'TCP'}`;
      const path = ['ports', index];
      const first = published.get(key);
      if (!first) {
        published.set(key, { service, path });
        return;
      }
      reporter(service)({
        code: 'duplicate',
        path: [...path, port.hostPort === undefined ? 'port' : 'hostPort'],
        message: `host port ${key} is also published at ${first.service.where(first.path)}`,
        hint: 'compose cannot publish one host port twice: set a different hostPort',
      });
    });
  }
}

function checkCycles(byName: Map<string, CheckedService>): void {
  const edges = new Map<string, Dependency[]>();
  for (const service of byName.values()) {
    edges.set(
      service.spec.name,
      dependenciesOf(service.spec).filter(
        (dependency) => dependency.service !== service.spec.name && byName.has(dependency.service),
      ),
    );
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  for (const start of [...byName.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { name: string; next: number };
      const outgoing = edges.get(frame.name) ?? [];
      if (frame.next >= outgoing.length) {
        state.set(frame.name, 'done');
        stack.pop();
        continue;
      }
      const target = (outgoing[frame.next] as Dependency).service;
      frame.next += 1;
      const targetState = state.get(target);
      if (targetState === undefined) {
        state.set(target, 'visiting');
        stack.push({ name: target, next: 0 });
      } else if (targetState === 'visiting') {
        const members = stack.slice(stack.findIndex((entry) => entry.name === target)).map((entry) => entry.name);
        const startAt = members.indexOf([...members].sort()[0] as string);
        const cycle = [...members.slice(startAt), ...members.slice(0, startAt)];
        const key = cycle.join('\u0000');
        if (reported.has(key)) continue;
        reported.add(key);
        const first = byName.get(cycle[0] as string) as CheckedService;
        const edge = (edges.get(cycle[0] as string) ?? []).find(
          (dependency) => dependency.service === cycle[1 % cycle.length],
        );
        reporter(first)({
          code: 'cycle',
          path: edge?.path ?? ['dependsOn'],
          message: `dependency cycle: ${[...cycle, cycle[0]].join(' → ')}`,
          hint: 'remove one of these dependsOn entries: each service would wait for the other forever',
        });
      }
    }
  }
}

/** Checks of the project file itself: names, environments, paths. */
export function checkProjectFile(
  project: ProjectSpec,
  report: (finding: Finding) => void,
  where: (path: PathSegment[]) => string,
): void {
  const error = (finding: Omit<Finding, 'severity' | 'code'> & Partial<Finding>): void =>
    report({ severity: 'error', code: 'invalid-value', ...finding });
  if (!isDns1123Label(project.name)) {
    error({
      path: ['name'],
      message: `project name '${project.name}' is not a DNS-1123 label`,
      hint: `use at most 63 lowercase letters, digits and '-' (it becomes the compose project name and a label value)${toLabel(project.name) ? `, e.g. '${toLabel(project.name)}'` : ''}`,
    });
  }
  const namespaceHint = (name: string): string =>
    `use at most 63 lowercase letters, digits and '-' (a Kubernetes namespace)${toLabel(name) ? `, e.g. '${toLabel(name)}'` : ''}`;
  if (project.namespace !== undefined && !isDns1123Label(project.namespace)) {
    error({
      path: ['namespace'],
      message: `namespace '${project.namespace}' is not a DNS-1123 label`,
      hint: namespaceHint(project.namespace),
    });
  }
  let localEnvironment: string | undefined;
  for (const [name, environment] of Object.entries(project.environments ?? {})) {
    if (!isDns1123Label(name)) {
      error({
        path: ['environments', name],
        target: 'key',
        message: `environment name '${name}' is not a DNS-1123 label`,
        hint: `use lowercase letters, digits and '-' (it names the overlay folder k8s/overlays/<name>)${toLabel(name) ? `, e.g. '${toLabel(name)}'` : ''}`,
      });
    }
    if (environment.namespace !== undefined && !isDns1123Label(environment.namespace)) {
      error({
        path: ['environments', name, 'namespace'],
        message: `namespace '${environment.namespace}' is not a DNS-1123 label`,
        hint: namespaceHint(environment.namespace),
      });
    }
    if (environment.local === true) {
      if (localEnvironment === undefined) {
        localEnvironment = name;
      } else {
        error({
          code: 'duplicate',
          path: ['environments', name, 'local'],
          message: `environments '${localEnvironment}' and '${name}' are both marked local (first at ${where(['environments', localEnvironment, 'local'])})`,
          hint: 'docker-compose.yml renders one environment: keep local: true on one of them',
        });
      }
    }
  }
  const pathFields: Array<[PathSegment[], string | undefined]> = [
    [['output', 'compose'], project.output?.compose],
    [['output', 'kubernetes'], project.output?.kubernetes],
    [['templates'], project.templates],
    ...(project.serviceFiles ?? []).map((pattern, index): [PathSegment[], string] => [
      ['serviceFiles', index],
      pattern,
    ]),
  ];
  for (const [path, value] of pathFields) {
    if (value === undefined) continue;
    const resolved = resolveProjectPath('', value);
    if (!resolved.ok) error({ code: 'io', path, message: resolved.problem, hint: resolved.hint });
  }
  if (
    project.kubernetes?.ingressControllerNamespace !== undefined &&
    !isDns1123Label(project.kubernetes.ingressControllerNamespace)
  ) {
    error({
      path: ['kubernetes', 'ingressControllerNamespace'],
      message: `namespace '${project.kubernetes.ingressControllerNamespace}' is not a DNS-1123 label`,
      hint: namespaceHint(project.kubernetes.ingressControllerNamespace),
    });
  }
  if (project.secretStore !== undefined && !isDns1123Subdomain(project.secretStore.name)) {
    error({
      path: ['secretStore', 'name'],
      message: `secret store name '${project.secretStore.name}' is not valid`,
      hint: "use lowercase letters, digits, '-' and '.'",
    });
  }
}
