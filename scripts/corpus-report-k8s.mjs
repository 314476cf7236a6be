#!/usr/bin/env node
// The Kubernetes section of the corpus report: every manifest set in ../shared/corpus goes through
// `gen import k8s` → generate → the shared validator. Uses the built CLI (scripts/corpus-report.mjs
// builds it first; run `npm run build` before running this file on its own).
//
// Usage: node scripts/corpus-report-k8s.mjs [--out docs/corpus-report-k8s.md] [--only SUBSTRING]
// As a module: kubernetesCases({ only, jobs }) returns one row per manifest set, and
// kubernetesSection({ only, jobs }) the section scripts/corpus-report.mjs renders.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.TWINFORM_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
const validator = join(corpus, '..', 'tools', 'validate', 'dist', 'validate.mjs');
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/** Runs a command without blocking the event loop (cases run a few at a time). */
function run(command, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolvePromise({ status, output }));
  });
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
const require = createRequire(import.meta.url);

function loadCli() {
  const dist = join(repoRoot, 'packages', 'cli', 'dist');
  if (!existsSync(join(dist, 'commands', 'import-k8s.js'))) {
    throw new Error('the CLI is not built: run `npm run build` first');
  }
  return {
    ...require(join(dist, 'commands', 'import-k8s.js')),
    ...require(join(dist, 'pipeline.js')),
    ...require(join(dist, 'disk-source.js')),
    ...require(join(dist, 'context.js')),
  };
}

/** Manifest sets: paired apps' k8s folders, every app under k8s/, and each converter output file. */
export function manifestSets(root = corpus) {
  const sets = [];
  const folders = (path) =>
    existsSync(path)
      ? readdirSync(path)
          .filter((entry) => statSync(join(path, entry)).isDirectory())
          .sort()
      : [];
  for (const app of folders(join(root, 'paired'))) {
    if (existsSync(join(root, 'paired', app, 'k8s'))) sets.push(`paired/${app}/k8s`);
  }
  for (const source of folders(join(root, 'k8s'))) {
    for (const app of folders(join(root, 'k8s', source))) sets.push(`k8s/${source}/${app}`);
  }
  const kompose = join(root, 'reference-conversions', 'kompose');
  for (const fixture of folders(kompose)) {
    for (const file of readdirSync(join(kompose, fixture)).sort()) {
      if (/^output-k8s.*\.(ya?ml|json)$/.test(file)) sets.push(`reference-conversions/kompose/${fixture}/${file}`);
    }
  }
  const bridge = join(root, 'reference-conversions', 'compose-bridge');
  for (const folder of folders(bridge)) {
    if (folder !== 'input') sets.push(`reference-conversions/compose-bridge/${folder}`);
  }
  return sets;
}

function capture(cwd) {
  const io = { stdout: '', stderr: '', env: process.env, cwd, isTTY: false };
  io.out = (text) => (io.stdout += text);
  io.err = (text) => (io.stderr += text);
  return io;
}

