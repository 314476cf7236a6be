#!/usr/bin/env node
// `npm run fuzz`: property-based fuzzing (fast-check) of everything that reads untrusted input.
// Real specs (examples/*, test/fixtures/golden/*), compose files (../shared/corpus when present,
// plus the compose files generated from the specs) and Kubernetes manifests (corpus and generated)
// are mutated: keys deleted or renamed, values replaced by other types and hostile strings, trees
// nested deeply, text truncated or spliced with YAML syntax, tabs, BOMs and invalid characters.
// Each case goes through `gen validate` + `gen` (load → generate → render), `gen import compose`
// and `gen import k8s` (import → load the imported spec → generate), in-process via the package
// APIs, and a sample of cases through the real CLI process in a sandbox.
//
// Invariant: every case ends with a result or a clear error (an Issue list): no exception, no
// malformed issue, no JavaScript error text in a message, no output path leaving the project, no
// case running longer than --case-timeout, and (CLI) no stack trace, no exit code outside 0-2, no
// file written outside the case's output folder, no temporary file left behind.
//
// Usage: node scripts/fuzz.mjs [--seconds 60] [--runs N] [--seed N] [--case-timeout 10000]
//          [--cli-every 25] [--findings .fuzz-work/findings] [--json FILE] [--no-build] [--quiet]
// Exit code: 0 when no invariant was broken, 1 otherwise (findings are written to --findings).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { clearInterval, setInterval, setTimeout, clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'packages/cli/package.json'));
const genBin = join(repoRoot, 'packages/cli/bin/gen.js');
const corpusRoot = join(repoRoot, '..', 'shared', 'corpus');

/** Signs of a crash or of an internal error leaking into what the user reads. */
const CRASH_TEXT = [
  /\n\s+at .+:\d+:\d+\)?/,
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError)\b/,
  /internal error/i,
  /Maximum call stack size exceeded/,
  /is not a function|Cannot read propert|Cannot convert undefined|of undefined \(reading/,
  /\[object Object\]/,
];
/** Sloppy but not broken: reported, not failing. */
const VAGUE_TEXT = /\bundefined\b|\bNaN\b/;

// ---------------------------------------------------------------------------------------------
// Sources: the real inputs the mutations start from

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'expected', 'k8s', 'dist']);
const MAX_SOURCE_FILE = 256 * 1024;

/** Text files of a project folder (project-relative), without generated outputs. */
function readProject(folder) {
  const files = {};
  const walk = (current, prefix) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const absolute = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!(prefix === '' && SKIPPED_FOLDERS.has(entry.name)) && entry.name !== 'node_modules') walk(absolute, path);
      } else if (entry.isFile() && statSync(absolute).size <= MAX_SOURCE_FILE && path !== 'docker-compose.yml') {
        const content = readFileSync(absolute);
        if (!content.includes(0)) files[path] = content.toString('utf8');
      }
    }
  };
  walk(folder, '');
  return files;
}

function projectFolders() {
  const folders = [];
  for (const parent of ['examples', 'test/fixtures/golden']) {
    const absolute = join(repoRoot, parent);
    if (!existsSync(absolute)) continue;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(absolute, entry.name, 'twinform.yaml'))) {
        folders.push(`${parent}/${entry.name}`);
      }
    }
  }
  return folders.sort();
}

/** Compose apps and manifest sets of ../shared/corpus, each with the files next to it. */
function corpusSources() {
  const sources = { compose: [], k8s: [] };
  const manifestFile = join(corpusRoot, 'manifest.json');
  if (!existsSync(manifestFile)) return sources;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const entries = Array.isArray(manifest) ? manifest : (manifest.files ?? []);
  const readFolder = (folder, limit) => {
    const files = {};
    let total = 0;
    const walk = (current, prefix) => {
      for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const absolute = join(current, entry.name);
        const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory()) walk(absolute, path);
        else if (entry.isFile()) {
          const size = statSync(absolute).size;
          if (size > MAX_SOURCE_FILE || total + size > limit) continue;
          total += size;
          files[path] = readFileSync(absolute, 'utf8');
        }
      }
    };
    walk(join(corpusRoot, folder), '');
    return files;
  };
  const composeFiles = entries.filter((entry) => entry.kind === 'compose').map((entry) => entry.corpus_path);
  for (const path of composeFiles.sort()) {
    const folder = posix.dirname(path);
    sources.compose.push({ name: `corpus:${path}`, main: posix.basename(path), files: readFolder(folder, 512 * 1024) });
  }
  const manifestFolders = new Set(
    entries.filter((entry) => entry.kind === 'k8s').map((entry) => posix.dirname(entry.corpus_path)),
  );
  for (const folder of [...manifestFolders].sort()) {
    const files = Object.fromEntries(
      Object.entries(readFolder(folder, 512 * 1024)).filter(([path]) => /\.(ya?ml|json)$/.test(path)),
    );
    if (Object.keys(files).length > 0) sources.k8s.push({ name: `corpus:${folder}`, files });
  }
  return sources;
}

