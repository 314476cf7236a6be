import { posix } from 'node:path';
import { parseDocument } from 'yaml';
import { fromCompose, loadComposeProject, toCompose } from '@twinform/compose';
import { fromKubernetes, toKubernetes, type ManifestInput } from '@twinform/kubernetes';
import {
  applyEnvironment,
  bodyHash,
  DEFAULT_SERVICE_FILES,
  globToRegExp,
  loadProject,
  makeIssue,
  parseGeneratedFile,
  projectSettings,
  renderDocument,
  sortIssues,
  toYaml,
  type Issue,
  type LoadedProject,
  type LoadedService,
  type ProjectSettings,
  type ProjectSource,
  type ProjectSpec,
  type ServiceSpec,
  type SourcePosition,
} from '@twinform/spec';
import { formatValue } from '../render';
import {
  clone,
  deepEqual,
  diffValues,
  isPlainObject,
  pathText,
  toPointer,
  type Step,
  type ValueChange,
} from '../values';
import { nameMaps, renameSpec } from './canonical';
import {
  firstChangedLine,
  headerHash,
  keepsChange,
  lineOfPath,
  parseOutput,
  parseStream,
  type ParsedOutput,
} from './outputs';
import { applyOperation, routeChange, setOperations, valueAtSegments, type RoutePolicy } from './route';
import { schemaKeyOrder } from './schema-order';
import type { AdoptConflict, AdoptInput, AdoptPlan, EditedOutput, EditLocation, SpecOperation } from './types';
import { editYaml, type YamlOperation } from './yaml-edit';

/** The outputs whose edits are adopted together, and how their changes reach the spec. */
interface Context {
  kind: 'compose' | 'kubernetes' | 'overlay';
  /** The environment the outputs render (undefined = the Kubernetes base). */
  environment?: string;
  policy: RoutePolicy;
  /** For overlays: the project-relative overlay folder. */
  folder?: string;
  files: EditedOutput[];
}

/** The spec files as plain values while candidate changes are tried. */
interface State {
  files: Map<string, unknown>;
  services: LoadedService[];
  assets: Record<string, string>;
  /** Files a change creates (new service specs), with their text. */
  created: Map<string, string>;
}

type Applied = { ok: true; operations: SpecOperation[] } | { ok: false; reason: string };

/** One change the edit may mean; the smallest set of them that keeps every hand change is adopted. */
interface Candidate {
  label: string;
  /** The hand edit it comes from (refined to the line of the hand change it is needed for). */
  from: EditLocation;
  apply(state: State, from: EditLocation): Applied;
}

/** One hand change of one output, and where it is read back after regenerating. */
interface HandChange {
  file: string;
  /** Key of the rendering it is checked in (the file, or the overlay folder). */
  target: string;
  change: ValueChange;
}

interface Imported {
  project: ProjectSpec;
  services: Map<string, { spec: ServiceSpec; origins: Record<string, SourcePosition> }>;
  issues: Issue[];
}

interface Analysis {
  context: Context;
  candidates: Candidate[];
  changes: HandChange[];
  render: (state: State) => Map<string, unknown>;
  /** The imports of the outputs as generated and as edited (their issues explain what cannot be kept). */
  before?: Imported;
  after?: Imported;
}

const SPEC_PARSE = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

const segmentsOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * Works out how to fold hand edits of generated files back into the spec. Pure: the CLI reads
 * the files and writes the result. For each group of edited outputs (the compose file, the
 * Kubernetes base, one overlay) it imports the output as generated and as edited, turns the
 * difference into candidate spec changes, and keeps the smallest set of them with which `gen`
 * writes every value the person changed. What no spec change can produce is reported (file:line,
 * why) and that group is left alone; edits of two groups that disagree are conflicts, and then
 * nothing is adopted.
 */
export function planAdoption(input: AdoptInput): AdoptPlan {
  const settings = projectSettings(input.loaded.project);
  const issues: Issue[] = [];
  const leftAlone: string[] = [];
  const adopted: string[] = [];
  const original = initialState(input);
  const analyses: Analysis[] = [];

  for (const context of groupContexts(input.edits, settings, issues, leftAlone)) {
    const analysis = analyse(context, input, settings, issues);
    if (!analysis) {
      leftAlone.push(...context.files.map((file) => file.path));
      continue;
    }
    const selected = minimalCandidates(analysis, original, issues);
    if (!selected) {
      leftAlone.push(...context.files.map((file) => file.path));
      continue;
    }
    analyses.push({ ...analysis, candidates: selected });
  }

  const conflicts = findConflicts(analyses, original);
  if (conflicts.length > 0) {
    return {
      operations: [],
      specFiles: {},
      adopted: [],
      leftAlone: [
        ...leftAlone,
        ...analyses.flatMap((analysis) => analysis.context.files.map((file) => file.path)),
      ].sort(),
      conflicts,
      issues: sortIssues(issues),
    };
  }

  const combined = cloneState(original);
  const operations: SpecOperation[] = [];
  for (const analysis of analyses) {
    for (const candidate of analysis.candidates) {
      const applied = candidate.apply(combined, candidate.from);
      if (applied.ok) operations.push(...applied.operations);
    }
    adopted.push(...analysis.context.files.map((file) => file.path));
  }

  const written = writeSpecFiles(input, combined, operations, issues);
  if (!written) {
    return {
      operations: [],
      specFiles: {},
      adopted: [],
      leftAlone: [...leftAlone, ...adopted].sort(),
      conflicts: [],
      issues: sortIssues(issues),
    };
  }
  return {
    operations,
    specFiles: written,
    adopted: adopted.sort(),
    leftAlone: leftAlone.sort(),
    conflicts: [],
    issues: sortIssues(issues),
  };
}

