import { makeIssue, type Issue } from '@twinform/spec';
import { MANIFEST_FILE, parseManifest, type TemplateManifest } from './manifest';
import { unsafePathReason } from './paths';

/** One file, as read from a template folder or as rendered into a service folder. */
export interface TemplateFile {
  /** Relative to the template (or service) folder, '/' separators. */
  path: string;
  content: string;
  /** Unix permission bits, e.g. 0o755 for scripts; absent = the writer's default. */
  mode?: number;
}

/** A template folder as data: its folder name and every file in it (including template.yaml). */
export interface TemplateFolder {
  name: string;
  files: TemplateFile[];
  /** Problems the reader found (e.g. a symbolic link leaving the folder); any of them rejects the template. */
  problems?: Issue[];
}

/** Templates from one place. Later sources override earlier ones by template name. */
export interface TemplateSource {
  /** Where the templates come from, used as the path prefix in issues, e.g. 'templates/services'. */
  label: string;
  templates: TemplateFolder[];
}

/** A usable template: manifest parsed, files checked. */
export interface ServiceTemplate {
  name: string;
  manifest: TemplateManifest;
  /** Every file except template.yaml, sorted by path. */
  files: TemplateFile[];
  /** Label of the source it comes from. */
  source: string;
  /** Label of the source whose template of the same name this one replaces. */
  overrides?: string;
}

/** A template that exists but cannot be used; its name is unavailable rather than silently falling back. */
export interface RejectedTemplate {
  name: string;
  source: string;
  issues: Issue[];
}

export interface TemplateList {
  /** Sorted by name. */
  templates: ServiceTemplate[];
  /** Sorted by name. */
  rejected: RejectedTemplate[];
  /** Every issue of every rejected template. */
  issues: Issue[];
}

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

const byPath = (a: TemplateFile, b: TemplateFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function checkTemplate(folder: TemplateFolder, source: string): { template?: ServiceTemplate; issues: Issue[] } {
  const base = `${source}/${folder.name}`;
  const issues: Issue[] = [...(folder.problems ?? [])];
  if (!TEMPLATE_NAME.test(folder.name)) {
    issues.push(
      makeIssue('error', 'invalid-value', `Template folder name ${JSON.stringify(folder.name)} is not usable.`, {
        hint: "Name template folders with lowercase letters, digits, '.', '_' and '-'.",
        file: base,
      }),
    );
  }
  for (const file of folder.files) {
    const reason = unsafePathReason(file.path);
    if (reason !== undefined) {
      issues.push(
        makeIssue('error', 'io', `Template file path ${JSON.stringify(file.path)} is not allowed: ${reason}.`, {
          hint: 'Keep every template file inside its template folder.',
          file: base,
        }),
      );
    }
  }
  const manifestFile = folder.files.find((file) => file.path === MANIFEST_FILE);
  if (!manifestFile) {
    issues.push(
      makeIssue('error', 'missing-field', `Template '${folder.name}' has no ${MANIFEST_FILE}.`, {
        hint: `Add ${base}/${MANIFEST_FILE} with at least \`description: <one line>\`.`,
        file: base,
      }),
    );
    return { issues };
  }
  const { manifest, issues: manifestIssues } = parseManifest(manifestFile.content, `${base}/${MANIFEST_FILE}`);
  issues.push(...manifestIssues);
  if (!manifest || issues.length > 0) return { issues };
  const files = folder.files.filter((file) => file !== manifestFile).sort(byPath);
  return { template: { name: folder.name, manifest, files, source }, issues };
}

/**
 * Resolves the available templates from all sources (built-ins first, then the project's, which
 * override built-ins of the same name) and checks each winner.
 */
export function listTemplates(sources: readonly TemplateSource[]): TemplateList {
  const winners = new Map<string, { folder: TemplateFolder; source: string; overrides?: string }>();
  for (const source of sources) {
    for (const folder of source.templates) {
      const previous = winners.get(folder.name);
      const entry: { folder: TemplateFolder; source: string; overrides?: string } = { folder, source: source.label };
      if (previous) entry.overrides = previous.source;
      winners.set(folder.name, entry);
    }
  }
  const templates: ServiceTemplate[] = [];
  const rejected: RejectedTemplate[] = [];
  for (const name of [...winners.keys()].sort()) {
    const { folder, source, overrides } = winners.get(name)!;
    const { template, issues } = checkTemplate(folder, source);
    if (template) {
      if (overrides !== undefined) template.overrides = overrides;
      templates.push(template);
    } else {
      rejected.push({ name, source, issues });
    }
  }
  return { templates, rejected, issues: rejected.flatMap((entry) => entry.issues) };
}
