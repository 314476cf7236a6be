import type { LoadedProject, LoadedService, ProjectSpec, ServiceSpec } from '@twinform/spec';
import { toYaml } from '@twinform/spec';
import { toCompose, type ComposeFile, type ComposeResult, type ComposeService } from '@twinform/compose';

/** A loaded service as the loader would produce it for services/<name>/service.yaml. */
export function loaded(spec: ServiceSpec): LoadedService {
  return { spec, file: `services/${spec.name}/service.yaml`, dir: `services/${spec.name}`, pointer: '' };
}

export function projectOf(
  specs: ServiceSpec[],
  project: Partial<ProjectSpec> = {},
  assets: Record<string, string> = {},
): LoadedProject {
  return {
    projectFile: 'twinform.yaml',
    project: { name: 'shop', ...project },
    services: specs.map(loaded).sort((a, b) => a.spec.name.localeCompare(b.spec.name)),
    assets,
  };
}

export function composeOf(result: ComposeResult): ComposeFile {
  expect(result.documents).toHaveLength(1);
  return result.documents[0]?.value as ComposeFile;
}

/** Generates and returns one service of the compose file. */
export function serviceOf(result: ComposeResult, name: string): ComposeService {
  const service = composeOf(result).services[name];
  if (!service) throw new Error(`no compose service ${name}`);
  return service;
}

export function generate(
  specs: ServiceSpec[],
  project: Partial<ProjectSpec> = {},
  assets: Record<string, string> = {},
) {
  return toCompose(projectOf(specs, project, assets));
}

export const yamlOf = (result: ComposeResult): string => toYaml(result.documents[0]?.value);

export const errorsOf = (result: ComposeResult) => result.issues.filter((issue) => issue.severity === 'error');