// ---- grouping ------------------------------------------------------------------------------

function groupContexts(
  edits: readonly EditedOutput[],
  settings: ProjectSettings,
  issues: Issue[],
  leftAlone: string[],
): Context[] {
  const contexts: Context[] = [];
  const base = `${settings.kubernetesDir}/base/`;
  const overlays = `${settings.kubernetesDir}/overlays/`;
  const contextFor = (key: Omit<Context, 'files'>): Context => {
    let found = contexts.find(
      (context) =>
        context.kind === key.kind && context.environment === key.environment && context.folder === key.folder,
    );
    if (!found) {
      found = { ...key, files: [] };
      contexts.push(found);
    }
    return found;
  };
  for (const edit of [...edits].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (edit.path === settings.composeFile) {
      contextFor({ kind: 'compose', environment: settings.localEnvironment, policy: 'prefer-base' }).files.push(edit);
    } else if (edit.path.startsWith(base)) {
      contextFor({ kind: 'kubernetes', policy: 'base' }).files.push(edit);
    } else if (edit.path.startsWith(overlays) && edit.path.slice(overlays.length).includes('/')) {
      const environment = edit.path.slice(overlays.length).split('/', 1)[0]!;
      contextFor({ kind: 'overlay', environment, policy: 'override', folder: `${overlays}${environment}` }).files.push(
        edit,
      );
    } else {
      leftAlone.push(edit.path);
      issues.push(
        makeIssue(
          'error',
          'loss',
          `${edit.path}: gen adopt reads back the compose file and the Kubernetes manifests only`,
          {
            file: edit.path,
            hint: 'make the change in the spec by hand, then run `gen --force`',
          },
        ),
      );
    }
  }
  const order = { compose: 0, kubernetes: 1, overlay: 2 };
  return contexts.sort(
    (a, b) => order[a.kind] - order[b.kind] || String(a.environment).localeCompare(String(b.environment)),
  );
}

// ---- state ---------------------------------------------------------------------------------

function initialState(input: AdoptInput): State {
  const files = new Map<string, unknown>();
  for (const [path, text] of Object.entries(input.specTexts)) {
    files.set(path, parseDocument(text, SPEC_PARSE).toJS({ maxAliasCount: -1 }) as unknown);
  }
  return { files, services: [...input.loaded.services], assets: { ...input.loaded.assets }, created: new Map() };
}

function cloneState(state: State): State {
  return {
    files: new Map([...state.files].map(([path, value]) => [path, clone(value)])),
    services: [...state.services],
    assets: { ...state.assets },
    created: new Map(state.created),
  };
}

function projectOf(state: State, loaded: LoadedProject): LoadedProject {
  const services = state.services
    .map((service) => ({
      ...service,
      spec: valueAtSegments(state.files.get(service.file), segmentsOf(service.pointer)) as ServiceSpec,
    }))
    .sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
  return {
    projectFile: loaded.projectFile,
    project: state.files.get(loaded.projectFile) as ProjectSpec,
    services,
    assets: state.assets,
  };
}

// ---- analysis of one context ------------------------------------------------------------------

function analyse(
  context: Context,
  input: AdoptInput,
  settings: ProjectSettings,
  issues: Issue[],
): Analysis | undefined {
  for (const file of context.files) {
    const hash = headerHash(file.edited);
    if (hash !== undefined && hash !== bodyHash(parseGeneratedFile(file.generated).body)) {
      issues.push(
        makeIssue(
          'error',
          'loss',
          `${file.path} was generated from an earlier spec: the spec changed since, so its edit cannot be told apart from that change`,
          {
            file: file.path,
            hint: 'make the edit in the spec by hand, then run `gen --force` (or undo the spec change, adopt, and redo it)',
          },
        ),
      );
      return undefined;
    }
  }
  const generatedByPath = new Map(input.generated.map((file) => [file.path, file.content]));
  const editedByPath = new Map(context.files.map((file) => [file.path, file.edited]));

  const changes = handChangesOf(context, generatedByPath, editedByPath, input, issues);
  if (!changes) return undefined;
  const render = renderer(context, input, settings);
  if (changes.length === 0) {
    for (const file of context.files) {
      issues.push(
        makeIssue(
          'info',
          'advice',
          `${file.path}: the edit changes only comments or formatting; regenerating replaces it`,
          {
            file: file.path,
          },
        ),
      );
    }
    return { context, candidates: [], changes, render };
  }

  const before = importContext(context, input, settings, generatedByPath, new Map());
  const after = importContext(context, input, settings, generatedByPath, editedByPath);
  if (!before.ok) {
    issues.push(
      makeIssue('error', 'io', `cannot read back ${context.files[0]!.path} as generated: ${before.reason}`, {
        file: context.files[0]!.path,
      }),
    );
    return undefined;
  }
  if (!after.ok) {
    issues.push(...after.issues);
    return undefined;
  }
  const candidates = candidatesOf(context, input, before.value, after.value, issues);
  if (!candidates) return undefined;
  return { context, candidates, changes, render, before: before.value, after: after.value };
}