// ---------------------------------------------------------------------------------------------
// The worker: runs cases in-process, with fast-check generating (and shrinking) the mutations

function runWorker() {
  const fc = require('fast-check');
  const YAML = require('yaml');
  const spec = require('@twinform/spec');
  const compose = require('@twinform/compose');
  const kubernetes = require('@twinform/kubernetes');
  const cli = require(join(repoRoot, 'packages/cli/dist/index.js'));
  const { importFiles } = require(join(repoRoot, 'packages/cli/dist/commands/import-k8s.js'));
  const { sources: rawSources, seed: firstSeed, deadline, maxRuns, cliEvery, startIndex } = workerData;

  const post = (message) => parentPort.postMessage(message);
  const stages = cli.defaultStages();
  // Warnings a library prints to stderr (e.g. yaml's "Keys with collection values") reach users
  // as noise: count them against the case that caused them instead of printing them.
  let runtimeWarnings = [];
  process.removeAllListeners('warning');
  process.on('warning', (warning) => runtimeWarnings.push(`${warning.name}: ${warning.message}`.slice(0, 200)));

  /** Spec projects, plus compose files and manifests generated from them. */
  const sources = { spec: rawSources.spec, compose: [...rawSources.compose], k8s: [...rawSources.k8s] };
  for (const project of rawSources.spec) {
    const result = cli.runPipeline(spec.createMemorySource(project.files), stages);
    const composeFile = result.files.find((file) => file.path === 'docker-compose.yml');
    if (composeFile) {
      sources.compose.push({
        name: `generated:${project.name}`,
        main: 'docker-compose.yml',
        files: { ...project.files, 'docker-compose.yml': composeFile.content },
      });
    }
    const manifests = result.files.filter((file) => file.path.startsWith('k8s/base/'));
    if (manifests.length > 0) {
      sources.k8s.push({
        name: `generated:${project.name}`,
        files: Object.fromEntries(manifests.map((file) => [file.path, file.content])),
      });
    }
  }
  const targets = ['spec', 'compose', 'k8s'].filter((target) => sources[target].length > 0);
  post({ type: 'sources', counts: Object.fromEntries(targets.map((target) => [target, sources[target].length])) });

  // -- arbitraries ---------------------------------------------------------------------------
  const hostileStrings = fc.constantFrom(
    '',
    ' ',
    'yes',
    'no',
    'off',
    '0644',
    '1e3',
    '0x1F',
    '.inf',
    '~',
    'null',
    '..',
    '../../outside/x',
    '/etc/passwd',
    'C:\\Windows',
    'a\u0000b',
    '__proto__',
    'constructor',
    'toString',
    '${',
    '${x.y}',
    '${api.http}',
    '$$',
    '${VAR:?missing}',
    '${A:-${B:-${C}}}',
    'A=B',
    'MY VAR',
    '\uFEFF',
    '\uFFFD',
    '\uD800',
    'é😀',
    'x'.repeat(5000),
    'UPPER_case',
    '-leading-dash',
    'http://${ghost.http}/x',
    '99999',
    '-1',
    '65536',
  );
  const hostileValue = fc.oneof(
    { weight: 4, arbitrary: hostileStrings },
    { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 65536, 1e3, 0.5, -0.5, 2 ** 53, [], {}, [[[]]]) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer() },
  );
  const hostileKey = fc.oneof(
    fc.constantFrom(
      '__proto__',
      'constructor',
      '',
      ' ',
      'Image',
      'image ',
      'x-extra',
      '<<',
      'name',
      'kind',
      'apiVersion',
      'A=B',
      '..',
    ),
    fc.string({ maxLength: 16 }),
  );
  const hostileText = fc.oneof(
    fc.constantFrom(
      '\t',
      '"',
      "'",
      '[',
      '{',
      ']',
      '}',
      ': ',
      ':',
      '\n  ',
      '\n',
      '  ',
      '&a ',
      '*a',
      '<<: *a\n',
      '!!binary ',
      '!Ref ',
      '---\n',
      '...\n',
      '\uFEFF',
      '\u0000',
      '\u0007',
      '\uFFFD',
      '\uD800',
      '%YAML 1.1\n',
      '? ',
      '- ',
      '#',
      '${',
      '$$',
      '\\',
      '\r\n',
      '|\n',
      '>-\n',
    ),
    fc.string({ maxLength: 8 }),
  );
  // Structural changes keep the file parseable and reach deeper stages; text changes attack the parsers.
  const mutation = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete'), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename'), at: fc.nat(), key: hostileKey }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace'), at: fc.nat(), value: hostileValue }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-type'), at: fc.nat() }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('tweak'),
        at: fc.nat(),
        delta: fc.integer({ min: -100_000, max: 100_000 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate'), at: fc.nat(), to: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('shuffle'), at: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('nest'), at: fc.nat(), depth: fc.integer({ min: 1, max: 300 }) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate'), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: hostileText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace-char'), at: fc.nat(), text: hostileText }) },
  );
  const caseArbitrary = fc.record({
    target: fc.constantFrom(...targets),
    source: fc.nat(),
    file: fc.nat(),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  });

  // -- mutations -----------------------------------------------------------------------------
  const TEXT_MUTATIONS = new Set(['truncate', 'insert', 'replace-char']);

  /** Every [parent, key] in a JSON-like tree, depth first, at most `limit`. */
  function slots(root, limit = 5000) {
    const found = [];
    const stack = [root];
    while (stack.length > 0 && found.length < limit) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        node.forEach((child, index) => {
          found.push([node, index]);
          if (child && typeof child === 'object') stack.push(child);
        });
      } else if (node && typeof node === 'object') {
        for (const key of Object.keys(node)) {
          found.push([node, key]);
          if (node[key] && typeof node[key] === 'object') stack.push(node[key]);
        }
      }
    }
    return found;
  }

  const clone = (value) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

  function swapType(value) {
    if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : [value];
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (value === null) return {};
    if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
    return Object.values(value);
  }

  function applyStructural(documents, change) {
    const all = documents.flatMap((document, index) => [[documents, index], ...slots(document)]);
    if (all.length === 0) return;
    const [parent, key] = all[change.at % all.length];
    switch (change.kind) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key, 1);
        else delete parent[key];
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          const value = parent[key];
          delete parent[key];
          Object.defineProperty(parent, change.key, { value, enumerable: true, configurable: true, writable: true });
        }
        break;
      case 'replace':
        parent[key] = clone(change.value);
        break;
      case 'swap-type':
        parent[key] = swapType(parent[key]);
        break;
      case 'tweak': {
        const value = parent[key];
        if (typeof value === 'number') parent[key] = value + change.delta;
        else if (typeof value === 'string')
          parent[key] = change.delta % 2 === 0 ? value.toUpperCase() : `${value}${change.delta}`;
        else parent[key] = change.delta;
        break;
      }
      case 'duplicate': {
        const [toParent, toKey] = all[change.to % all.length];
        toParent[toKey] = clone(parent[key]);
        break;
      }
      case 'shuffle': {
        // Reverses a list or the key order of a mapping: the same content, another order.
        const value = parent[key];
        if (Array.isArray(value)) value.reverse();
        else if (value && typeof value === 'object') parent[key] = Object.fromEntries(Object.entries(value).reverse());
        break;
      }
      case 'nest': {
        let value = parent[key];
        for (let level = 0; level < change.depth; level += 1) value = level % 2 === 0 ? [value] : { k: value };
        parent[key] = value;
        break;
      }
    }
  }

  function applyText(text, change) {
    const at = text.length === 0 ? 0 : change.at % (text.length + 1);
    if (change.kind === 'truncate') return text.slice(0, at);
    if (change.kind === 'insert') return `${text.slice(0, at)}${change.text}${text.slice(at)}`;
    return `${text.slice(0, at)}${change.text}${text.slice(at + 1)}`;
  }

  /** Mutates one YAML file: structural changes on the parsed documents, then text changes. */
  function mutateText(text, mutations) {
    let current = text;
    const structural = mutations.filter((change) => !TEXT_MUTATIONS.has(change.kind));
    if (structural.length > 0) {
      let documents;
      try {
        const parsed = YAML.parseAllDocuments(text, { maxAliasCount: 1000 });
        if (!Array.isArray(parsed) || parsed.some((document) => document.errors.length > 0))
          throw new Error('not YAML');
        documents = parsed.map((document) => document.toJS({ maxAliasCount: 1000 }));
      } catch {
        documents = undefined;
      }
      if (documents) {
        for (const change of structural) applyStructural(documents, change);
        current = documents
          .map((document) => YAML.stringify(document ?? null, { aliasDuplicateObjects: false, lineWidth: 0 }))
          .join('---\n');
      }
    }
    for (const change of mutations.filter((item) => TEXT_MUTATIONS.has(item.kind)))
      current = applyText(current, change);
    return current;
  }

  const isYaml = (path) => /\.(ya?ml|json)$/.test(path);

  /** The concrete input of a case: which source, which file, and the mutated files. */
  function materialize(testCase) {
    const list = sources[testCase.target];
    const source = list[testCase.source % list.length];
    const candidates = Object.keys(source.files).filter(isYaml).sort();
    const preferred =
      testCase.target === 'compose' ? [source.main, ...candidates.filter((path) => path !== source.main)] : candidates;
    const file = preferred[testCase.file % preferred.length];
    const files = { ...source.files, [file]: mutateText(source.files[file] ?? '', testCase.mutations) };
    return { source, file, files };
  }

  // -- invariants ----------------------------------------------------------------------------
  class Violation extends Error {
    constructor(kind, detail) {
      super(`${kind}: ${detail}`);
      this.kind = kind;
      this.detail = detail;
    }
  }

  const SEVERITIES = new Set(['error', 'warning', 'info']);
  const unsafePath = (path) =>
    typeof path !== 'string' ||
    path === '' ||
    path.includes('\0') ||
    path.startsWith('/') ||
    /^[A-Za-z]:[\\/]/.test(path) ||
    path.split(/[\\/]/).includes('..');

  function checkIssues(stage, issues, soft) {
    if (!Array.isArray(issues)) throw new Violation('malformed-issues', `${stage} returned issues that are not a list`);
    for (const issue of issues) {
      if (
        !issue ||
        !SEVERITIES.has(issue.severity) ||
        typeof issue.message !== 'string' ||
        issue.message.trim() === ''
      ) {
        throw new Violation('malformed-issue', `${stage}: ${JSON.stringify(issue).slice(0, 300)}`);
      }
      for (const field of ['line', 'col']) {
        if (issue[field] !== undefined && !(Number.isInteger(issue[field]) && issue[field] >= 1)) {
          throw new Violation(
            'malformed-issue',
            `${stage}: ${field} ${issue[field]} in ${JSON.stringify(issue).slice(0, 300)}`,
          );
        }
      }
      const text = `${issue.message} ${issue.hint ?? ''}`;
      const crash = CRASH_TEXT.find((pattern) => pattern.test(text));
      if (crash) throw new Violation('unclear-error', `${stage}: ${issue.message.slice(0, 200)}`);
      if (VAGUE_TEXT.test(text))
        soft.push({ kind: 'vague-message', detail: `${stage}: ${issue.message.slice(0, 200)}` });
    }
  }

  const stage = (name, action) => {
    try {
      return action();
    } catch (error) {
      if (error instanceof Violation) throw error;
      const stack = String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n');
      throw new Violation('crash', `${name} threw ${stack}`);
    }
  };

  /** load → generate → render of a project held in memory. */
  function generateProject(label, files, soft) {
    const result = stage(`${label} gen`, () => cli.runPipeline(spec.createMemorySource(files), stages));
    checkIssues(`${label} gen`, result.issues, soft);
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    if (result.files.length === 0 && errors.length === 0) {
      throw new Violation('silent-failure', `${label} gen produced no files and no error`);
    }
    for (const file of result.files) {
      if (unsafePath(file.path)) throw new Violation('escape', `${label} gen would write ${JSON.stringify(file.path)}`);
    }
    return result;
  }

  function importedProject(label, result, soft) {
    checkIssues(`${label} import`, result.issues, soft);
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0 || result.services.length === 0) return 'refused';
    const files = stage(`${label} import files`, () => importFiles(result, join(tmpdir(), 'twinform-fuzz-out')));
    const written = {};
    for (const file of files) {
      if (unsafePath(file.path))
        throw new Violation('escape', `${label} import would write ${JSON.stringify(file.path)}`);
      written[file.path] = file.content;
    }
    const generated = generateProject(`${label} imported spec`, written, soft);
    if (generated.issues.some((issue) => issue.severity === 'error')) {
      soft.push({
        kind: 'import-invalid-spec',
        detail: generated.issues
          .filter((issue) => issue.severity === 'error')
          .slice(0, 2)
          .map((issue) => `${issue.file ?? ''}:${issue.line ?? ''} ${issue.message}`)
          .join(' | ')
          .slice(0, 300),
      });
      return 'imported-invalid';
    }
    return 'imported';
  }

  function runTarget(testCase, input, soft) {
    if (testCase.target === 'spec') {
      const result = generateProject('spec', input.files, soft);
      return result.files.length > 0 ? 'generated' : 'refused';
    }
    if (testCase.target === 'compose') {
      const loaded = stage('compose load', () =>
        compose.loadComposeProject([input.file], spec.createMemorySource(input.files), {
          env: {},
          projectName: 'fuzz',
        }),
      );
      checkIssues('compose load', loaded.issues, soft);
      if (!loaded.model) {
        if (!loaded.issues.some((issue) => issue.severity === 'error')) {
          throw new Violation('silent-failure', 'compose load returned no model and no error');
        }
        return 'refused';
      }
      const imported = stage('compose import', () =>
        compose.fromCompose(loaded.model, { composeDir: posix.dirname(input.file) }),
      );
      return importedProject('compose', imported, soft);
    }
    const inputs = Object.entries(input.files).map(([path, content]) => ({ path, content }));
    const imported = stage('k8s import', () => kubernetes.fromKubernetes(inputs, { projectName: 'fuzz' }));
    return importedProject('k8s', imported, soft);
  }

  // -- the loop ------------------------------------------------------------------------------
  let index = startIndex;
  const known = new Set(workerData.known);
  /** One signature per bug, not per input: object names, numbers, quoted values and paths are dropped. */
  const signature = (violation) => {
    const text = violation.detail
      .split('\n')
      .slice(0, 3)
      .join(' ')
      .replace(/\/[^\s)]+\//g, '')
      .replace(/:\d+:\d+/g, '');
    if (violation.kind !== 'unclear-error') return `${violation.kind}: ${text.replace(/\d+/g, 'N').slice(0, 240)}`;
    const [stage, ...rest] = text.split(': ');
    const message = rest
      .join(': ')
      .replace(/^[A-Z][A-Za-z]+ [^:]+: /, '')
      .split(/\s+/)
      .filter((word) => !/\d|['"`]/.test(word))
      .slice(0, 6)
      .join(' ');
    const pattern = CRASH_TEXT.find((candidate) => candidate.test(text));
    return `unclear-error: ${stage}: ${String(pattern)}: ${message}`;
  };

  function property(testCase) {
    if (Date.now() > deadline || index - startIndex >= maxRuns) return true;
    index += 1;
    const input = materialize(testCase);
    const caseInfo = {
      target: testCase.target,
      source: input.source.name,
      file: input.file,
      mutations: testCase.mutations,
    };
    post({ type: 'start', index, caseInfo, files: { [input.file]: input.files[input.file] } });
    const soft = [];
    runtimeWarnings = [];
    const started = Date.now();
    let outcome;
    try {
      outcome = runTarget(testCase, input, soft);
    } catch (error) {
      const violation = error instanceof Violation ? error : new Violation('crash', String(error?.stack ?? error));
      const key = signature(violation);
      post({ type: 'done', index, target: testCase.target, ms: Date.now() - started, outcome: violation.kind, soft });
      if (known.has(key)) return true;
      // A new kind of failure: fail the property so fast-check shrinks it to a minimal case.
      const failure = new Error(key);
      failure.violation = { kind: violation.kind, detail: violation.detail, key };
      throw failure;
    }
    for (const warning of runtimeWarnings) soft.push({ kind: 'runtime-warning', detail: warning });
    post({ type: 'done', index, target: testCase.target, ms: Date.now() - started, outcome, soft });
    if (cliEvery > 0 && index % cliEvery === 0) {
      post({ type: 'cli', index, caseInfo, target: testCase.target, file: input.file, files: input.files });
    }
    return true;
  }

  let seed = firstSeed;
  while (Date.now() < deadline && index - startIndex < maxRuns) {
    const result = fc.check(fc.property(caseArbitrary, property), {
      seed,
      numRuns: 1000,
      endOnFailure: true,
      interruptAfterTimeLimit: Math.max(1, deadline - Date.now()),
      markInterruptAsFailure: false,
    });
    if (result.failed && result.errorInstance?.violation) {
      const { violation } = result.errorInstance;
      known.add(violation.key);
      const [shrunk] = result.counterexample;
      const input = materialize(shrunk);
      post({
        type: 'finding',
        finding: {
          kind: violation.kind,
          key: violation.key,
          detail: violation.detail,
          seed,
          path: result.counterexamplePath,
          caseInfo: { target: shrunk.target, source: input.source.name, file: input.file, mutations: shrunk.mutations },
          files: { [input.file]: input.files[input.file] },
        },
      });
    } else if (result.failed) {
      post({ type: 'fuzzer-error', message: String(result.errorInstance?.stack ?? result.error).slice(0, 2000) });
    }
    seed = (seed * 1103515245 + 12345) % 2147483647;
  }
  post({ type: 'finished', index });
}

// ---------------------------------------------------------------------------------------------
// The main thread: options, the watchdog, the CLI sample, the report

function parseOptions(argv) {
  const options = {
    seconds: 60,
    runs: Infinity,
    seed: Date.now() % 2147483647,
    caseTimeout: 10_000,
    cliEvery: 25,
    findings: join(repoRoot, '.fuzz-work', 'findings'),
    json: undefined,
    build: true,
    quiet: false,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) usage(`${flag} needs a value`);
      return next;
    };
    const number = () => {
      const parsed = Number(value());
      if (!Number.isFinite(parsed) || parsed < 0) usage(`${flag} needs a non-negative number`);
      return parsed;
    };
    if (flag === '--seconds') options.seconds = number();
    else if (flag === '--runs') options.runs = number();
    else if (flag === '--seed') options.seed = Math.floor(number());
    else if (flag === '--case-timeout') options.caseTimeout = number();
    else if (flag === '--cli-every') options.cliEvery = Math.floor(number());
    else if (flag === '--findings') options.findings = resolve(process.cwd(), value());
    else if (flag === '--json') options.json = resolve(process.cwd(), value());
    else if (flag === '--no-build') options.build = false;
    else if (flag === '--quiet') options.quiet = true;
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown option ${flag}`);
  }
  return options;
}

function usage(problem) {
  const text =
    'Usage: node scripts/fuzz.mjs [--seconds 60] [--runs N] [--seed N] [--case-timeout MS] [--cli-every N]\n' +
    '                             [--findings DIR] [--json FILE] [--no-build] [--quiet]\n';
  if (problem) {
    process.stderr.write(`fuzz: ${problem}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

/** Every entry under a folder with kind, mode and content hash: any write shows up. */
function snapshotTree(root) {
  const entries = {};
  const walk = (folder, prefix) => {
    for (const name of readdirSync(folder).sort()) {
      const absolute = join(folder, name);
      const path = prefix === '' ? name : `${prefix}/${name}`;
      const stats = lstatSync(absolute);
      if (stats.isDirectory()) {
        entries[`${path}/`] = 'dir';
        walk(absolute, path);
      } else {
        entries[path] = `${stats.mode & 0o777} ${createHash('sha1').update(readFileSync(absolute)).digest('hex')}`;
      }
    }
  };
  walk(root, '');
  return entries;
}

function changedOutside(before, after, allowed) {
  const inside = (path) => allowed.some((prefix) => path === `${prefix}/` || path.startsWith(`${prefix}/`));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (path) => before[path] !== after[path] && !inside(path),
  );
}

