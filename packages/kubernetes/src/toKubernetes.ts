import {
  namespaceFor,
  projectSettings,
  sortIssues,
  type GeneratedDocument,
  type Issue,
  type LoadedProject,
} from '@twinform/spec';
import type { RenderedObject } from './context';
import { baseKustomization, buildOverlay } from './kustomize';
import { objectId } from './objects';
import { compareStrings } from './order';
import { renderEnvironment } from './render';

export interface KubernetesResult {
  documents: GeneratedDocument[];
  issues: Issue[];
}

const issueKey = (issue: Issue): string =>
  JSON.stringify([issue.severity, issue.code, issue.file, issue.pointer, issue.message]);

/** Collects issues of all renders once: an issue already seen in the base is not repeated per environment. */
class IssueCollector {
  private readonly seen = new Set<string>();
  readonly issues: Issue[] = [];

  add(issues: Issue[], environment?: string): void {
    for (const issue of issues) {
      const key = issueKey(issue);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.issues.push(
        environment === undefined ? issue : { ...issue, message: `${issue.message} (environment ${environment})` },
      );
    }
  }
}

/** Objects with a kind/name or a file path already taken are reported and left out. */
function withoutDuplicates(
  objects: RenderedObject[],
  collector: IssueCollector,
  projectFile: string,
  environment?: string,
): RenderedObject[] {
  const ids = new Set<string>();
  const paths = new Set<string>();
  return objects.filter((rendered) => {
    const id = objectId(rendered.object);
    const path = `${rendered.service}/${rendered.file}`;
    if (!ids.has(id) && !paths.has(path)) {
      ids.add(id);
      paths.add(path);
      return true;
    }
    collector.add(
      [
        {
          severity: 'error',
          code: 'duplicate',
          message: `two generated objects would be ${ids.has(id) ? id : `file ${path}`}`,
          hint: 'rename one of the configs, volumes, secrets or services whose names combine into it',
          file: rendered.sources.find((source) => source !== projectFile) ?? projectFile,
        },
      ],
      environment,
    );
    return false;
  });
}

/**
 * Kubernetes manifests for a project: `<kubernetesDir>/base/<service>/<kind>.yaml` (one object per
 * file) with its kustomization, and one kustomize overlay per environment holding only what that
 * environment changes. Pure: issues are returned, never thrown.
 */
export function toKubernetes(loaded: LoadedProject): KubernetesResult {
  const settings = projectSettings(loaded.project);
  const collector = new IssueCollector();
  const allSources = [...new Set([loaded.projectFile, ...loaded.services.map((service) => service.file)])].sort(
    compareStrings,
  );
  const baseDir = `${settings.kubernetesDir}/base`;

  const baseRender = renderEnvironment(loaded, undefined);
  collector.add(baseRender.issues);
  const base = withoutDuplicates(baseRender.objects, collector, loaded.projectFile);
  const documents: GeneratedDocument[] = base.map((rendered) => ({
    path: `${baseDir}/${rendered.service}/${rendered.file}`,
    value: rendered.object,
    sources: rendered.sources,
  }));
  documents.push({
    path: `${baseDir}/kustomization.yaml`,
    value: baseKustomization(base.map((rendered) => `${rendered.service}/${rendered.file}`)),
    sources: allSources,
  });

  for (const environment of settings.environments) {
    // An environment nothing overrides renders exactly as the base.
    const overridden = loaded.services.some((service) => service.spec.environments?.[environment] !== undefined);
    const render = overridden ? renderEnvironment(loaded, environment) : baseRender;
    collector.add(render.issues, environment);
    const objects = withoutDuplicates(render.objects, collector, loaded.projectFile, environment);
    const namespace = namespaceFor(loaded.project, environment);
    const overlay = buildOverlay(base, objects, namespace !== settings.namespace ? namespace : undefined);
    const overlayDir = `${settings.kubernetesDir}/overlays/${environment}`;
    documents.push({ path: `${overlayDir}/kustomization.yaml`, value: overlay.kustomization, sources: allSources });
    for (const file of overlay.files) {
      documents.push({ path: `${overlayDir}/${file.file}`, value: file.value, sources: file.sources });
    }
  }

  documents.sort((a, b) => compareStrings(a.path, b.path));
  return { documents, issues: sortIssues(collector.issues) };
}