function handChangesOf(
  context: Context,
  generated: ReadonlyMap<string, string>,
  edited: ReadonlyMap<string, string>,
  input: AdoptInput,
  issues: Issue[],
): HandChange[] | undefined {
  if (context.kind === 'overlay') {
    const renderOverlay = input.renderOverlay;
    if (!renderOverlay) {
      for (const file of context.files) {
        issues.push(
          makeIssue(
            'error',
            'loss',
            `${file.path}: adopting an overlay edit needs kubectl (it renders the overlay with \`kubectl kustomize\`), which is not on PATH`,
            {
              file: file.path,
              line: firstChangedLine(file.generated, file.edited),
              hint: `install kubectl, or make the change in environments.${context.environment} of the spec by hand and run \`gen --force\``,
            },
          ),
        );
      }
      return undefined;
    }
    const before = renderOverlay(generated, context.folder!);
    const after = renderOverlay(withEdits(generated, edited), context.folder!);
    for (const [rendered, which] of [
      [before, 'as generated'],
      [after, 'as edited'],
    ] as const) {
      if (!rendered.ok) {
        issues.push(
          makeIssue(
            'error',
            'loss',
            `kubectl kustomize ${context.folder} fails with the overlay ${which}: ${rendered.reason}`,
            {
              file: context.files[0]!.path,
              hint: 'fix the overlay so that `kubectl kustomize` renders it, then run gen adopt again',
            },
          ),
        );
        return undefined;
      }
    }
    const parsedBefore = parseStream((before as { text: string }).text);
    const parsedAfter = parseStream((after as { text: string }).text);
    if (!parsedBefore.ok || !parsedAfter.ok) return undefined;
    return diffValues(parsedBefore.value, parsedAfter.value).map((change) => ({
      file: context.files[0]!.path,
      target: context.folder!,
      change,
    }));
  }
  const changes: HandChange[] = [];
  for (const file of context.files) {
    const before = parseOutput(file.generated);
    const after = parseOutput(file.edited);
    if (!after.ok) {
      issues.push(
        makeIssue('error', 'syntax', `${file.path} is ${after.reason}`, {
          file: file.path,
          ...(after.line === undefined ? {} : { line: after.line }),
          hint: 'fix the YAML, then run gen adopt again',
        }),
      );
      return undefined;
    }
    if (!before.ok) return undefined;
    for (const change of diffValues(before.value, after.value))
      changes.push({ file: file.path, target: file.path, change });
  }
  return changes;
}

const withEdits = (generated: ReadonlyMap<string, string>, edited: ReadonlyMap<string, string>): Map<string, string> =>
  new Map([...generated, ...edited]);

type ImportOutcome = { ok: true; value: Imported } | { ok: false; reason: string; issues: Issue[] };

function importContext(
  context: Context,
  input: AdoptInput,
  settings: ProjectSettings,
  generated: ReadonlyMap<string, string>,
  edited: ReadonlyMap<string, string>,
): ImportOutcome {
  const files = withEdits(generated, edited);
  if (context.kind === 'compose') {
    const composeFile = settings.composeFile;
    const source = {
      readFile: (path: string) =>
        path === composeFile ? { ok: true as const, content: files.get(composeFile)! } : input.source.readFile(path),
    };
    // No .env and no shell variables: the generated file needs none, and secret values must never reach the spec.
    const loaded = loadComposeProject([composeFile], source, { env: {}, envFiles: [], projectName: settings.name });
    const errors = loaded.issues.filter((issue) => issue.severity === 'error');
    if (!loaded.model || errors.length > 0) {
      return { ok: false, reason: errors[0]?.message ?? 'it cannot be read', issues: errors };
    }
    const result = fromCompose(loaded.model, { projectName: settings.name });
    return { ok: true, value: imported(result.project, result.services, [...loaded.issues, ...result.issues]) };
  }
  const inputs: ManifestInput[] = [];
  const base = `${settings.kubernetesDir}/base/`;
  for (const [path, content] of files) {
    if (path.startsWith(base) && !path.endsWith('/kustomization.yaml')) inputs.push({ path, content });
  }
  if (context.kind === 'overlay') {
    const rendered = input.renderOverlay!(files, context.folder!);
    if (!rendered.ok) return { ok: false, reason: rendered.reason, issues: [] };
    const sources = [...files]
      .filter(([path]) => path.startsWith(`${context.folder}/`) && !path.endsWith('/kustomization.yaml'))
      .map(([path, content]) => ({ path, content }));
    const result = fromKubernetes(
      [{ path: `${context.folder}/kustomization.yaml`, content: rendered.text, renderedFrom: [...sources, ...inputs] }],
      { projectName: settings.name },
    );
    return { ok: true, value: imported(result.project, result.services, result.issues) };
  }
  const result = fromKubernetes(inputs, { projectName: settings.name });
  return { ok: true, value: imported(result.project, result.services, result.issues) };
}

