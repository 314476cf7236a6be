#!/usr/bin/env node
// `npm run corpus`: runs import → generate → validate over the real-world corpus in ../shared/corpus
// and writes docs/corpus-report.md. Each case runs in a temporary copy of its sample folder, through
// the same code as `gen import compose` and `gen` (the built packages: the script builds them first
// unless --no-build). Not part of `npm test`: it takes minutes (the validator runs once per case).
//
//   node scripts/corpus-report.mjs [--no-build] [--only SUBSTRING] [--jobs N]
//
// Sections: composeCases() (every compose file of the manifest), and the Kubernetes import's own
// section, which plugs in the same way (a function returning { title, intro, rows, details }).
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubernetesSection } from './corpus-report-k8s.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.TWINFORM_CORPUS ?? join(root, '../shared/corpus');
const validator = join(corpus, '../tools/validate/dist/validate.mjs');
const reportFile = join(root, 'docs/corpus-report.md');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const only = option('--only');
const jobs = Number(option('--jobs') ?? 3);

if (!existsSync(join(corpus, 'manifest.json'))) {
  console.error(`corpus: ${corpus} not found (set TWINFORM_CORPUS to its folder)`);
  process.exit(2);
}
if (!args.includes('--no-build')) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  );
}

const dist = (path) => require(join(root, 'packages', path));
const { importCompose } = dist('cli/dist/commands/import-compose.js');
const { generate } = dist('cli/dist/commands/generate.js');
const { defaultStages } = dist('cli/dist/pipeline.js');
const { createContext } = dist('cli/dist/context.js');
const { loadComposeProject } = dist('compose/dist/import/index.js');
const { toLabel } = dist('spec/dist/index.js');
const { parse: parseYaml } = require('yaml');

const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A CliIo that keeps what the command prints. */
function captureIo(cwd) {
  const io = { stdout: '', stderr: '', env: {}, cwd, isTTY: false };
  io.out = (text) => (io.stdout += text);
  io.err = (text) => (io.stderr += text);
  return io;
}

const globals = { json: true, quiet: false, color: false };

/** A writable temporary copy of a corpus folder (the corpus files are read-only). */
function copyOf(folder) {
  const target = mkdtempSync(join(tmpdir(), 'twinform-corpus-'));
  cpSync(join(corpus, folder), target, { recursive: true });
  const makeWritable = (path) => {
    chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) makeWritable(join(path, entry));
  };
  makeWritable(target);
  return target;
}

/** Runs the shared validator; resolves to the problem lines (empty when every document is valid). */
function validate(argv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [validator, '--json', '--pss', 'restricted', '--cross-refs', ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      const problems = lines
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.message !== undefined && entry.severity !== 'warning')
        .map(
          (entry) =>
            `${entry.file.split('/').slice(-3).join('/')} ${entry.kind}/${entry.name}: [${entry.source}] ${entry.path}: ${entry.message}`,
        );
      if (code !== 0 && problems.length === 0)
        problems.push(`validator exit ${code}: ${(stderr || stdout).trim().split('\n')[0]}`);
      resolve(problems);
    });
  });
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index], index);
      }
    }),
  );
  return results;
}

const firstLine = (text) => String(text).split('\n')[0];
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

// ---------------------------------------------------------------------------------------------
// Compose

/** The folder a sample lives in: everything a compose file of it may reference is inside. */
function sampleFolder(corpusPath) {
  const parts = corpusPath.split('/');
  const depth = parts[0] === 'reference-conversions' && parts[1] === 'kompose' ? 3 : 2;
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/');
}

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/**
 * The file an extension (-f) file is loaded on top of: a main compose file in its folder or a
 * folder above it (inside the sample), or the only other compose file of its folder.
 */
function baseFileFor(corpusPath, composeFiles) {
  const sample = sampleFolder(corpusPath);
  for (let folder = posix.dirname(corpusPath); ; folder = posix.dirname(folder)) {
    for (const name of BASE_NAMES) {
      const candidate = `${folder}/${name}`;
      if (candidate !== corpusPath && composeFiles.has(candidate)) return candidate;
    }
    if (folder === sample || !folder.includes('/')) break;
  }
  const siblings = [...composeFiles].filter(
    (file) => file !== corpusPath && posix.dirname(file) === posix.dirname(corpusPath),
  );
  return siblings.length === 1 ? siblings[0] : undefined;
}

