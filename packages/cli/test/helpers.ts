import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { makeIssue, type Issue, type LoadedService, type ProjectSpec, type ServiceSpec } from '@twinform/spec';
import { createContext, type CliContext, type CliIo, type GlobalOptions } from '../src/context';
import type { Generator, LoadResult, PipelineStages } from '../src/pipeline';
import type { ProjectSource } from '../src/disk-source';

/** A temporary folder with the given files; returns its path. */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'twinform-cli-'));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export const removeProject = (root: string): void => rmSync(root, { recursive: true, force: true });

/** Every file under root (project-relative, sorted) with its content. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export interface CapturedIo extends CliIo {
  stdout: string;
  stderr: string;
}

export function captureIo(cwd: string, env: Record<string, string | undefined> = {}): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    out: (text) => {
      io.stdout += text;
    },
    err: (text) => {
      io.stderr += text;
    },
    env,
    cwd,
    isTTY: false,
  };
  return io;
}

export function contextFor(io: CliIo, options: Partial<GlobalOptions> = {}): CliContext {
  return createContext({ json: false, quiet: false, color: true, ...options }, io);
}

/** A YAML file the fake loader reads: errors carry file:line:col like the real loader's. */
function readYaml(source: ProjectSource, file: string): { value?: unknown; issues: Issue[] } {
  const read = source.readFile(file);
  if (!read.ok) return { issues: [makeIssue('error', 'io', read.reason, { file })] };
  const lineCounter = new LineCounter();
  const document = parseDocument(read.content, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const { line, col } = lineCounter.linePos(document.errors[0]!.pos[0]);
    return { issues: [makeIssue('error', 'syntax', 'the file is not valid YAML', { file, line, col })] };
  }
  return { value: document.toJS(), issues: [] };
}

/**
 * Stand-ins for the real loader and generators, small enough to reason about in assertions:
 * services/<name>/service.yaml with name, image and port; compose gets one service per spec,
 * Kubernetes one Deployment per spec.
 */
export const fakeStages: PipelineStages = {
  load(source): LoadResult {
    const project = readYaml(source, 'twinform.yaml');
    if (project.issues.length > 0) return { errors: project.issues, warnings: [] };
    const errors: Issue[] = [];
    const warnings: Issue[] = [];
    const services: LoadedService[] = [];
    for (const file of source.glob(['services/*/service.yaml'])) {
      const spec = readYaml(source, file);
      errors.push(...spec.issues);
      if (spec.value === undefined) continue;
      const value = spec.value as ServiceSpec & { warn?: string };
      if (value.warn) warnings.push(makeIssue('warning', 'advice', value.warn, { file, line: 1, col: 1 }));
      services.push({ spec: value, file, dir: dirname(file), pointer: '' });
    }
    if (errors.length > 0) return { errors, warnings };
    return {
      value: { projectFile: 'twinform.yaml', project: project.value as ProjectSpec, services, assets: {} },
      errors,
      warnings,
    };
  },
  generators: [
    (project) => ({
      documents: [
        {
          path: project.project.output?.compose ?? 'docker-compose.yml',
          value: {
            name: project.project.name,
            services: Object.fromEntries(
              project.services.map((service) => [
                service.spec.name,
                {
                  image: service.spec.image,
                  ports: (service.spec.ports ?? []).map((port) => `${port.port}:${port.port}`),
                },
              ]),
            ),
          },
          sources: project.services.map((service) => service.file),
        },
      ],
      issues: [],
      gitignore: ['.env'],
    }),
    (project) => ({
      documents: project.services.map((service) => ({
        path: `${project.project.output?.kubernetes ?? 'k8s'}/base/${service.spec.name}/deployment.yaml`,
        value: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: service.spec.name },
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: service.spec.name,
                    image: service.spec.image,
                    ports: (service.spec.ports ?? []).map((port) => ({ name: port.name, containerPort: port.port })),
                  },
                ],
              },
            },
          },
        },
        sources: [service.file],
      })),
      issues: [],
    }),
  ] satisfies Generator[],
};

export const serviceYaml = (name: string, port: number, extra = ''): string =>
  `name: ${name}\nimage: ghcr.io/acme/${name}:1.0.0\nports:\n  - name: http\n    port: ${port}\n${extra}`;

export const BASIC_PROJECT = {
  'twinform.yaml': 'name: shop\n',
  'services/backend/service.yaml': serviceYaml('backend', 3001),
  'services/frontend/service.yaml': serviceYaml('frontend', 3000),
};