function imported(
  project: ProjectSpec,
  services: ReadonlyArray<{ spec: ServiceSpec; origins: Record<string, SourcePosition> }>,
  issues: Issue[],
): Imported {
  return { project, services: new Map(services.map((service) => [service.spec.name, service])), issues };
}

// ---- candidates ----------------------------------------------------------------------------

/** Spec fields whose values are paths relative to the service folder (the compose import assumes services/<name>). */
const PATH_FIELDS: Array<readonly Step[]> = [
  ['build', 'context'],
  ['envFiles', -1],
  ['configs', -1, 'file'],
  ['volumes', -1, 'source'],
];

function rebasePaths(path: readonly Step[], value: unknown, from: string, to: string): unknown {
  if (from === to) return value;
  const rebase = (text: string): string =>
    text.startsWith('/') ? text : posix.normalize(posix.relative(to || '.', posix.join(from, text))) || '.';
  const visit = (at: readonly Step[], current: unknown): unknown => {
    const matches = PATH_FIELDS.some(
      (field) =>
        field.length === at.length &&
        field.every(
          (step, index) => step === -1 || step === at[index] || (typeof at[index] === 'object' && step === -1),
        ),
    );
    if (matches && typeof current === 'string') return rebase(current);
    if (Array.isArray(current)) return current.map((item, index) => visit([...at, index], item));
    if (isPlainObject(current)) {
      return Object.fromEntries(Object.entries(current).map(([key, child]) => [key, visit([...at, key], child)]));
    }
    return current;
  };
  return visit(path, value);
}

function candidatesOf(
  context: Context,
  input: AdoptInput,
  before: Imported,
  after: Imported,
  issues: Issue[],
): Candidate[] | undefined {
  const loadedByName = new Map(input.loaded.services.map((service) => [service.spec.name, service]));
  const effective = new Map(
    input.loaded.services.map((service) => [
      service.spec.name,
      applyEnvironment(service.spec, context.environment) as unknown,
    ]),
  );
  const maps = nameMaps(
    effective,
    new Map([...before.services].map(([name, service]) => [name, service.spec as unknown])),
    new Map([...after.services].map(([name, service]) => [name, service.spec as unknown])),
  );
  const candidates: Candidate[] = [];
  const firstFile = context.files[0]!.path;
  // Overlay fields are read from the rendered overlay; the edit itself is in the overlay's files.
  const overlayEdit = context.kind === 'overlay' ? overlayLocation(context) : undefined;
  const locate = (origins: Record<string, SourcePosition>, spec: unknown, path: readonly Step[]): EditLocation =>
    overlayEdit ?? originOf(origins, spec, path, firstFile);
  let failed = false;

  for (const name of [...new Set([...before.services.keys(), ...after.services.keys()])].sort()) {
    const previous = before.services.get(name);
    const next = after.services.get(name);
    const loaded = loadedByName.get(name);
    if (!next) {
      failed = true;
      issues.push(
        makeIssue(
          'error',
          'loss',
          `service ${name} was removed from ${describeContext(context)}; gen adopt does not delete services`,
          {
            file: firstFile,
            hint: `to remove it from every output, delete its spec (${loaded?.file ?? `services/${name}/service.yaml`}) and run \`gen\``,
          },
        ),
      );
      continue;
    }
    if (!previous || !loaded) {
      const spec = renameSpec(name, next.spec, maps.edited) as ServiceSpec;
      candidates.push(newServiceCandidate(context, input, name, spec, locate(next.origins, spec, [])));
      continue;
    }
    const beforeSpec = renameSpec(name, previous.spec, maps.unedited);
    const afterSpec = renameSpec(name, next.spec, maps.edited);
    for (const change of diffValues(beforeSpec, afterSpec)) {
      candidates.push(serviceCandidate(context, loaded, change, locate(next.origins, afterSpec, change.path)));
    }
  }
  for (const change of diffValues(before.project, after.project)) {
    candidates.push(projectCandidate(context, input.loaded.projectFile, change, overlayEdit ?? { file: firstFile }));
  }
  return failed ? undefined : candidates;
}