/** Every compose file of the manifest, each with the sample folder it is imported from. */
export function composeCases(manifest) {
  const files = manifest.files.filter((file) => file.kind === 'compose').map((file) => file.corpus_path);
  const all = new Set(files);
  return files
    .filter((file) => only === undefined || file.includes(only))
    .sort()
    .map((file) => ({
      id: file,
      sample: sampleFolder(file),
      file,
      base: baseFileFor(file, all),
      siblings: files.filter((other) => other !== file && sampleFolder(other) === sampleFolder(file)).sort(),
    }));
}

/** Names of the services a compose file defines (to find the extension file another one needs). */
function servicesOf(corpusPath) {
  try {
    const value = parseYaml(readFileSync(join(corpus, corpusPath), 'utf8'), { merge: true });
    return Object.keys(value?.services ?? {});
  } catch {
    return [];
  }
}

/** An import failure that means "this file extends another one" (an -f extension file). */
const OVERLAY_SYMPTOMS = /which is not defined|neither an image nor a build|define no service to import/;

async function runImport(sampleCopy, files) {
  const io = captureIo(sampleCopy);
  const code = await importCompose({ files, out: '.', strict: false, force: false }, createContext(globals, io));
  const output = JSON.parse(io.stdout);
  return { code, output };
}

async function runCompose(testCase) {
  const row = { id: testCase.id, status: 'failed', services: 0, losses: 0, outputs: '-', fidelity: '-', details: [] };
  const inSample = (path) => posix.relative(testCase.sample, path);
  let copy = copyOf(testCase.sample);
  try {
    let files = [inSample(testCase.file)];
    let imported = await runImport(copy, files);
    const errors = (output) => output.issues.filter((issue) => issue.severity === 'error');
    if (
      imported.code !== 0 &&
      testCase.base &&
      errors(imported.output).some((issue) => OVERLAY_SYMPTOMS.test(issue.message))
    ) {
      files = [inSample(testCase.base), inSample(testCase.file)];
      // Extensions may build on each other (docker-elk's agent needs fleet): add the files that
      // define the services still missing, as the extension's documentation tells users to.
      for (let round = 0; round < 4; round += 1) {
        rmSync(copy, { recursive: true, force: true });
        copy = copyOf(testCase.sample);
        imported = await runImport(copy, files);
        const missing = errors(imported.output).flatMap(
          (issue) => /depends on (\S+), which is not defined/.exec(issue.message)?.[1] ?? [],
        );
        const provider = testCase.siblings.find(
          (file) => !files.includes(inSample(file)) && missing.some((name) => servicesOf(file).includes(name)),
        );
        if (imported.code === 0 || provider === undefined) break;
        files = [...files.slice(0, -1), inSample(provider), files[files.length - 1]];
      }
      row.details.push(`an -f extension file: imported as \`-f ${files.join(' -f ')}\``);
      row.overlay = true;
    }
    const { output } = imported;
    row.losses = output.losses;
    row.services = output.services.length;
    if (imported.code !== 0) {
      const messages = errors(output).map(
        (issue) => `${issue.file ? `${issue.file}${issue.line ? `:${issue.line}` : ''}: ` : ''}${issue.message}`,
      );
      row.status = 'failed';
      row.details.push(...messages.slice(0, 5).map((message) => `import: ${message}`));
      if (messages.length > 5) row.details.push(`import: … and ${messages.length - 5} more errors`);
      row.message = messages[0] ?? 'import failed';
      return row;
    }
    row.status = 'imported';
    // Read the original files now: gen replaces docker-compose.yml (it is the default output path).
    const original = loadComposeProject(files, folderSource(copy), { env: {} }).model;
    const genIo = captureIo(copy);
    const generated = await generate({ force: true, ...globals }, createContext(globals, genIo), defaultStages());
    if (generated !== 0) {
      const summary = JSON.parse(genIo.stdout);
      const messages = summary.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => `${issue.file ?? ''}: ${issue.message}`);
      row.outputs = 'generate failed';
      row.details.push(...messages.slice(0, 5).map((message) => `generate: ${message}`));
      return row;
    }
    const validatorArgs = ['--compose', join(copy, 'docker-compose.yml'), '--k8s', join(copy, 'k8s/base')];
    if (hasKubectl)
      for (const overlay of readdirSync(join(copy, 'k8s/overlays')))
        validatorArgs.push('--kustomize', join(copy, 'k8s/overlays', overlay));
    const problems = existsSync(validator) ? await validate(validatorArgs) : ['validator not found'];
    row.outputs = problems.length === 0 ? 'valid' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    row.details.push(...problems.slice(0, 8).map((problem) => `validator: ${problem}`));
    const differences = fidelity(copy, original, output.issues);
    const unreported = differences.filter((difference) => !difference.reported);
    row.fidelity =
      differences.length === 0
        ? 'same'
        : `${differences.length - unreported.length} reported${unreported.length > 0 ? `, **${unreported.length} unreported**` : ''}`;
    row.unreported = unreported.length;
    row.details.push(
      ...differences.map(
        (difference) =>
          `fidelity (${difference.reported ? 'reported by the import' : 'NOT reported'}): ${difference.text}`,
      ),
    );
    return row;
  } catch (error) {
    row.status = 'crashed';
    row.message = firstLine(error instanceof Error ? (error.stack ?? error.message) : error);
    row.details.push(`crash: ${row.message}`);
    return row;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** A disk source for the compose loader, confined to a folder. */
function folderSource(folder) {
  return {
    readFile(path) {
      const absolute = join(folder, path);
      if (relative(folder, absolute).startsWith('..') || !existsSync(absolute) || statSync(absolute).isDirectory()) {
        return { ok: false, reason: `${path} does not exist` };
      }
      return { ok: true, content: readFileSync(absolute, 'utf8') };
    },
  };
}

/**
 * Semantic fidelity (issue 4, item 6): the regenerated compose file against the original, per
 * service, for the fields users rely on. Differences the import reported as a loss show up here too.
 */
/** Compose fields whose import issues explain a difference in each compared field. */
const REPORTED_BY = {
  image: ['image'],
  build: ['build'],
  entrypoint: ['entrypoint'],
  command: ['command'],
  environment: ['environment', 'env_file'],
  ports: ['ports', 'expose'],
  volumes: ['volumes', 'tmpfs'],
  healthcheck: ['healthcheck'],
  depends_on: ['depends_on'],
  restart: ['restart', 'deploy'],
  replicas: ['deploy', 'scale'],
  resources: ['deploy', 'cpus', 'mem_limit', 'mem_reservation'],
  secrets: ['secrets'],
  configs: ['configs'],
};

function fidelity(copy, original, issues) {
  const regenerated = loadComposeProject(['docker-compose.yml'], folderSource(copy), { env: {} }).model;
  if (!original || !regenerated) return [{ text: 'the regenerated compose file could not be loaded', reported: false }];
  const pointers = issues.filter((issue) => issue.pointer !== undefined).map((issue) => issue.pointer);
  const renamed = issues
    .filter((issue) => /^\/services\/[^/]+$/.test(issue.pointer ?? ''))
    .map((issue) => issue.pointer.split('/')[2]);
  const reported = (service, field, before) =>
    REPORTED_BY[field].some((key) =>
      pointers.some(
        (pointer) => pointer === `/services/${service}/${key}` || pointer.startsWith(`/services/${service}/${key}/`),
      ),
    ) ||
    (field === 'environment' && renamed.some((name) => JSON.stringify(before ?? '').includes(name)));
  const differences = [];
  const generatedByName = new Map(regenerated.services.map((service) => [service.name, service]));
  for (const service of original.services) {
    const name = toLabel(service.name, 52, true) ?? service.name;
    const twin = generatedByName.get(name);
    if (!twin) {
      differences.push({ text: `${service.name}: missing in the regenerated file`, reported: false });
      continue;
    }
    const compare = (field, before, after) => {
      const a = JSON.stringify(before);
      const b = JSON.stringify(after);
      if (a !== b)
        differences.push({
          text: `${service.name}.${field}: ${a ?? '(none)'} → ${b ?? '(none)'}`,
          reported: reported(service.name, field, before),
        });
    };
    compare('image', service.image, twin.image);
    compare('build', buildOf(service), buildOf(twin));
    compare('entrypoint', service.entrypoint, twin.entrypoint);
    compare('command', service.command, twin.command);
    // Values that became secret references are left out on both sides: the import never copies them.
    const secretNames = new Set(
      twin.environment.filter((entry) => isSecretTemplate(entry.value)).map((entry) => entry.name),
    );
    compare('environment', environmentOf(service, secretNames), environmentOf(twin, secretNames));
    compare('ports', portsOf(service), portsOf(twin));
    compare('volumes', volumesOf(service), volumesOf(twin));
    compare('healthcheck', healthOf(service), healthOf(twin));
    compare('depends_on', dependsOf(service), dependsOf(twin));
    compare('restart', restartOf(service), restartOf(twin));
    compare('replicas', service.deploy?.replicas ?? 1, twin.deploy?.replicas ?? 1);
    compare('resources', resourcesOf(service), resourcesOf(twin));
    compare(
      'secrets',
      service.secrets.map((mount) => mountTarget(mount, '/run/secrets/')).sort(),
      twin.secrets.map((mount) => mountTarget(mount, '/run/secrets/')).sort(),
    );
    compare(
      'configs',
      service.configs.map((mount) => mountTarget(mount, '/')).sort(),
      twin.configs.map((mount) => mountTarget(mount, '/')).sort(),
    );
  }
  return differences;
}

const buildOf = (service) =>
  service.build
    ? { context: service.build.context, dockerfile: service.build.dockerfile, target: service.build.target }
    : undefined;
const mountTarget = (mount, folder) =>
  mount.target === undefined
    ? `${folder}${mount.source}`
    : mount.target.startsWith('/')
      ? mount.target
      : `${folder}${mount.target}`;
const isSecretTemplate = (value) => value !== undefined && /^\$\{[A-Za-z_][A-Za-z0-9_]*:\?secret /.test(value);
const environmentOf = (service, secretNames) =>
  Object.fromEntries(
    service.environment
      .filter((entry) => entry.value !== undefined && !secretNames.has(entry.name))
      .map((entry) => [entry.name, entry.value])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
const portsOf = (service) => ({
  published: service.ports.map((port) => `${port.published ?? '*'}:${port.target}/${port.protocol}`).sort(),
  container: [
    ...new Set([
      ...service.ports.map((port) => `${port.target}/${port.protocol}`),
      ...service.expose.map((port) => `${port.port}/${port.protocol}`),
    ]),
  ].sort(),
});
const volumesOf = (service) =>
  [
    ...service.volumes.map((volume) => `${volume.type}:${volume.target}`),
    ...service.tmpfs.map((tmpfs) => `tmpfs:${tmpfs.target}`),
  ].sort();
const seconds = (text, fallback) => {
  if (text === undefined) return fallback;
  let total = 0;
  for (const [, number, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(number) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit];
  return total;
};
const healthOf = (service) => {
  const health = service.healthcheck;
  if (!health) return undefined;
  if (health.disable) return 'disabled';
  const test = health.test?.[0] === 'CMD-SHELL' ? ['sh', '-c', health.test.slice(1).join(' ')] : health.test?.slice(1);
  return {
    test,
    interval: Math.max(1, Math.ceil(seconds(health.interval, 30))),
    timeout: Math.max(1, Math.ceil(seconds(health.timeout, 30))),
    retries: Math.max(1, health.retries ?? 3),
    startPeriod: Math.ceil(seconds(health.startPeriod, 0)),
  };
};
const dependsOf = (service) =>
  Object.fromEntries(
    service.dependsOn
      .map((dependency) => [toLabel(dependency.service, 52, true), dependency.condition])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
const restartOf = (service) =>
  service.restart === 'no' || service.deploy?.restartPolicy?.condition === 'none' ? 'once' : 'keeps running';
const bytes = (text) => {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(String(text ?? '').trim());
  return match ? Math.round(Number(match[1]) * 1024 ** ['', 'k', 'm', 'g', 't'].indexOf(match[2].toLowerCase())) : text;
};
const resourcesOf = (service) => {
  const amounts = (resources) =>
    resources
      ? {
          cpus: resources.cpus === undefined ? undefined : Number(resources.cpus),
          memory: resources.memory === undefined ? undefined : bytes(resources.memory),
        }
      : undefined;
  const legacy = Object.fromEntries(service.legacyResources.map((field) => [field.key, field.value]));
  return {
    limits:
      amounts(service.deploy?.limits) ??
      amounts(
        legacy.cpus !== undefined || legacy.mem_limit !== undefined
          ? { cpus: legacy.cpus, memory: legacy.mem_limit }
          : undefined,
      ),
    reservations:
      amounts(service.deploy?.reservations) ??
      amounts(legacy.mem_reservation !== undefined ? { memory: legacy.mem_reservation } : undefined),
  };
};

async function composeSection(manifest) {
  const cases = composeCases(manifest);
  const rows = await mapLimit(cases, jobs, async (testCase, index) => {
    const row = await runCompose(testCase);
    process.stderr.write(
      `[${index + 1}/${cases.length}] ${row.status.padEnd(8)} ${row.outputs.padEnd(12)} ${row.id}\n`,
    );
    return row;
  });
  const groups = new Map();
  for (const row of rows) {
    const group = row.id.startsWith('reference-conversions/')
      ? row.id.split('/').slice(0, 2).join('/')
      : row.id.split('/')[0];
    const entry = groups.get(group) ?? { files: 0, imported: 0, valid: 0, same: 0, unreported: 0, losses: 0 };
    entry.files += 1;
    if (row.status === 'imported') entry.imported += 1;
    if (row.outputs === 'valid') entry.valid += 1;
    if (row.fidelity === 'same') entry.same += 1;
    entry.unreported += row.unreported ?? 0;
    entry.losses += row.losses;
    groups.set(group, entry);
  }
  const summary = [
    '| group | compose files | imported | outputs valid | regenerated compose keeps every checked field | differences not reported by the import | loss lines |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[...groups].map(
      ([group, entry]) =>
        `| ${group} | ${entry.files} | ${entry.imported} | ${entry.valid} | ${entry.same} | ${entry.unreported} | ${entry.losses} |`,
    ),
  ];
  const table = [
    '| file | import | services | losses | outputs (validator) | fidelity |',
    '|---|---|---:|---:|---|---|',
    ...rows.map(
      (row) =>
        `| \`${row.id}\`${row.overlay ? ' (-f extension)' : ''} | ${row.status === 'imported' ? 'imported' : `**${row.status}**: ${cell(row.message ?? '')}`} | ${row.services} | ${row.losses} | ${row.outputs} | ${row.fidelity} |`,
    ),
  ];
  const details = rows
    .filter((row) => row.details.length > 0)
    .flatMap((row) => [`#### \`${row.id}\``, '', ...row.details.map((detail) => `- ${cell(detail)}`), '']);
  return {
    title: 'Compose files',
    intro: [
      `Every compose file of the corpus manifest (${cases.length}), each imported from a copy of its sample folder with`,
      "`gen import compose FILE --out SAMPLE` (no shell environment: variables come from the sample's own `.env`), then",
      '`gen --force`, then the shared validator on `docker-compose.yml` and `k8s/base` (`--pss restricted --cross-refs`)',
      `${hasKubectl ? 'and on every overlay with `--kustomize`' : '(kubectl was not found: overlays were not rendered)'}.`,
      'A file that only extends another one (an `-f` extension file: its services have no image, or it depends on',
      "services it does not define) is imported on top of its sample's main compose file.",
      '"losses" counts loss warnings (fields the spec cannot represent, each reported with file:line); "fidelity" compares',
      'the regenerated compose file with the original, per service (a difference is "reported" when the import wrote a line',
      'about that field of that service): image, build, entrypoint, command, environment (after',
      'interpolation), published and container ports, volume targets and types, healthcheck, depends_on conditions, restart',
      '(runs once / keeps running), replicas, resources, secret and config targets.',
    ].join('\n'),
    summary,
    table,
    details,
  };
}

// ---------------------------------------------------------------------------------------------

function render(sections) {
  const lines = [
    '# Corpus report',
    '',
    `Generated by \`npm run corpus\` (scripts/corpus-report.mjs) from \`../shared/corpus\`; do not edit by hand.${only === undefined ? '' : ` Partial run: only files matching \`${only}\`.`}`,
    '',
  ];
  for (const section of sections) {
    lines.push(
      `## ${section.title}`,
      '',
      section.intro,
      '',
      ...section.summary,
      '',
      ...section.table,
      '',
      '### Details',
      '',
      ...section.details,
    );
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
const sections = [await composeSection(manifest), await kubernetesSection({ only, jobs })];
writeFileSync(reportFile, render(sections));
console.error(`corpus: wrote ${relative(root, reportFile)}`);
