import type { SourcePosition } from '@twinform/spec';
import type { YNode } from './yaml-nodes';

/**
 * A compose project after loading: files merged, variables interpolated, extends and include
 * applied, profiles filtered, and every short syntax turned into its long form. Every value
 * keeps the position it was written at (`at`), so the importer can point at it.
 *
 * Paths (build contexts, bind sources, env files, config files) are project-relative: relative
 * to the folder the source reads from, with '/' separators. A path that leaves that folder keeps
 * its leading '../'; absolute and '~' paths stay as written.
 */
export interface ComposeModel {
  name: string;
  /** Folder of the first compose file (relative paths in -f files resolve against it). */
  projectDir: string;
  /** Every given file starts with twinform's generated-file header (its choices can be read back exactly). */
  generatedByTwinform: boolean;
  /** Active services, sorted by name. */
  services: ComposeService[];
  volumes: Record<string, ComposeResource>;
  networks: Record<string, ComposeResource>;
  secrets: Record<string, ComposeFileResource>;
  configs: Record<string, ComposeFileResource>;
  /** Top-level keys that are neither services nor resources nor x- extensions (e.g. version). */
  other: ComposeField[];
  /** Contents of env files and config files the services use, keyed by project-relative path. */
  files: Record<string, string>;
  /** Variables the project was interpolated with (.env files and the given environment). */
  variables: Record<string, string>;
}

/** A field the importer keeps as written (to report it, or to map it when it knows how). */
export interface ComposeField {
  key: string;
  value: unknown;
  at: SourcePosition;
}

export interface ComposeResource {
  name: string;
  at: SourcePosition;
  /** The definition as written (driver, external, labels...). */
  definition: Record<string, unknown>;
}

export interface ComposeFileResource extends ComposeResource {
  /** Project-relative path of `file:`. */
  file?: string;
  environment?: string;
  content?: string;
  external?: boolean;
}

export interface ComposePort {
  target: number;
  /** Host port; undefined when compose picks an ephemeral one. */
  published?: number;
  hostIp?: string;
  protocol: 'tcp' | 'udp';
  /** Other long-syntax attributes (mode, name, app_protocol). */
  name?: string;
  extra: Record<string, unknown>;
  at: SourcePosition;
}

export interface ComposeExpose {
  port: number;
  protocol: 'tcp' | 'udp';
  at: SourcePosition;
}

export interface ComposeDependency {
  service: string;
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  restart?: boolean;
  required?: boolean;
  at: SourcePosition;
}

export interface ComposeVolumeMount {
  type: 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** Named volume, or project-relative/absolute host path for bind; undefined for anonymous. */
  source?: string;
  target: string;
  readOnly: boolean;
  /** Short-syntax mode flags other than ro/rw (z, Z, cached, nocopy...) and long-syntax extras. */
  options: string[];
  subpath?: string;
  tmpfsSize?: string;
  tmpfsMode?: number;
  extra: Record<string, unknown>;
  at: SourcePosition;
}

export interface ComposeFileMount {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
  at: SourcePosition;
}

export interface ComposeEnvFile {
  /** Project-relative path. */
  path: string;
  required: boolean;
  format?: string;
  at: SourcePosition;
}

export interface ComposeEnvironmentEntry {
  name: string;
  /** undefined: the variable is passed through from the shell and has no value there. */
  value?: string;
  /** The value as written, when it referenced variables (so the value came from the environment). */
  template?: string;
  /** Written as a bare NAME: compose passes the value through from the shell. */
  passthrough?: boolean;
  at: SourcePosition;
}

export interface ComposeHealthcheck {
  /** Normalised test: ['CMD', ...], ['CMD-SHELL', cmd] or ['NONE']; undefined when only timings are set. */
  test?: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
  startInterval?: string;
  disable: boolean;
  at: SourcePosition;
}

export interface ComposeBuild {
  /** Project-relative path, or a URL (git, https) as written. */
  context: string;
  dockerfile?: string;
  target?: string;
  args: Record<string, string | undefined>;
  /** Other build attributes (dockerfile_inline, ssh, cache_from...). */
  extra: ComposeField[];
  at: SourcePosition;
}

export interface ComposeResources {
  cpus?: string;
  memory?: string;
  /** Other attributes (pids, devices, generic_resources). */
  extra: ComposeField[];
}

export interface ComposeDeploy {
  replicas?: number;
  mode?: string;
  limits?: ComposeResources;
  reservations?: ComposeResources;
  restartPolicy?: { condition?: string; extra: ComposeField[]; at: SourcePosition };
  /** Everything else under deploy (placement, update_config, labels...). */
  extra: ComposeField[];
  at: SourcePosition;
}

export interface ComposeNetworkAttachment {
  name: string;
  /** aliases, ipv4_address, priority... as written. */
  settings: Record<string, unknown>;
  at: SourcePosition;
}

export interface ComposeService {
  name: string;
  /** Position of the service's key. */
  at: SourcePosition;
  /** Position of each top-level field of the service (the key), by field name. */
  fieldAt: Record<string, SourcePosition>;
  image?: string;
  build?: ComposeBuild;
  /** null = an explicit empty entrypoint/command (clears the image's). */
  entrypoint?: string[];
  command?: string[];
  workingDir?: string;
  user?: string;
  environment: ComposeEnvironmentEntry[];
  envFiles: ComposeEnvFile[];
  ports: ComposePort[];
  expose: ComposeExpose[];
  dependsOn: ComposeDependency[];
  healthcheck?: ComposeHealthcheck;
  deploy?: ComposeDeploy;
  restart?: string;
  volumes: ComposeVolumeMount[];
  tmpfs: Array<{ target: string; size?: string; options: string[]; at: SourcePosition }>;
  configs: ComposeFileMount[];
  secrets: ComposeFileMount[];
  networks: ComposeNetworkAttachment[];
  labels: Record<string, string>;
  profiles: string[];
  stopGracePeriod?: string;
  readOnly?: boolean;
  privileged?: boolean;
  capAdd: string[];
  capDrop: string[];
  securityOpt: string[];
  /** Service-level cpus / mem_limit / mem_reservation (older syntax of deploy.resources). */
  legacyResources: ComposeField[];
  /** Fields the model keeps only as written (container_name, ulimits, logging...). */
  other: ComposeField[];
  /** The merged, interpolated YAML of the service, for positions of nested fields. */
  node: YNode;
}