function overlayLocation(context: Context): EditLocation {
  const file = context.files.find((candidate) => candidate.generated !== candidate.edited) ?? context.files[0]!;
  return { file: file.path, line: firstChangedLine(file.generated, file.edited) };
}

function describeContext(context: Context): string {
  if (context.kind === 'compose') return context.files[0]!.path;
  if (context.kind === 'overlay') return `the ${context.environment} overlay`;
  return 'the Kubernetes base';
}

/** The edited output's file:line of an imported field (its nearest ancestor with a known origin). */
function originOf(
  origins: Record<string, SourcePosition>,
  spec: unknown,
  path: readonly Step[],
  fallbackFile: string,
): EditLocation {
  const segments: Array<string | number> = [];
  let current = spec;
  for (const step of path) {
    if (Array.isArray(current)) {
      const index =
        typeof step === 'object'
          ? current.findIndex((item) => isPlainObject(item) && item.name === step.name)
          : Number(step);
      if (index < 0) break;
      segments.push(index);
      current = current[index];
    } else {
      segments.push(String(step));
      current = isPlainObject(current) ? current[String(step)] : undefined;
    }
  }
  for (let length = segments.length; length >= 0; length -= 1) {
    const found = origins[toPointer(segments.slice(0, length))];
    if (found) return { file: found.file, line: found.line };
  }
  return { file: fallbackFile };
}

/** The path of a change in the effective spec, with named steps turned into indexes (new items go last). */
function effectivePath(
  effective: unknown,
  path: readonly Step[],
  kind: ValueChange['kind'],
): Array<string | number> | undefined {
  const concrete: Array<string | number> = [];
  let current = effective;
  for (let index = 0; index < path.length; index += 1) {
    const step = path[index]!;
    const last = index === path.length - 1;
    if (Array.isArray(current)) {
      let found =
        typeof step === 'object'
          ? current.findIndex((item) => isPlainObject(item) && item.name === step.name)
          : typeof step === 'number' && step < current.length
            ? step
            : -1;
      if (found < 0) {
        if (!(last && kind === 'add')) return undefined;
        found = current.length;
      }
      concrete.push(found);
      current = current[found];
    } else if (typeof step === 'string' && (current === undefined || isPlainObject(current))) {
      concrete.push(step);
      current = isPlainObject(current) ? current[step] : undefined;
    } else {
      return undefined;
    }
  }
  return concrete;
}

/**
 * The compose file carries one healthcheck: the readiness probe, else liveness, else startup
 * (composeProbe in @twinform/compose). The import reads it back as readiness; a change to it
 * belongs to the probe it came from.
 */
function composeProbePath(effective: unknown, path: readonly Step[]): Step[] {
  if (path[0] !== 'health' || path[1] !== 'readiness') return [...path];
  const health = isPlainObject(effective) && isPlainObject(effective.health) ? effective.health : {};
  if (health.readiness !== undefined) return [...path];
  const kind = health.liveness !== undefined ? 'liveness' : health.startup !== undefined ? 'startup' : 'readiness';
  return ['health', kind, ...path.slice(2)];
}

function serviceCandidate(
  context: Context,
  service: LoadedService,
  change: ValueChange,
  from: EditLocation,
): Candidate {
  const name = service.spec.name;
  return {
    label: `${name} ${pathText(change.path)}`,
    from,
    apply(state, from) {
      const current = state.services.find((candidate) => candidate.spec.name === name) ?? service;
      const prefix = segmentsOf(current.pointer);
      const fileValue = state.files.get(current.file);
      const spec = valueAtSegments(fileValue, prefix);
      if (!isPlainObject(spec)) return { ok: false, reason: 'the service spec is not a mapping' };
      const effective = applyEnvironment(spec as unknown as ServiceSpec, context.environment);
      const steps = context.kind === 'compose' ? composeProbePath(effective, change.path) : change.path;
      const path = effectivePath(effective, steps, change.kind);
      if (!path) return { ok: false, reason: `${pathText(change.path)} has no place in the spec` };
      const value =
        context.kind === 'compose' && change.after !== undefined
          ? rebasePaths(steps, change.after, `services/${name}`, current.dir)
          : change.after;
      const routed = routeChange(fileValue, prefix, context.environment, context.policy, {
        path,
        remove: change.kind === 'remove',
        value,
      });
      if (!routed.ok) return routed;
      return { ok: true, operations: applyAll(state, current.file, routed.operations, from) };
    },
  };
}

function projectCandidate(context: Context, projectFile: string, change: ValueChange, from: EditLocation): Candidate {
  return {
    label: `project ${pathText(change.path)}`,
    from,
    apply(state, from) {
      if (context.kind === 'overlay') {
        return { ok: false, reason: 'project settings are the same in every environment' };
      }
      const fileValue = state.files.get(projectFile);
      const path = effectivePath(fileValue, change.path, change.kind);
      if (!path) return { ok: false, reason: `${pathText(change.path)} has no place in ${projectFile}` };
      const operations: YamlOperation[] =
        change.kind === 'remove'
          ? [{ op: 'remove', path: toPointer(path) }]
          : setOperations(fileValue, [], path, change.after);
      return { ok: true, operations: applyAll(state, projectFile, operations, from) };
    },
  };
}

