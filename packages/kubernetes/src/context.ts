import type {
  Issue,
  IssueCode,
  IssueSeverity,
  LoadedService,
  NormalizedService,
  ResolvedProject,
} from '@twinform/spec';
import type { KubernetesObject } from './objects';

/** One generated object and where it lives in the base tree. */
export interface RenderedObject {
  /** Service whose folder holds the object (shared objects go to the first service using them). */
  service: string;
  /** File name inside `base/<service>/`, e.g. 'deployment.yaml'. */
  file: string;
  object: KubernetesObject;
  /** Project-relative spec files the object comes from, sorted. */
  sources: string[];
}

/** Everything the object builders of one environment share. */
export interface RenderContext {
  project: ResolvedProject;
  /** Resolved services by name. */
  services: Map<string, NormalizedService>;
  /** Loaded services by name (for JSON pointers of issues). */
  loaded: Map<string, LoadedService>;
  issues: Issue[];
}

/** Reports a problem about a field of a service spec; `pointer` is relative to the service spec. */
export function report(
  context: RenderContext,
  service: NormalizedService,
  severity: IssueSeverity,
  code: IssueCode,
  message: string,
  hint: string,
  pointer: string,
): void {
  const prefix = context.loaded.get(service.name)?.pointer ?? '';
  context.issues.push({ severity, code, message, hint, file: service.file, pointer: `${prefix}${pointer}` });
}

export function sourcesOf(context: RenderContext, ...services: NormalizedService[]): string[] {
  return [...new Set([context.project.projectFile, ...services.map((service) => service.file)])].sort();
}
