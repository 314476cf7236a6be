import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Config, NormalizedService } from '@twinform/spec';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { report, type RenderContext } from './context';
import { configMapName, envFileConfigName, serviceLabels, serviceRelativePath } from './names';

export interface ConfigFile {
  config: Config;
  /** Key in the ConfigMap and file name under the mount: the source file's name. */
  key: string;
  content: string;
  /** Index in the service's configs list (for issue pointers). */
  index: number;
}

export interface EnvFile {
  /** As written in the spec. */
  file: string;
  /** The ConfigMap's short name ('<service>-<name>'), used by env values `{config: name}`. */
  name: string;
  content: string;
  data: Record<string, string>;
}

/** Config files and env files of one service, read from the project's assets once. */
export interface ServiceConfiguration {
  configs: ConfigFile[];
  envFiles: EnvFile[];
  /** sha256 (16 hex) of every config file's content and env file's variables; undefined when the service has none. */
  hash?: string;
}

const ENV_KEY = /^[-._a-zA-Z0-9]+$/;

/** Parses KEY=value lines as compose's env_file does: '#' comments, optional `export`, quotes stripped. */
export function parseEnvFile(content: string): { data: Record<string, string>; invalidLines: number[] } {
  const data: Record<string, string> = {};
  const invalidLines: number[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const statement = line.startsWith('export ') ? line.slice('export '.length).trimStart() : line;
    const equals = statement.indexOf('=');
    const key = equals < 0 ? '' : statement.slice(0, equals).trim();
    if (equals < 0 || !ENV_KEY.test(key)) {
      invalidLines.push(index + 1);
      return;
    }
    let value = statement.slice(equals + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) value = value.slice(1, -1);
    data[key] = value;
  });
  return { data, invalidLines };
}

export function configFileKey(config: Config): string {
  return posix.basename(config.file ?? config.mountPath);
}

export function serviceConfiguration(context: RenderContext, service: NormalizedService): ServiceConfiguration {
  const configs: ConfigFile[] = [];
  service.configs.forEach((config, index) => {
    let content = config.content;
    if (content === undefined && config.file !== undefined) {
      const path = serviceRelativePath(service.dir, config.file);
      content = context.project.assets[path];
      if (content === undefined) {
        report(
          context,
          service,
          'error',
          'unresolved-reference',
          `config '${config.name}' of service '${service.name}' reads '${path}', which was not loaded`,
          'create the file next to the service spec, or give the content inline with `content:`',
          `/configs/${index}/file`,
        );
      }
    }
    if (content !== undefined) configs.push({ config, key: configFileKey(config), content, index });
  });
  const envFiles: EnvFile[] = [];
  service.envFiles.forEach((file, index) => {
    const path = serviceRelativePath(service.dir, file);
    const content = context.project.assets[path];
    if (content === undefined) {
      report(
        context,
        service,
        'error',
        'unresolved-reference',
        `env file '${path}' of service '${service.name}' was not loaded`,
        'create the file (KEY=value lines) or remove it from envFiles',
        `/envFiles/${index}`,
      );
      return;
    }
    const { data, invalidLines } = parseEnvFile(content);
    if (invalidLines.length > 0) {
      report(
        context,
        service,
        'warning',
        'loss',
        `env file '${path}' has lines that are not KEY=value (line ${invalidLines.join(', ')}); the ConfigMap leaves them out`,
        'write every variable as KEY=value; a bare KEY (taken from the host in compose) has no Kubernetes equivalent',
        `/envFiles/${index}`,
      );
    }
    envFiles.push({ file, name: envFileConfigName(file), content, data });
  });
  const configuration: ServiceConfiguration = { configs, envFiles };
  if (service.configs.length > 0 || service.envFiles.length > 0) {
    const hash = createHash('sha256');
    for (const { config, content } of [...configs].sort((a, b) => (a.config.name < b.config.name ? -1 : 1))) {
      hash.update(`config ${config.name}\n${content}\n`);
    }
    // What the pods see of an env file is its variables: comments, blank lines, order and quoting
    // change nothing, so they must not roll the pods.
    for (const { name, data } of envFiles) {
      const variables = Object.keys(data)
        .sort()
        .map((key) => [key, data[key]]);
      hash.update(`env ${name}\n${JSON.stringify(variables)}\n`);
    }
    configuration.hash = hash.digest('hex').slice(0, 16);
  }
  return configuration;
}

export function configMaps(
  context: RenderContext,
  service: NormalizedService,
  configuration: ServiceConfiguration,
): Array<{ file: string; object: ConfigMap }> {
  const settings = context.project.settings;
  const make = (name: string, data: Record<string, string>): ConfigMap => {
    const metadata: ConfigMap['metadata'] = { name: configMapName(service.name, name) };
    if (settings.namespace !== undefined) metadata.namespace = settings.namespace;
    metadata.labels = serviceLabels(service, settings);
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
  };
  const maps = configuration.configs.map(({ config, key, content }) => ({
    file: `configmap-${config.name}.yaml`,
    object: make(config.name, { [key]: content }),
  }));
  for (const envFile of configuration.envFiles) {
    if (maps.some((map) => map.object.metadata?.name === configMapName(service.name, envFile.name))) {
      report(
        context,
        service,
        'error',
        'duplicate',
        `env file '${envFile.file}' and a config of service '${service.name}' would both be ConfigMap '${configMapName(service.name, envFile.name)}'`,
        'rename the config or the env file',
        '/envFiles',
      );
      continue;
    }
    maps.push({ file: `configmap-${envFile.name}.yaml`, object: make(envFile.name, envFile.data) });
  }
  return maps;
}

/** An octal mode string ('0644', '644', '0o644') as the decimal number Kubernetes expects. */
export function parseFileMode(mode: string): number | undefined {
  const digits = mode.startsWith('0o') ? mode.slice(2) : mode;
  return /^[0-7]{3,4}$/.test(digits) ? parseInt(digits, 8) : undefined;
}