function newServiceCandidate(
  context: Context,
  input: AdoptInput,
  name: string,
  spec: ServiceSpec,
  from: EditLocation,
): Candidate {
  const file = `services/${name}/service.yaml`;
  return {
    label: `new service ${name}`,
    from,
    apply(state, from) {
      if (context.kind === 'overlay') return { ok: false, reason: 'an environment cannot add a service of its own' };
      const project = state.files.get(input.loaded.projectFile) as ProjectSpec | undefined;
      const patterns = project?.serviceFiles ?? DEFAULT_SERVICE_FILES;
      if (!patterns.some((pattern) => globToRegExp(pattern).test(file))) {
        return { ok: false, reason: `${file} would not be found by serviceFiles in ${input.loaded.projectFile}` };
      }
      if (state.files.has(file) || input.source.readFile(file).ok)
        return { ok: false, reason: `${file} already exists` };
      state.files.set(file, clone(spec));
      state.created.set(file, toYaml(spec));
      state.services.push({ spec, file, dir: posix.dirname(file), pointer: '' });
      return { ok: true, operations: [{ file, op: 'add', path: '', value: clone(spec), from }] };
    },
  };
}

function applyAll(
  state: State,
  file: string,
  operations: readonly YamlOperation[],
  from: EditLocation,
): SpecOperation[] {
  let value = state.files.get(file);
  for (const operation of operations) value = applyOperation(value, operation);
  state.files.set(file, value);
  return operations.map((operation) => ({ file, ...operation, from }));
}

// ---- rendering and choosing ------------------------------------------------------------------

function renderer(
  context: Context,
  input: AdoptInput,
  settings: ProjectSettings,
): (state: State) => Map<string, unknown> {
  return (state) => {
    const rendered = new Map<string, unknown>();
    const project = projectOf(state, input.loaded);
    try {
      if (context.kind === 'compose') {
        const document = toCompose(project).documents.find((candidate) => candidate.path === settings.composeFile);
        if (document) rendered.set(settings.composeFile, readBack(parseOutput(toYaml(document.value))));
        return rendered;
      }
      const documents = toKubernetes(project).documents;
      if (context.kind === 'kubernetes') {
        for (const file of context.files) {
          const document = documents.find((candidate) => candidate.path === file.path);
          if (document) rendered.set(file.path, readBack(parseOutput(toYaml(document.value))));
        }
        return rendered;
      }
      const files = new Map(
        documents
          .filter((document) => document.path.startsWith(`${settings.kubernetesDir}/`))
          .map((document) => [document.path, renderDocument(document).content]),
      );
      const stream = input.renderOverlay!(files, context.folder!);
      if (stream.ok) rendered.set(context.folder!, readBack(parseStream(stream.text)));
    } catch {
      // A spec the candidate changes made unusable renders nothing, so it keeps no hand change.
    }
    return rendered;
  };
}

const readBack = (parsed: ParsedOutput): unknown => (parsed.ok ? parsed.value : undefined);

function keptChanges(analysis: Analysis, state: State): boolean[] {
  const rendered = analysis.render(state);
  return analysis.changes.map(
    (hand) => rendered.has(hand.target) && keepsChange(rendered.get(hand.target), hand.change),
  );
}

function tryCandidates(
  analysis: Analysis,
  candidates: readonly Candidate[],
  original: State,
): { kept: boolean[]; failures: Map<Candidate, string> } {
  const state = cloneState(original);
  const failures = new Map<Candidate, string>();
  for (const candidate of candidates) {
    const applied = candidate.apply(state, candidate.from);
    if (!applied.ok) failures.set(candidate, applied.reason);
  }
  return { kept: keptChanges(analysis, state), failures };
}

/**
 * Drops every candidate the hand changes do not need (changes the import saw only because another
 * value changed: a probe that named the old port number, a route the proxy config still points
 * at the old port). Reports the hand changes that even all candidates together do not keep.
 */
function minimalCandidates(analysis: Analysis, original: State, issues: Issue[]): Candidate[] | undefined {
  if (analysis.changes.length === 0) return [];
  const all = tryCandidates(analysis, analysis.candidates, original);
  const missed = analysis.changes.filter((_, index) => !all.kept[index]);
  if (missed.length > 0) {
    for (const hand of missed) issues.push(unrepresentable(analysis, hand, all.failures, original));
    return undefined;
  }
  let selected = analysis.candidates.filter((candidate) => !all.failures.has(candidate));
  const needed = new Map<Candidate, HandChange>();
  for (let index = selected.length - 1; index >= 0; index -= 1) {
    const without = selected.filter((_, position) => position !== index);
    const trial = tryCandidates(analysis, without, original);
    if (trial.kept.every(Boolean) && trial.failures.size === 0) selected = without;
    else {
      const lost = analysis.changes.find((_, position) => !trial.kept[position]);
      if (lost) needed.set(selected[index]!, lost);
    }
  }
  // The line of the hand change a candidate is needed for says best where it comes from.
  return selected.map((candidate) => {
    const hand = needed.get(candidate);
    const edited = hand && analysis.context.files.find((file) => file.path === hand.file);
    if (!hand || !edited || analysis.context.kind === 'overlay') return candidate;
    const line = lineOfPath(edited.edited, hand.change.path);
    return { ...candidate, from: { file: hand.file, ...(line === undefined ? {} : { line }) } };
  });
}