/** One case through bin/gen.js in a sandbox; resolves to a finding or undefined. */
function runCliCase(job, timeoutMs) {
  const sandbox = mkdtempSync(join(tmpdir(), 'twinform-fuzz-'));
  const outside = join(sandbox, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'sentinel.txt'), 'must never change\n');
  const base = job.target === 'spec' ? 'project' : 'in';
  for (const [path, content] of Object.entries(job.files)) {
    const absolute = join(sandbox, base, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  const variants = {
    spec: [
      { args: [], cwd: 'project', allowed: ['project'] },
      { args: ['validate'], cwd: 'project', allowed: [] },
      { args: ['check', '--json'], cwd: 'project', allowed: [] },
    ],
    compose: [{ args: ['import', 'compose', `in/${job.file}`, '--out', 'out'], cwd: '.', allowed: ['out'] }],
    k8s: [{ args: ['import', 'k8s', 'in', '--out', 'out'], cwd: '.', allowed: ['out'] }],
  }[job.target];
  const variant = variants[job.index % variants.length];
  const before = snapshotTree(sandbox);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [genBin, ...variant.args], {
      cwd: join(sandbox, variant.cwd),
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: sandbox },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      if (output.length < 200_000) output += chunk;
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const command = `gen ${variant.args.join(' ')}`;
      let finding;
      let skipped = false;
      if (killed) finding = { kind: 'hang', detail: `${command} ran longer than ${timeoutMs} ms` };
      else if (code === 2 && /Unknown arguments?:.*\bimport\b/.test(output)) skipped = true;
      else if (code === null || code > 2) finding = { kind: 'crash', detail: `${command} exited with ${code}` };
      else {
        const crash = CRASH_TEXT.find((pattern) => pattern.test(output));
        if (crash) finding = { kind: 'crash', detail: `${command} printed ${crash}: ${output.slice(0, 1500)}` };
      }
      if (!finding && !skipped) {
        const after = snapshotTree(sandbox);
        const changes = changedOutside(before, after, variant.allowed);
        const leftovers = Object.keys(after).filter((path) => /\.tmp$|\.restore$|\.twinform-new-/.test(path));
        if (changes.length > 0)
          finding = { kind: 'escape', detail: `${command} changed ${changes.slice(0, 5).join(', ')}` };
        else if (leftovers.length > 0)
          finding = { kind: 'leftover', detail: `${command} left ${leftovers.join(', ')}` };
        else if (code === 1 && output.trim() === '')
          finding = { kind: 'silent-failure', detail: `${command} exited 1 silently` };
      }
      rmSync(sandbox, { recursive: true, force: true });
      resolve({ finding, skipped, ms: Date.now() - started, command, code });
    });
  });
}

