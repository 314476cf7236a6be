import { posix } from 'node:path';
import { HEADER_MARK, makeIssue, sortIssues } from '@twinform/spec';
import type { Issue, SourcePosition } from '@twinform/spec';
import { dotenvValues, parseDotenv } from './dotenv';
import { interpolate } from './interpolate';
import type { VariableLookup } from './interpolate';
import { mergeFiles, mergeService } from './merge';
import type { ComposeFileResource, ComposeModel, ComposeResource, ComposeService } from './model';
import { CRONJOB_PROFILE, CRONJOB_SCHEDULE_LABEL } from '../toCompose';
import { normalizeService } from './normalize';
import { emptyRecord, own } from '@twinform/spec';
import { parseSecretTemplate } from './secret-template';
import { child, entry, mapNode, parseYamlFile, scalarText, toPlain } from './yaml-nodes';
import type { YEntry, YMap, YNode } from './yaml-nodes';

export type ReadResult = { ok: true; content: string } | { ok: false; reason: string };

/** Where the loader reads files from: project-relative paths with '/' separators. */
export interface ComposeSource {
  readFile(path: string): ReadResult;
}

export interface LoadComposeOptions {
  /** The shell environment; it wins over .env files, as in compose. */
  env: Record<string, string>;
  /** Profiles to enable (default: COMPOSE_PROFILES from env). '*' enables all. */
  profiles?: string[];
  /** Env files for interpolation (--env-file); default: '.env' in the project folder, if present. */
  envFiles?: string[];
  /** Project name when the files do not set `name:` (default: COMPOSE_PROJECT_NAME, then the folder name). */
  projectName?: string;
}

export interface LoadComposeResult {
  model?: ComposeModel;
  issues: Issue[];
}

const RESOURCE_SECTIONS = ['volumes', 'networks', 'secrets', 'configs'] as const;
/** The compose specification's pattern for service names. */
const COMPOSE_SERVICE_NAME = /^[a-zA-Z0-9._-]+$/;
const TOP_LEVEL = new Set(['name', 'services', 'include', ...RESOURCE_SECTIONS]);

/**
 * Resolves a compose project the way `docker compose -f A -f B config` does: .env and
 * --env-file, interpolation, include, extends, merging of the files in order, profiles, and the
 * long form of every short syntax. Pure: files come from `source`; problems come back as issues.
 */
export function loadComposeProject(
  files: string[],
  source: ComposeSource,
  options: LoadComposeOptions,
): LoadComposeResult {
  return new ProjectLoader(source, options).load(files);
}

/** Normalises a path given by a user or written in a file ('./a/../b' → 'b', '' → '.'). */
export function normalizePath(path: string): string {
  const normalized = posix.normalize(path.replace(/\\/g, '/'));
  return normalized === '' ? '.' : normalized.replace(/\/$/, '') || '/';
}

const leavesRoot = (path: string): boolean => path === '..' || path.startsWith('../') || path.startsWith('/');

interface FileContext {
  baseDir: string;
  lookup: VariableLookup;
}

class ProjectLoader {
  private readonly issues: Issue[] = [];
  private readonly baseDirs = new Map<string, string>();
  private readonly extendsFiles = new Map<string, YMap | undefined>();
  private readonly warnedVariables = new Set<string>();
  private readonly generatedFiles = new Set<string>();
  private readonly reportedCycles = new Set<string>();
  private inputFiles: string[] = [];
  private readonly variables = emptyRecord<string>();
  private projectDir = '.';

  constructor(
    private readonly source: ComposeSource,
    private readonly options: LoadComposeOptions,
  ) {}

  load(inputFiles: string[]): LoadComposeResult {
    if (inputFiles.length === 0) {
      this.error({ file: '', line: 1, col: 1 }, 'io', 'No compose file was given.', 'Pass at least one compose file.');
      return this.result();
    }
    const files = inputFiles.map(normalizePath);
    this.inputFiles = files;
    this.projectDir = posix.dirname(files[0]!);
    this.loadVariables();
    const lookup: VariableLookup = (name) => own(this.variables, name);
    let merged: YMap | undefined;
    for (const file of files) {
      const loaded = this.loadFile(file, { baseDir: this.projectDir, lookup }, [file]);
      if (!loaded) continue;
      merged = merged ? mergeFiles(merged, loaded) : loaded;
    }
    if (this.hasErrors() || !merged) return this.result();
    const model = this.buildModel(merged);
    if (this.hasErrors()) return this.result();
    return { model, issues: sortIssues(this.issues) };
  }