function unrepresentable(
  analysis: Analysis,
  hand: HandChange,
  failures: ReadonlyMap<Candidate, string>,
  original: State,
): Issue {
  const edited = analysis.context.files.find((file) => file.path === hand.file);
  const line =
    analysis.context.kind === 'overlay'
      ? firstChangedLine(edited?.generated ?? '', edited?.edited ?? '')
      : edited
        ? lineOfPath(edited.edited, hand.change.path)
        : undefined;
  const where =
    analysis.context.kind === 'overlay' && typeof hand.change.path[0] === 'string'
      ? `${hand.change.path[0]} ${pathText(hand.change.path.slice(1))}`
      : pathText(hand.change.path);
  const what =
    hand.change.kind === 'remove'
      ? 'removed'
      : hand.change.kind === 'add'
        ? `set to ${formatValue(hand.change.after)}`
        : `changed from ${formatValue(hand.change.before)} to ${formatValue(hand.change.after)}`;
  const known = new Set((analysis.before?.issues ?? []).map((issue) => issue.message));
  const news = (analysis.after?.issues ?? []).filter((issue) => issue.severity !== 'info' && !known.has(issue.message));
  // The import's own words for what it could not keep: at the same line, else in the same file.
  const reason =
    news.find((issue) => issue.file === hand.file && issue.line === line) ??
    news.find((issue) => analysis.context.kind === 'overlay' || issue.file === hand.file);
  const failure = [...failures].find(
    ([candidate]) => candidate.from.file === hand.file && candidate.from.line === line,
  )?.[1];
  let why: string;
  let hint = 'change the spec instead (a `patches` entry can set a value for one target only), then run `gen --force`';
  if (reason) {
    why = reason.message.replace(/\.$/, '');
    if (reason.hint) hint = reason.hint;
  } else if (failure) {
    why = failure;
  } else {
    const rendered = analysis.render(original).get(hand.target);
    why = `no spec change makes gen write it (from the spec, gen writes ${formatValue(valueAt(rendered, hand.change.path))} there)`;
  }
  return makeIssue('error', 'loss', `${where} ${what}: the spec cannot represent this edit: ${why}`, {
    file: hand.file,
    ...(line === undefined ? {} : { line }),
    hint,
  });
}

function valueAt(root: unknown, path: readonly Step[]): unknown {
  let current = root;
  for (const step of path) {
    if (Array.isArray(current)) {
      current =
        typeof step === 'object'
          ? current.find((item) => isPlainObject(item) && item.name === step.name)
          : current[Number(step)];
    } else if (isPlainObject(current) && typeof step === 'string') current = current[step];
    else return undefined;
  }
  return current;
}

// ---- conflicts -------------------------------------------------------------------------------

const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