/** import → generate → validate for one manifest set. */
async function runCase(cli, set) {
  const out = mkdtempSync(join(tmpdir(), 'twinform-corpus-k8s-'));
  try {
    const io = capture(corpus);
    const context = cli.createContext({ json: true, quiet: false, color: false }, io);
    const code = await cli.importKubernetes(
      { paths: [set], out, strict: false },
      context,
      cli.defaultDeps(process.env),
    );
    const report = JSON.parse(io.stdout);
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    const row = {
      set,
      imported: code === 0,
      services: report.services.length,
      losses: report.losses,
      message: errors[0]
        ? `${errors[0].file ? `${errors[0].file}:${errors[0].line ?? ''} ` : ''}${errors[0].message}`
        : '',
      generated: false,
      valid: undefined,
      validation: '',
    };
    if (code !== 0) return row;
    const generated = cli.runPipeline(new cli.DiskProjectSource(out), cli.defaultStages());
    const generateErrors = generated.issues.filter((issue) => issue.severity === 'error');
    if (generateErrors.length > 0) {
      row.message = `generate: ${generateErrors[0].file ?? ''} ${generateErrors[0].message}`;
      return row;
    }
    row.generated = true;
    for (const file of generated.files) {
      mkdirSync(dirname(join(out, file.path)), { recursive: true });
      writeFileSync(join(out, file.path), file.content);
    }
    if (!existsSync(validator)) return row;
    const profiles = generated.project.services.map((service) => service.spec.security?.profile ?? 'restricted');
    const pss = profiles.includes('privileged')
      ? []
      : ['--pss', profiles.includes('baseline') ? 'baseline' : 'restricted'];
    const overlays =
      hasKubectl && existsSync(join(out, 'k8s', 'overlays'))
        ? readdirSync(join(out, 'k8s', 'overlays')).flatMap((overlay) => [
            '--kustomize',
            join(out, 'k8s', 'overlays', overlay),
          ])
        : [];
    const result = await run(process.execPath, [
      validator,
      '--k8s',
      join(out, 'k8s', 'base'),
      '--compose',
      join(out, 'docker-compose.yml'),
      ...overlays,
      '--cross-refs',
      ...pss,
    ]);
    row.valid = result.status === 0;
    row.pss = pss[1] ?? 'none';
    if (!row.valid) {
      row.validation = result.output
        .split('\n')
        .filter((line) => line.includes(': ['))
        .slice(0, 3)
        .map((line) => relative(out, line.split(' ')[0]) + line.slice(line.indexOf(' ')))
        .join('; ');
    }
    return row;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One row per manifest set in the corpus; [] when the corpus is not there. */
export async function kubernetesCases({ only, jobs = 3 } = {}) {
  if (!existsSync(corpus)) return [];
  const cli = loadCli();
  const sets = manifestSets().filter((set) => only === undefined || set.includes(only));
  return mapLimit(sets, jobs, async (set, index) => {
    const row = await runCase(cli, set);
    const status = row.imported ? (row.valid === false ? 'invalid' : 'imported') : 'failed';
    process.stderr.write(`[k8s ${index + 1}/${sets.length}] ${status.padEnd(8)} ${set}\n`);
    return row;
  });
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

/** The section scripts/corpus-report.mjs renders: { title, intro, summary, table, details }. */
export async function kubernetesSection(options = {}) {
  const rows = await kubernetesCases(options);
  const groups = new Map();
  for (const row of rows) {
    const group = row.set
      .split('/')
      .slice(0, row.set.startsWith('paired/') ? 1 : 2)
      .join('/');
    const entry = groups.get(group) ?? { sets: 0, imported: 0, valid: 0, losses: 0 };
    entry.sets += 1;
    if (row.imported) entry.imported += 1;
    if (row.valid) entry.valid += 1;
    entry.losses += row.losses;
    groups.set(group, entry);
  }
  return {
    title: 'Kubernetes manifests',
    intro: [
      `Every manifest set of the corpus (${rows.length}): each paired app's \`k8s/\` folder, each app under \`k8s/\`, and each`,
      'converter output file, imported with `gen import k8s SET --out TMP` (folders recursively; a folder with a',
      `kustomization rendered by \`kubectl kustomize\`${hasKubectl ? '' : ', which was not found here'}), then generated, then checked by the shared`,
      'validator on `docker-compose.yml` and `k8s/base` with `--cross-refs`, and `--pss` at the level the imported spec',
      'declares (restricted, unless the manifests need a baseline or privileged pod, which the import reports)',
      `${hasKubectl ? 'and on every overlay with `--kustomize`' : ''}. "loss lines" counts loss warnings, each with file:line.`,
    ].join('\n'),
    summary: [
      '| group | manifest sets | imported | outputs valid | loss lines |',
      '|---|---:|---:|---:|---:|',
      ...[...groups].map(
        ([group, entry]) => `| ${group} | ${entry.sets} | ${entry.imported} | ${entry.valid} | ${entry.losses} |`,
      ),
    ],
    table: [
      '| manifest set | import | services | losses | outputs (validator) |',
      '|---|---|---:|---:|---|',
      ...rows.map((row) => {
        const outputs = !row.generated
          ? '-'
          : row.valid === undefined
            ? 'generated'
            : row.valid
              ? `valid (pss ${row.pss})`
              : '**invalid**';
        const imported = row.imported
          ? row.generated
            ? 'imported'
            : `**not generated**: ${cell(row.message)}`
          : `**failed**: ${cell(row.message)}`;
        return `| \`${row.set}\` | ${imported} | ${row.services} | ${row.losses} | ${outputs} |`;
      }),
    ],
    details: rows
      .filter((row) => row.validation)
      .flatMap((row) => [`#### \`${row.set}\``, '', `- ${cell(row.validation)}`, '']),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argument = (name) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const outFile = resolve(repoRoot, argument('--out') ?? 'docs/corpus-report-k8s.md');
  const section = await kubernetesSection({ only: argument('--only') });
  const markdown = [
    '# Corpus report: Kubernetes import',
    '',
    'Generated by `node scripts/corpus-report-k8s.mjs`; `npm run corpus` puts the same section into docs/corpus-report.md.',
    '',
    section.intro,
    '',
    ...section.summary,
    '',
    ...section.table,
    '',
    ...section.details,
  ].join('\n');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${markdown.trimEnd()}\n`);
  console.log(`wrote ${relative(repoRoot, outFile)}`);
}
