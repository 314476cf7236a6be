/**
 * The subset of the Compose Specification that twinform writes, as typed objects, and the fixed key
 * order they are written in: key order is part of the output's bytes, so it is decided here, once,
 * instead of by whichever branch of the generator happened to assign a field first.
 */

export type ComposeDependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface ComposeBuild {
  context: string;
  dockerfile?: string;
  target?: string;
  args?: Record<string, string>;
}

export interface ComposeHealthcheck {
  test?: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
  disable?: boolean;
}

export interface ComposeResourceAmounts {
  cpus?: string;
  memory?: string;
}

export interface ComposeDeploy {
  replicas?: number;
  resources?: { limits?: ComposeResourceAmounts; reservations?: ComposeResourceAmounts };
}

/** Long-syntax service volume (the only syntax we write: it is the only one that carries every option). */
export interface ComposeServiceVolume {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Named volume or host path; absent for an anonymous volume and for tmpfs. */
  source?: string;
  target: string;
  read_only?: boolean;
  volume?: { subpath: string };
  tmpfs?: { size: string };
}

/** A service's grant of a top-level config or secret. */
export interface ComposeFileGrant {
  source: string;
  target: string;
  /** File mode as a number: YAML 1.1 and 1.2 read octal literals differently, a decimal number means the same to both. */
  mode?: number;
}

export interface ComposeService {
  image?: string;
  build?: ComposeBuild;
  entrypoint?: string[];
  command?: string[];
  working_dir?: string;
  user?: string;
  environment?: Record<string, string>;
  env_file?: string[];
  ports?: string[];
  expose?: string[];
  depends_on?: Record<string, { condition: ComposeDependencyCondition }>;
  healthcheck?: ComposeHealthcheck;
  deploy?: ComposeDeploy;
  restart?: 'no' | 'unless-stopped';
  volumes?: ComposeServiceVolume[];
  tmpfs?: string[];
  configs?: ComposeFileGrant[];
  secrets?: ComposeFileGrant[];
  networks?: string[];
  labels?: Record<string, string>;
  profiles?: string[];
  stop_grace_period?: string;
  read_only?: boolean;
  cap_drop?: string[];
  cap_add?: string[];
  security_opt?: string[];
}

export type ComposeNetwork = Record<string, never>;
export type ComposeVolume = Record<string, never>;
export type ComposeConfig = { file: string } | { content: string };
export interface ComposeSecret {
  file: string;
}

export interface ComposeFile {
  name: string;
  services: Record<string, ComposeService>;
  networks?: Record<string, ComposeNetwork>;
  volumes?: Record<string, ComposeVolume>;
  configs?: Record<string, ComposeConfig>;
  secrets?: Record<string, ComposeSecret>;
}

export const COMPOSE_KEY_ORDER = {
  file: ['name', 'services', 'networks', 'volumes', 'configs', 'secrets'],
  service: [
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
    'cap_drop',
    'cap_add',
    'security_opt',
  ],
} as const satisfies { file: ReadonlyArray<keyof ComposeFile>; service: ReadonlyArray<keyof ComposeService> };

function ordered<T extends object>(fields: Partial<T>, order: readonly (keyof T)[]): T {
  const result: Partial<T> = {};
  for (const key of order) {
    const value = fields[key];
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}

/** A service object with its keys in COMPOSE_KEY_ORDER.service, whatever order the fields were computed in. */
export function orderedComposeService(fields: ComposeService): ComposeService {
  return ordered<ComposeService>(fields, COMPOSE_KEY_ORDER.service);
}

/** The compose file with its keys in COMPOSE_KEY_ORDER.file; empty top-level sections are left out. */
export function orderedComposeFile(fields: ComposeFile): ComposeFile {
  const withoutEmpty: ComposeFile = { ...fields };
  for (const key of ['networks', 'volumes', 'configs', 'secrets'] as const) {
    const section = withoutEmpty[key];
    if (section !== undefined && Object.keys(section).length === 0) delete withoutEmpty[key];
  }
  return ordered<ComposeFile>(withoutEmpty, COMPOSE_KEY_ORDER.file);
}