function findConflicts(analyses: readonly Analysis[], original: State): AdoptConflict[] {
  const conflicts: AdoptConflict[] = [];
  const alone = analyses.map((analysis) => {
    const state = cloneState(original);
    const operations = analysis.candidates.flatMap((candidate) => {
      const applied = candidate.apply(state, candidate.from);
      return applied.ok ? applied.operations : [];
    });
    return { analysis, state, operations };
  });
  for (let i = 0; i < alone.length; i += 1) {
    for (let j = i + 1; j < alone.length; j += 1) {
      const first = alone[i]!;
      const second = alone[j]!;
      for (const a of first.operations) {
        for (const b of second.operations) {
          if (a.file !== b.file || !related(a.path, b.path)) continue;
          const deeper = a.path.length >= b.path.length ? a.path : b.path;
          const valueA = valueAtSegments(first.state.files.get(a.file), segmentsOf(deeper));
          const valueB = valueAtSegments(second.state.files.get(b.file), segmentsOf(deeper));
          if (deepEqual(valueA, valueB)) continue;
          if (conflicts.some((conflict) => conflict.file === a.file && conflict.path === deeper)) continue;
          conflicts.push({
            file: a.file,
            path: deeper,
            edits: [
              { ...a.from, value: valueA },
              { ...b.from, value: valueB },
            ],
            message: `${a.file} ${deeper}: ${where(a.from)} says ${formatValue(valueA)}, ${where(b.from)} says ${formatValue(valueB)}`,
          });
        }
      }
    }
  }
  if (conflicts.length > 0 || alone.length < 2) return conflicts;

  // Edits of different places can still contradict each other through what gen writes.
  const combined = cloneState(original);
  for (const analysis of analyses) {
    for (const candidate of analysis.candidates) {
      const applied = candidate.apply(combined, candidate.from);
      if (applied.ok) continue;
      const others = analyses
        .filter((other) => other !== analysis)
        .flatMap((other) => other.context.files.map((file) => file.path));
      conflicts.push({
        file: '',
        path: '',
        edits: [{ ...candidate.from, value: null }],
        message: `${where(candidate.from)} (${candidate.label}) cannot be adopted together with the edits of ${others.join(', ')}: ${applied.reason}`,
      });
    }
  }
  if (conflicts.length > 0) return conflicts;
  for (const analysis of analyses) {
    const kept = keptChanges(analysis, combined);
    analysis.changes.forEach((hand, index) => {
      if (kept[index]) return;
      const others = analyses
        .filter((other) => other !== analysis)
        .flatMap((other) => other.context.files.map((file) => file.path));
      const edited = analysis.context.files.find((file) => file.path === hand.file);
      const line =
        edited && analysis.context.kind !== 'overlay' ? lineOfPath(edited.edited, hand.change.path) : undefined;
      const becomes = valueAt(analysis.render(combined).get(hand.target), hand.change.path);
      conflicts.push({
        file: '',
        path: '',
        edits: [
          { file: hand.file, ...(line === undefined ? {} : { line }), value: hand.change.after ?? null },
          { file: others.join(', '), value: becomes ?? null },
        ],
        message: `${hand.file}${line === undefined ? '' : `:${line}`} ${pathText(hand.change.path)} says ${formatValue(hand.change.after)}, but with the edits of ${others.join(', ')} gen would write ${formatValue(becomes)} there`,
      });
    });
  }
  return conflicts;
}

const where = (location: EditLocation): string =>
  location.line === undefined ? location.file : `${location.file}:${location.line}`;

// ---- writing ---------------------------------------------------------------------------------

function writeSpecFiles(
  input: AdoptInput,
  state: State,
  operations: readonly SpecOperation[],
  issues: Issue[],
): Record<string, string> | undefined {
  const texts: Record<string, string> = {};
  const files = [...new Set(operations.map((operation) => operation.file))];
  for (const file of files) {
    const created = state.created.get(file);
    if (created !== undefined) {
      texts[file] = created;
      continue;
    }
    const kind = file === input.loaded.projectFile ? 'project' : 'service';
    const edited = editYaml(
      input.specTexts[file] ?? '',
      operations.filter((operation) => operation.file === file),
      schemaKeyOrder(input.schemas, kind),
    );
    if (!edited.ok) {
      issues.push(
        makeIssue('error', 'io', `cannot change ${file}: ${edited.reason}`, { file, hint: 'make the change by hand' }),
      );
      return undefined;
    }
    const readBackValue = parseDocument(edited.text, SPEC_PARSE).toJS({ maxAliasCount: -1 }) as unknown;
    if (!deepEqual(readBackValue, state.files.get(file))) {
      issues.push(
        makeIssue('error', 'io', `cannot change ${file} in place without changing what it means`, {
          file,
          hint: 'make the change by hand (the spec patch is shown with --dry-run)',
        }),
      );
      return undefined;
    }
    texts[file] = edited.text;
  }
  const source: ProjectSource = {
    readFile: (path) => (path in texts ? { ok: true, content: texts[path]! } : input.source.readFile(path)),
    glob: (patterns) => {
      const found = new Set(input.source.glob(patterns));
      const matchers = patterns.map(globToRegExp);
      for (const path of Object.keys(texts)) if (matchers.some((matcher) => matcher.test(path))) found.add(path);
      return [...found].sort();
    },
  };
  const reloaded = loadProject(source);
  if (reloaded.errors.length > 0) {
    for (const error of reloaded.errors) {
      // Said at the edit it comes from: the spec file was never changed.
      const operation =
        operations.find(
          (candidate) =>
            candidate.file === error.file &&
            error.pointer !== undefined &&
            (error.pointer === candidate.path ||
              error.pointer.startsWith(`${candidate.path}/`) ||
              candidate.path.startsWith(`${error.pointer}/`)),
        ) ??
        operations.find((candidate) => candidate.file === error.file) ??
        operations[0];
      const from = operation?.from;
      issues.push(
        makeIssue(
          'error',
          'invalid-value',
          `the edit cannot be adopted: it would make ${error.file ?? 'the spec'} invalid: ${error.message}`,
          {
            ...(from
              ? { file: from.file, ...(from.line === undefined ? {} : { line: from.line }) }
              : error.file
                ? { file: error.file }
                : {}),
            hint: `undo or correct the edit${error.hint ? ` (${error.hint})` : ''}`,
          },
        ),
      );
    }
    return undefined;
  }
  return texts;
}