function saveFinding(folder, number, finding) {
  const target = join(folder, `${String(number).padStart(3, '0')}-${finding.kind}`);
  mkdirSync(join(target, 'files'), { recursive: true });
  const { files, ...rest } = finding;
  writeFileSync(join(target, 'finding.json'), `${JSON.stringify(rest, null, 2)}\n`);
  for (const [path, content] of Object.entries(files ?? {})) {
    const absolute = join(target, 'files', path.replace(/\.\.(\/|$)/g, '__$1'));
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return relative(repoRoot, target);
}

async function runMain() {
  const options = parseOptions(process.argv.slice(2));
  const log = (text) => {
    if (!options.quiet) process.stdout.write(`${text}\n`);
  };
  if (options.build) {
    log('fuzz: building the CLI (tsc -b packages/cli/tsconfig.build.json)');
    try {
      execFileSync(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.build.json'],
        {
          cwd: repoRoot,
          stdio: 'pipe',
        },
      );
    } catch (error) {
      if (!existsSync(join(repoRoot, 'packages/cli/dist/index.js'))) {
        process.stderr.write(`fuzz: the build failed:\n${error.stdout ?? error}\n`);
        process.exit(2);
      }
      log('fuzz: the build reported type errors; fuzzing the JavaScript it emitted');
    }
  }

  const specSources = projectFolders().map((folder) => ({ name: folder, files: readProject(join(repoRoot, folder)) }));
  const corpus = corpusSources();
  if (corpus.compose.length === 0)
    log(`fuzz: ${relative(repoRoot, corpusRoot)} not found; fuzzing generated compose files and manifests only`);
  const sources = { spec: specSources, compose: corpus.compose, k8s: corpus.k8s };

  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const stats = {
    seed: options.seed,
    seconds: options.seconds,
    cases: 0,
    byTarget: {},
    outcomes: {},
    cli: { runs: 0, skipped: 0, byCommand: {} },
    soft: {},
    slowestCaseMs: 0,
    workerRestarts: 0,
    sources: {},
  };
  const findings = [];
  const softExamples = {};
  const findingKeys = new Set();
  const record = (finding) => {
    const key = finding.key ?? `${finding.kind}: ${finding.detail.slice(0, 160)}`;
    if (findingKeys.has(key)) return;
    findingKeys.add(key);
    findings.push({ ...finding, key });
    log(`fuzz: FINDING ${finding.kind}: ${finding.detail.split('\n')[0].slice(0, 200)}`);
  };

  const cliQueue = [];
  let cliBusy = false;
  const pumpCli = () => {
    if (cliBusy || cliQueue.length === 0 || Date.now() > deadline) return;
    cliBusy = true;
    const job = cliQueue.shift();
    runCliCase(job, options.caseTimeout * 3).then((result) => {
      cliBusy = false;
      if (result.skipped) stats.cli.skipped += 1;
      else {
        stats.cli.runs += 1;
        const name = result.command.split(' ').slice(0, 3).join(' ');
        stats.cli.byCommand[name] = (stats.cli.byCommand[name] ?? 0) + 1;
      }
      if (result.finding)
        record({ ...result.finding, caseInfo: job.caseInfo, files: { [job.file]: job.files[job.file] } });
      pumpCli();
    });
  };

  let nextIndex = 0;
  let seed = options.seed;
  let current;
  const known = [];
  const startWorker = () =>
    new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: {
          sources,
          seed,
          deadline,
          maxRuns: options.runs - stats.cases,
          cliEvery: options.cliEvery,
          startIndex: nextIndex,
          known,
        },
        resourceLimits: { maxOldGenerationSizeMb: 2048 },
      });
      let finished = false;
      const watchdog = setInterval(() => {
        if (current && Date.now() - current.at > options.caseTimeout) {
          record({
            kind: 'hang',
            detail: `a ${current.caseInfo.target} case ran longer than ${options.caseTimeout} ms (${current.caseInfo.source}, ${current.caseInfo.file})`,
            caseInfo: current.caseInfo,
            files: current.files,
          });
          known.push(`hang:${current.caseInfo.source}`);
          current = undefined;
          worker.terminate();
        }
      }, 250);
      worker.on('message', (message) => {
        if (message.type === 'sources') stats.sources = message.counts;
        else if (message.type === 'start')
          current = { at: Date.now(), caseInfo: message.caseInfo, files: message.files };
        else if (message.type === 'done') {
          current = undefined;
          nextIndex = message.index;
          stats.cases += 1;
          stats.byTarget[message.target] = (stats.byTarget[message.target] ?? 0) + 1;
          stats.outcomes[message.outcome] = (stats.outcomes[message.outcome] ?? 0) + 1;
          stats.slowestCaseMs = Math.max(stats.slowestCaseMs, message.ms);
          for (const soft of message.soft) {
            stats.soft[soft.kind] = (stats.soft[soft.kind] ?? 0) + 1;
            (softExamples[soft.kind] ??= new Set()).add(soft.detail);
          }
        } else if (message.type === 'cli') {
          if (cliQueue.length < 3) cliQueue.push(message);
          pumpCli();
        } else if (message.type === 'finding') {
          known.push(message.finding.key);
          record(message.finding);
        } else if (message.type === 'fuzzer-error') {
          record({ kind: 'fuzzer-error', detail: message.message });
        } else if (message.type === 'finished') finished = true;
      });
      worker.on('error', (error) => {
        record({
          kind: 'crash',
          detail: `the worker died: ${String(error?.stack ?? error).slice(0, 1500)}`,
          caseInfo: current?.caseInfo,
        });
      });
      worker.on('exit', () => {
        clearInterval(watchdog);
        resolve(finished);
      });
    });

  log(
    `fuzz: seed ${options.seed}, ${options.seconds} s${Number.isFinite(options.runs) ? `, at most ${options.runs} cases` : ''}, case time limit ${options.caseTimeout} ms, CLI sample every ${options.cliEvery} cases`,
  );
  const progress = setInterval(() => {
    log(
      `fuzz: ${Math.round((Date.now() - started) / 1000)} s, ${stats.cases} cases, ${stats.cli.runs} CLI runs, ${findings.length} findings`,
    );
  }, 15_000);
  while (Date.now() < deadline && stats.cases < options.runs) {
    const finished = await startWorker();
    if (finished) break;
    stats.workerRestarts += 1;
    seed = (seed + 7919) % 2147483647;
    nextIndex += 1;
  }
  clearInterval(progress);
  while (cliBusy) await new Promise((resolve) => setTimeout(resolve, 100));

  let savedTo;
  if (findings.length > 0) {
    mkdirSync(options.findings, { recursive: true });
    const run = join(options.findings, `run-${options.seed}`);
    rmSync(run, { recursive: true, force: true });
    findings.forEach((finding, index) => saveFinding(run, index + 1, finding));
    savedTo = relative(process.cwd(), run) || '.';
  }
  const summary = {
    ...stats,
    elapsedSeconds: Math.round((Date.now() - started) / 100) / 10,
    findings: findings.map((finding) => Object.fromEntries(Object.entries(finding).filter(([key]) => key !== 'files'))),
    softExamples: Object.fromEntries(Object.entries(softExamples).map(([kind, set]) => [kind, [...set].slice(0, 10)])),
  };
  if (options.json) writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);

  const lines = [
    `fuzz: ${stats.cases} cases in ${summary.elapsedSeconds} s (seed ${options.seed}); sources: ${JSON.stringify(stats.sources)}`,
    `fuzz: cases by target ${JSON.stringify(stats.byTarget)}; outcomes ${JSON.stringify(stats.outcomes)}; slowest case ${stats.slowestCaseMs} ms; worker restarts ${stats.workerRestarts}`,
    `fuzz: CLI sample: ${stats.cli.runs} runs ${JSON.stringify(stats.cli.byCommand)}${stats.cli.skipped > 0 ? `, ${stats.cli.skipped} skipped (gen import is not available in this build)` : ''}`,
    `fuzz: soft findings (reported, not failing): ${JSON.stringify(stats.soft)}`,
    findings.length === 0
      ? 'fuzz: no invariant broken'
      : `fuzz: ${findings.length} finding(s), written to ${savedTo}:\n${findings.map((finding) => `  - ${finding.kind}: ${finding.detail.split('\n')[0].slice(0, 220)}`).join('\n')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(findings.length === 0 ? 0 : 1);
}

if (isMainThread) await runMain();
else runWorker();