  private result(): LoadComposeResult {
    return { issues: sortIssues(this.issues) };
  }

  private hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }

  private error(at: SourcePosition, code: Issue['code'], message: string, hint: string): void {
    this.issues.push(makeIssue('error', code, message, { ...at, hint }));
  }

  /** The source's answer, made safe: a source that throws or returns something odd reads as "cannot read". */
  private readSource(path: string): ReadResult {
    try {
      const result = this.source.readFile(path);
      if (result && result.ok && typeof result.content === 'string') return result;
      return { ok: false, reason: result && !result.ok ? String(result.reason) : 'it cannot be read' };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  // -- variables ------------------------------------------------------------------------------

  private loadVariables(): void {
    const shell = this.options.env;
    const explicit = this.options.envFiles !== undefined;
    const envFiles = explicit
      ? this.options.envFiles!.map(normalizePath)
      : [normalizePath(posix.join(this.projectDir, '.env'))];
    const fromFiles = emptyRecord<string>();
    for (const file of envFiles) {
      const read = this.readSource(file);
      if (!read.ok) {
        if (explicit)
          this.error(
            { file, line: 1, col: 1 },
            'io',
            `Cannot read env file ${file}: ${read.reason}.`,
            'Check the --env-file path.',
          );
        continue;
      }
      Object.assign(
        fromFiles,
        this.readDotenv(file, read.content, (name) => own(shell, name) ?? own(fromFiles, name)),
      );
    }
    for (const [name, value] of [...Object.entries(fromFiles), ...Object.entries(shell)]) this.variables[name] = value;
  }

  private readDotenv(file: string, content: string, lookup: VariableLookup): Record<string, string> {
    const parsed = parseDotenv(content, lookup);
    for (const problem of parsed.problems) {
      this.error(
        { file, line: problem.line, col: 1 },
        'syntax',
        `${file}: ${problem.message}.`,
        'Write KEY=VALUE lines; quote values with spaces.',
      );
    }
    return dotenvValues(parsed);
  }

  // -- files ----------------------------------------------------------------------------------

  private read(file: string, at: SourcePosition | undefined, what: string): YMap | undefined {
    const read = this.readSource(file);
    if (read.ok && read.content.startsWith(HEADER_MARK)) this.generatedFiles.add(file);
    if (!read.ok) {
      this.error(
        at ?? { file, line: 1, col: 1 },
        'io',
        `Cannot read ${what} ${file}: ${read.reason}.`,
        'Check the path; it is relative to the compose file that names it.',
      );
      return undefined;
    }
    const parsed = parseYamlFile(read.content, file);
    this.issues.push(...parsed.issues);
    if (parsed.issues.some((issue) => issue.severity === 'error')) return undefined;
    const node = parsed.node ?? mapNode({ file, line: 1, col: 1 });
    if (node.kind === 'scalar' && node.value === null) return mapNode(node.pos);
    if (node.kind !== 'map') {
      this.error(
        node.pos,
        'invalid-value',
        `${file} must be a mapping with a services: section.`,
        'Start the file with `services:`.',
      );
      return undefined;
    }
    return node;
  }

  /** Reads, interpolates and resolves include and extends of one file. */
  private loadFile(file: string, context: FileContext, includeChain: string[], at?: SourcePosition): YMap | undefined {
    const node = this.read(file, at, 'compose file');
    if (!node) return undefined;
    if (!this.baseDirs.has(file)) this.baseDirs.set(file, context.baseDir);
    this.interpolateFile(node, context.lookup);
    const withIncludes = this.applyIncludes(node, context, includeChain);
    if (!withIncludes) return undefined;
    this.applyExtends(file, withIncludes, context);
    return withIncludes;
  }

  private interpolateFile(node: YMap, lookup: VariableLookup): void {
    for (const [key, item] of node.entries) {
      if (key.startsWith('x-')) continue;
      if (key === 'services' && item.value.kind === 'map') {
        for (const service of item.value.entries.values()) {
          if (service.value.kind !== 'map') continue;
          for (const [field, value] of service.value.entries) {
            if (!field.startsWith('x-')) this.interpolateNode(value.value, lookup);
          }
        }
      } else this.interpolateNode(item.value, lookup);
    }
  }

  private interpolateNode(node: YNode, lookup: VariableLookup): void {
    if (node.kind === 'map') {
      for (const item of node.entries.values()) this.interpolateNode(item.value, lookup);
      return;
    }
    if (node.kind === 'seq') {
      for (const item of node.items) this.interpolateNode(item, lookup);
      return;
    }
    if (typeof node.value !== 'string' || !node.value.includes('$')) return;
    if (parseSecretTemplate(node.value)) {
      node.template = node.value;
      return;
    }
    const result = interpolate(node.value, lookup);
    if (result.problem) {
      if (result.problem.kind === 'required') {
        this.error(
          node.pos,
          'missing-field',
          `Required variable ${result.problem.variable} is not set (${node.pos.file}:${node.pos.line})${result.problem.detail ? `: ${result.problem.detail}` : ''}.`,
          `Set ${result.problem.variable} in the shell, in .env next to the compose file, or in a file passed with --env-file.`,
        );
      } else {
        this.error(node.pos, 'syntax', `Cannot interpolate: ${result.problem.message}.`, 'Write a literal $ as $$.');
      }
      return;
    }
    for (const variable of result.unset) {
      if (this.warnedVariables.has(variable)) continue;
      this.warnedVariables.add(variable);
      this.issues.push(
        makeIssue(
          'warning',
          'unresolved-reference',
          `Variable ${variable} is not set; compose substitutes an empty string.`,
          {
            ...node.pos,
            hint: `Set ${variable} in the shell, in .env next to the compose file, or pass --env-file; or give a default: \${${variable}:-value}.`,
          },
        ),
      );
    }
    if (node.value.replace(/\$\$/g, '').includes('$')) node.template = node.value;
    node.value = result.value;
    delete node.raw;
  }

  private resolveReference(path: string, baseDir: string, at: SourcePosition, what: string): string | undefined {
    const resolved = normalizePath(posix.join(baseDir, path));
    if (path.startsWith('/') || path.startsWith('~') || leavesRoot(resolved)) {
      this.error(
        at,
        'io',
        `The ${what} ${path} is outside the project folder.`,
        'Move the file into the folder of the first compose file (or import from a folder that contains both).',
      );
      return undefined;
    }
    return resolved;
  }

  private applyIncludes(node: YMap, context: FileContext, chain: string[]): YMap | undefined {
    const include = node.entries.get('include');
    if (!include) return node;
    const result: YMap = { ...node, entries: new Map(node.entries) };
    result.entries.delete('include');
    const items = include.value.kind === 'seq' ? include.value.items : [include.value];
    for (const item of items) {
      const spec = this.includeSpec(item);
      if (!spec) continue;
      const paths = spec.paths
        .map((path) => this.resolveReference(path.value, context.baseDir, path.at, 'included file'))
        .filter((path): path is string => path !== undefined);
      if (paths.length !== spec.paths.length) continue;
      const cycle = paths.find((path) => chain.includes(path));
      if (cycle) {
        this.error(
          item.pos,
          'cycle',
          `include forms a cycle: ${[...chain, cycle].join(' → ')}.`,
          'Remove the include that leads back to a file already being included.',
        );
        continue;
      }
      const projectDir = spec.projectDirectory
        ? this.resolveReference(
            spec.projectDirectory.value,
            context.baseDir,
            spec.projectDirectory.at,
            'project_directory',
          )
        : posix.dirname(paths[0]!);
      if (projectDir === undefined) continue;
      const includeLookup = this.includeLookup(spec.envFiles, context, projectDir);
      let included: YMap | undefined;
      for (const path of paths) {
        const loaded = this.loadFile(path, { baseDir: projectDir, lookup: includeLookup }, [...chain, path], item.pos);
        if (!loaded) return undefined;
        included = included ? mergeFiles(included, loaded) : loaded;
      }
      if (included) this.addIncluded(result, included, paths[0]!);
    }
    return result;
  }

  private includeSpec(item: YNode):
    | {
        paths: Array<{ value: string; at: SourcePosition }>;
        projectDirectory?: { value: string; at: SourcePosition };
        envFiles: Array<{ value: string; at: SourcePosition }>;
      }
    | undefined {
    const strings = (node: YNode | undefined): Array<{ value: string; at: SourcePosition }> => {
      if (!node) return [];
      const list = node.kind === 'seq' ? node.items : [node];
      return list
        .filter((value) => value.kind === 'scalar' && value.value !== null)
        .map((value) => ({ value: scalarText(value as never), at: value.pos }));
    };
    if (item.kind === 'scalar' && item.value !== null) return { paths: strings(item), envFiles: [] };
    if (item.kind !== 'map' || strings(child(item, 'path')).length === 0) {
      this.error(
        item.pos,
        'invalid-value',
        'An include entry must be a path, or a mapping whose path names at least one file.',
        'Write `include: [../common/compose.yaml]` or `include: [{path: ../common/compose.yaml}]`.',
      );
      return undefined;
    }
    const projectDirectory = strings(child(item, 'project_directory'))[0];
    return {
      paths: strings(child(item, 'path')),
      envFiles: strings(child(item, 'env_file')),
      ...(projectDirectory ? { projectDirectory } : {}),
    };
  }

  private includeLookup(
    envFiles: Array<{ value: string; at: SourcePosition }>,
    context: FileContext,
    projectDir: string,
  ): VariableLookup {
    const values = emptyRecord<string>();
    const defaults = envFiles.length > 0 ? envFiles : [{ value: '.env', at: undefined }];
    for (const envFile of defaults) {
      const base = envFiles.length > 0 ? context.baseDir : projectDir;
      const path = normalizePath(posix.join(base, envFile.value));
      if (leavesRoot(path)) continue;
      const read = this.readSource(path);
      if (!read.ok) {
        if (envFile.at)
          this.error(
            envFile.at,
            'io',
            `Cannot read env file ${path}: ${read.reason}.`,
            'Check the include env_file path.',
          );
        continue;
      }
      const found = this.readDotenv(
        path,
        read.content,
        (name) => own(this.options.env, name) ?? own(values, name) ?? context.lookup(name),
      );
      for (const [name, value] of Object.entries(found)) values[name] = value;
    }
    return (name) => own(this.options.env, name) ?? own(values, name) ?? context.lookup(name);
  }

  private addIncluded(target: YMap, included: YMap, includedFile: string): void {
    for (const section of ['services', ...RESOURCE_SECTIONS]) {
      const incoming = included.entries.get(section);
      if (!incoming || incoming.value.kind !== 'map') continue;
      const existing = target.entries.get(section);
      const merged: YMap =
        existing && existing.value.kind === 'map'
          ? { ...existing.value, entries: new Map(existing.value.entries) }
          : mapNode(incoming.value.pos);
      for (const [name, item] of incoming.value.entries) {
        const clash = merged.entries.get(name);
        if (clash) {
          this.error(
            clash.keyPos,
            'duplicate',
            `${section}.${name} is defined both here and in the included file ${includedFile}.`,
            `Rename one of them, or extend the included one with \`extends: {file: ${includedFile}, service: ${name}}\`.`,
          );
          continue;
        }
        merged.entries.set(name, item);
      }
      target.entries.set(section, { key: section, keyPos: existing?.keyPos ?? incoming.keyPos, value: merged });
    }
  }

  private applyExtends(file: string, node: YMap, context: FileContext): void {
    const services = node.entries.get('services');
    if (!services || services.value.kind !== 'map') return;
    const resolved = new Map<string, YEntry>();
    for (const [name, item] of services.value.entries) {
      const value = this.resolveExtends(file, node, name, [`${file}#${name}`], context);
      resolved.set(name, value ? { ...item, value } : item);
    }
    services.value.entries = resolved;
  }

  private resolveExtends(
    file: string,
    fileNode: YMap,
    name: string,
    chain: string[],
    context: FileContext,
  ): YNode | undefined {
    const service = child(child(fileNode, 'services'), name);
    if (!service) return undefined;
    const extendsEntry = entry(service, 'extends');
    if (!extendsEntry || service.kind !== 'map') return service;
    const spec = extendsEntry.value;
    let baseName: string | undefined;
    let baseFileText: { value: string; at: SourcePosition } | undefined;
    if (spec.kind === 'scalar' && spec.value !== null) baseName = scalarText(spec);
    else if (spec.kind === 'map') {
      const serviceNode = child(spec, 'service');
      const fileValue = child(spec, 'file');
      if (serviceNode?.kind === 'scalar' && serviceNode.value !== null) baseName = scalarText(serviceNode);
      if (fileValue?.kind === 'scalar' && fileValue.value !== null)
        baseFileText = { value: scalarText(fileValue), at: fileValue.pos };
    }
    if (!baseName) {
      this.error(
        extendsEntry.keyPos,
        'invalid-value',
        `extends of service ${name} names no service.`,
        'Write `extends: {service: base}` or `extends: {file: common.yaml, service: base}`.',
      );
      return undefined;
    }
    let baseFile = file;
    let baseFileNode: YMap | undefined = fileNode;
    let baseContext = context;
    if (baseFileText) {
      const path = this.resolveReference(baseFileText.value, posix.dirname(file), baseFileText.at, 'extended file');
      if (!path) return undefined;
      baseFile = path;
      if (!this.baseDirs.has(path)) this.baseDirs.set(path, posix.dirname(path));
      if (!this.extendsFiles.has(path)) {
        const loaded = path === file ? fileNode : this.read(path, baseFileText.at, 'extended file');
        if (loaded && loaded !== fileNode) this.interpolateFile(loaded, context.lookup);
        this.extendsFiles.set(path, loaded);
      }
      baseFileNode = this.extendsFiles.get(path);
      baseContext = { ...context, baseDir: this.baseDirs.get(path)! };
      if (!baseFileNode) return undefined;
    }
    const key = `${baseFile}#${baseName}`;
    if (chain.includes(key)) {
      // Each service of the cycle meets it; report it once.
      const members = [...chain.slice(chain.indexOf(key))].sort().join(' ');
      if (this.reportedCycles.has(members)) return undefined;
      this.reportedCycles.add(members);
      this.error(
        extendsEntry.keyPos,
        'cycle',
        `extends forms a cycle: ${[...chain, key].join(' → ')}.`,
        'Remove one of the extends so that no service extends itself.',
      );
      return undefined;
    }
    if (!child(child(baseFileNode, 'services'), baseName)) {
      this.error(
        extendsEntry.keyPos,
        'unresolved-reference',
        `Service ${name} extends ${baseName}, which is not defined in ${baseFile}.`,
        'Check the service name (and file) under extends.',
      );
      return undefined;
    }
    const base = this.resolveExtends(baseFile, baseFileNode, baseName, [...chain, key], baseContext);
    if (!base) return undefined;
    const own: YMap = { ...service, entries: new Map(service.entries) };
    own.entries.delete('extends');
    return mergeService(base, own);
  }

  // -- model ----------------------------------------------------------------------------------

  private resolvePath = (path: string, at: SourcePosition): string => {
    if (path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:[\\/]/.test(path)) return path;
    const baseDir = this.baseDirs.get(at.file) ?? this.projectDir;
    return normalizePath(posix.join(baseDir, path));
  };

  private buildModel(merged: YMap): ComposeModel {
    const model: ComposeModel = {
      name: this.projectName(merged),
      projectDir: this.projectDir,
      generatedByTwinform: this.inputFiles.every((file) => this.generatedFiles.has(file)),
      services: [],
      volumes: emptyRecord(),
      networks: emptyRecord(),
      secrets: emptyRecord(),
      configs: emptyRecord(),
      other: [],
      files: emptyRecord(),
      variables: Object.assign(emptyRecord<string>(), this.variables),
    };
    for (const [key, item] of merged.entries) {
      if (key.startsWith('x-') || TOP_LEVEL.has(key)) continue;
      model.other.push({ key, value: toPlain(item.value), at: item.keyPos });
    }
    for (const section of RESOURCE_SECTIONS) this.readResources(merged, section, model);
    const services = child(merged, 'services');
    if (services && services.kind !== 'map' && !(services.kind === 'scalar' && services.value === null)) {
      this.error(
        services.pos,
        'invalid-value',
        'services must be a mapping of service names to settings.',
        'Write `services:` followed by indented service names.',
      );
      return model;
    }
    const selected = this.selectedProfiles();
    const inactive = new Map<string, string[]>();
    const all: ComposeService[] = [];
    const context = {
      resolvePath: this.resolvePath,
      lookup: (name: string) => own(this.variables, name),
      issues: this.issues,
    };
    for (const [name, item] of services?.kind === 'map' ? services.entries : []) {
      if (!COMPOSE_SERVICE_NAME.test(name)) {
        this.error(
          item.keyPos,
          'invalid-value',
          `${JSON.stringify(name)} is not a valid compose service name.`,
          "Use letters, digits, '.', '_' and '-' (docker compose refuses other names).",
        );
        continue;
      }
      const service = normalizeService(name, item.keyPos, item.value, context);
      all.push(service);
      // twinform writes cronjobs under a profile (compose cannot schedule them); they are part of the project.
      const scheduled =
        service.labels[CRONJOB_SCHEDULE_LABEL] !== undefined &&
        service.profiles.every((profile) => profile === CRONJOB_PROFILE);
      const active =
        service.profiles.length === 0 ||
        scheduled ||
        selected.has('*') ||
        service.profiles.some((profile) => selected.has(profile));
      if (!active) {
        inactive.set(name, service.profiles);
        this.issues.push(
          makeIssue(
            'info',
            'loss',
            `Service ${name} is not imported: its profiles (${service.profiles.join(', ')}) are not enabled.`,
            {
              ...item.keyPos,
              hint: `Pass --profile ${service.profiles[0]} to import it.`,
            },
          ),
        );
        continue;
      }
      model.services.push(service);
    }
    const defined = new Set(all.map((service) => service.name));
    for (const service of model.services) this.checkReferences(service, model, defined, inactive);
    model.services.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.checkDependencyCycles(model.services);
    this.readServiceFiles(model);
    return model;
  }

  private projectName(merged: YMap): string {
    const nameNode = child(merged, 'name');
    const written = nameNode?.kind === 'scalar' && nameNode.value !== null ? scalarText(nameNode) : undefined;
    const folder = this.projectDir === '.' ? undefined : posix.basename(this.projectDir);
    const name =
      written ?? this.options.projectName ?? own(this.variables, 'COMPOSE_PROJECT_NAME') ?? folder ?? 'project';
    return name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
  }

  private selectedProfiles(): Set<string> {
    const profiles = this.options.profiles ?? (own(this.variables, 'COMPOSE_PROFILES') ?? '').split(',');
    return new Set(profiles.map((profile) => profile.trim()).filter((profile) => profile !== ''));
  }

  private readResources(merged: YMap, section: (typeof RESOURCE_SECTIONS)[number], model: ComposeModel): void {
    const node = child(merged, section);
    if (!node || (node.kind === 'scalar' && node.value === null)) return;
    if (node.kind !== 'map') {
      this.error(
        node.pos,
        'invalid-value',
        `${section} must be a mapping of names to definitions.`,
        `Write \`${section}:\` followed by indented names.`,
      );
      return;
    }
    for (const [name, item] of node.entries) {
      if (name.startsWith('x-')) continue;
      const definition = item.value.kind === 'map' ? (toPlain(item.value) as Record<string, unknown>) : {};
      const resource: ComposeResource = { name, at: item.keyPos, definition };
      if (section === 'volumes' || section === 'networks') {
        model[section][name] = resource;
        continue;
      }
      const fileResource: ComposeFileResource = resource;
      const fileNode = child(item.value, 'file');
      if (fileNode?.kind === 'scalar' && fileNode.value !== null)
        fileResource.file = this.resolvePath(scalarText(fileNode), fileNode.pos);
      const environment = definition.environment;
      if (typeof environment === 'string') fileResource.environment = environment;
      const content = definition.content;
      if (typeof content === 'string') fileResource.content = content;
      if (definition.external === true || (typeof definition.external === 'object' && definition.external !== null))
        fileResource.external = true;
      model[section][name] = fileResource;
    }
  }

  private checkReferences(
    service: ComposeService,
    model: ComposeModel,
    defined: Set<string>,
    inactive: Map<string, string[]>,
  ): void {
    service.dependsOn = service.dependsOn.filter((dependency) => {
      if (inactive.has(dependency.service)) {
        this.issues.push(
          makeIssue(
            'warning',
            'loss',
            `${service.name} depends on ${dependency.service}, which is not imported (profiles ${inactive.get(dependency.service)!.join(', ')} not enabled); the dependency is dropped.`,
            {
              ...dependency.at,
              hint: `Pass --profile ${inactive.get(dependency.service)![0]} to import ${dependency.service} too.`,
            },
          ),
        );
        return false;
      }
      if (!defined.has(dependency.service)) {
        if (dependency.required === false) return false;
        this.error(
          dependency.at,
          'unresolved-reference',
          `${service.name} depends on ${dependency.service}, which is not defined.`,
          'Define the service or remove it from depends_on.',
        );
        return false;
      }
      return true;
    });
    for (const mount of service.volumes) {
      if (mount.type === 'volume' && mount.source !== undefined && !own(model.volumes, mount.source)) {
        this.error(
          mount.at,
          'unresolved-reference',
          `${service.name} mounts volume ${mount.source}, which is not declared under the top-level volumes.`,
          `Add \`volumes: {${mount.source}: {}}\` at the top level.`,
        );
      }
    }
    for (const [field, section] of [
      ['secrets', 'secrets'],
      ['configs', 'configs'],
    ] as const) {
      for (const mount of service[field]) {
        if (!own(model[section], mount.source)) {
          this.error(
            mount.at,
            'unresolved-reference',
            `${service.name} uses ${field.slice(0, -1)} ${mount.source}, which is not declared under the top-level ${section}.`,
            `Declare it: \`${section}: {${mount.source}: {file: ./${mount.source}}}\`.`,
          );
        }
      }
    }
  }

  /** compose refuses depends_on cycles (nothing could start first); so does the import. */
  private checkDependencyCycles(services: ComposeService[]): void {
    const byName = new Map(services.map((service) => [service.name, service]));
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (service: ComposeService, path: string[]): void => {
      state.set(service.name, 'visiting');
      for (const dependency of service.dependsOn) {
        const target = byName.get(dependency.service);
        if (!target) continue;
        if (state.get(target.name) === 'visiting') {
          const cycle = [...path.slice(path.indexOf(target.name)), target.name];
          this.error(
            dependency.at,
            'cycle',
            `depends_on forms a cycle: ${cycle.join(' → ')}.`,
            'Remove one of these dependencies; compose cannot start any of them first.',
          );
        } else if (state.get(target.name) === undefined) visit(target, [...path, target.name]);
      }
      state.set(service.name, 'done');
    };
    for (const service of services) if (!state.has(service.name)) visit(service, [service.name]);
  }

  private readServiceFiles(model: ComposeModel): void {
    // One issue per env_file entry as written, even when an anchor repeats it in many services.
    const missing = new Map<
      string,
      { at: SourcePosition; path: string; reason: string; required: boolean; services: string[] }
    >();
    for (const service of model.services) {
      service.envFiles = service.envFiles.filter((envFile) => {
        if (own(model.files, envFile.path) !== undefined) return true;
        const read = leavesRoot(envFile.path)
          ? { ok: false as const, reason: 'it is outside the project folder' }
          : this.readSource(envFile.path);
        if (read.ok) {
          model.files[envFile.path] = read.content;
          return true;
        }
        const key = `${envFile.at.file}:${envFile.at.line}:${envFile.at.col}:${envFile.path}`;
        const entry = missing.get(key) ?? {
          at: envFile.at,
          path: envFile.path,
          reason: read.reason,
          required: envFile.required,
          services: [],
        };
        entry.services.push(service.name);
        missing.set(key, entry);
        return false;
      });
    }
    for (const entry of missing.values()) {
      const users = `${entry.services.length === 1 ? 'service' : 'services'} ${entry.services.join(', ')}`;
      if (entry.required) {
        this.error(
          entry.at,
          'io',
          `Cannot read env_file ${entry.path} of ${users}: ${entry.reason}.`,
          'Create the file, fix the path, or mark it `required: false` (long syntax: `- path: ...`).',
        );
      } else {
        this.issues.push(
          makeIssue(
            'info',
            'loss',
            `Optional env_file ${entry.path} of ${users} does not exist; it is skipped, as compose does.`,
            { ...entry.at },
          ),
        );
      }
    }
    for (const service of model.services) {
      for (const mount of service.configs) {
        const config = own(model.configs, mount.source);
        if (!config?.file || own(model.files, config.file) !== undefined) continue;
        const read =
          leavesRoot(config.file) || config.file.startsWith('~')
            ? { ok: false as const, reason: 'it is outside the project folder' }
            : this.readSource(config.file);
        if (read.ok) model.files[config.file] = read.content;
        else {
          this.issues.push(
            makeIssue(
              'warning',
              'loss',
              `Config ${config.name} is not imported: its file ${config.file} cannot be read (${read.reason}).`,
              {
                ...config.at,
                hint: 'Copy the file into the project folder and point `file:` at it, then import again.',
              },
            ),
          );
        }
      }
    }
  }
}
