#!/usr/bin/env node
// Generates docs/mapping.md: for each row of the mapping table (spec concept -> compose -> Kubernetes), the spec, the
// compose output and the Kubernetes output side by side, taken from the golden fixture cases
// test/fixtures/golden/mapping-<row>/ (their spec files and their committed expected/ output). The
// golden tests keep expected/ equal to what the generators produce, and this page is checked
// against the fixtures, so the page cannot show output the tool no longer generates.
//
// This script only READS the fixtures. expected/ is written by `node scripts/update-golden.mjs CASE`.
//
//   node scripts/mapping-doc.mjs                write docs/mapping.md
//   node scripts/mapping-doc.mjs --stdout       print it instead
//   node scripts/mapping-doc.mjs --check [FILE] exit 1 when docs/mapping.md (or FILE) is stale
//
// To document a new row: add test/fixtures/golden/mapping-<row>/ (twinform.yaml + services/),
// run `node scripts/update-golden.mjs mapping-<row>`, add an entry to ROWS below, run this script.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import * as prettier from 'prettier';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldenRoot = join(repo, 'test', 'fixtures', 'golden');
const outputFile = join(repo, 'docs', 'mapping.md');
const CASE_PREFIX = 'mapping-';
// yaml is a dependency of @twinform/spec; resolve it from there.
const YAML = createRequire(join(repo, 'packages', 'spec', 'package.json'))('yaml');

const isBaseObject = (path) =>
  path.startsWith('k8s/base/') && !path.endsWith('/kustomization.yaml') && !path.endsWith('/networkpolicy.yaml');

/**
 * The rows, in the order of the mapping table. `fields` are the service.yaml fields (top level)
 * and `projectFields` the twinform.yaml fields the row documents: every field of the schemas must
 * belong to a row or to NOT_MAPPED, and every name here must exist in the schemas. `kubernetes`
 * picks the expected files shown in the Kubernetes block (default: the base objects without
 * kustomization.yaml and NetworkPolicies, which have a row of their own).
 */
export const ROWS = [
  {
    case: 'mapping-workloads',
    title: 'Workload kinds',
    concept: 'workload: service / stateful / job / cronjob / per-node',
    compose: 'service + restart policy',
    kubernetes: 'Deployment / StatefulSet / Job / CronJob / DaemonSet',
    fields: ['name', 'workload', 'job', 'schedule'],
    notes: [
      '`service` (the default) is a Deployment; `stateful` a StatefulSet with a headless Service `<name>-headless` and one claim per replica; `job` a Job (`restartPolicy: Never`); `cronjob` a CronJob; `daemon` a DaemonSet.',
      'Compose restarts long-running kinds (`unless-stopped`) and runs jobs once (`restart: "no"`). It has no scheduler: a cronjob is put in the profile `cronjob`, which `docker compose up` does not start (run it with `docker compose run --rm NAME`), and its schedule and time zone are kept as labels. A daemon runs once: a developer machine is one node.',
    ],
  },
  {
    case: 'mapping-image-build',
    title: 'Image and local build',
    concept: 'image, or a local build (context, dockerfile, target, args)',
    compose: 'image / build',
    kubernetes: 'image (build is local-only)',
    fields: ['image', 'build'],
    notes: [
      'Compose builds from the service folder (paths are rewritten relative to the compose file) and tags the result with `image`, so both targets run the same reference. Kubernetes cannot build and pulls `image`; a service with `build` and no `image` gets a warning and the image name `<project>-<service>`.',
    ],
  },
  {
    case: 'mapping-command-user',
    title: 'Command, arguments, working directory, user',
    concept: 'command, args, working dir, user',
    compose: 'entrypoint / command / working_dir / user',
    kubernetes: 'command / args / workingDir / securityContext',
    fields: ['command', 'args', 'workingDir', 'user'],
    notes: [
      "The two targets name the same things differently: the spec's `command` (replaces the image entrypoint) is compose `entrypoint` and Kubernetes `command`; `args` is compose `command` and Kubernetes `args`. `user` becomes compose `user: uid:gid` and the pod's `runAsUser`, `runAsGroup` and `fsGroup` (so volumes are writable for it).",
    ],
  },
  {
    case: 'mapping-ports-ingress',
    title: 'Ports, exposure and ingress',
    concept: 'named ports, protocol, exposure (internal / published / ingress host+path, TLS)',
    compose: 'ports / expose + a local reverse proxy mirroring ingress routes',
    kubernetes: 'containerPort + Service + Ingress',
    fields: ['ports'],
    projectFields: ['kubernetes.ingressClassName', 'compose.proxy'],
    notes: [
      'Every port is a named containerPort and a Service port whose `targetPort` is the port name. `internal` ports are compose `expose`; `published` and `ingress` ports are published on the host (`hostPort`, default the same number; UDP as `/udp`).',
      'Ingress routes become an Ingress whose backend names the port, with a `tls` entry for hosts that have a `tlsSecret`. Compose gets `ingress-proxy`, an nginx that routes the same hosts and paths (Prefix matches whole path segments, as in Kubernetes), on `compose.proxy.port`; it serves TLS routes over plain HTTP.',
    ],
  },
  {
    case: 'mapping-env',
    title: 'Environment variables and env files',
    concept: 'env: literals, references to other services (URLs), to secrets, to config',
    compose: 'environment / env_file',
    kubernetes: 'env / envFrom / valueFrom',
    fields: ['env', 'envFiles'],
    notes: [
      'Literals are written as strings in both targets. `${service.port}` becomes `service:PORT` in both (the compose service name and the Kubernetes Service name are the same DNS name); `.host` and `.port` pick one part. `$$` is a literal `$`, escaped for each target (compose `$$`, Kubernetes leaves `${...}` alone).',
      'A secret value is never written: compose reads it from `.env` (git-ignored) with `${VAR:?...}`, so it refuses to start while it is unset; Kubernetes uses `secretKeyRef`. An env file is compose `env_file` and one ConfigMap `<service>-<file name>` consumed with `envFrom`; `{config, key}` is that ConfigMap key (`configMapKeyRef`), and in compose the value from the file.',
    ],
  },
  {
    case: 'mapping-configs',
    title: 'Config files',
    concept: 'config files',
    compose: 'configs',
    kubernetes: 'ConfigMap + volume mount',
    fields: ['configs'],
    notes: [
      'Each config, from a file next to the service spec or inline, is a compose config and a ConfigMap `<service>-<name>`, mounted read-only at the same path with the same mode (compose writes the mode in decimal: 0444 is 292). The pod template carries a hash of all config and env-file contents (`twinform.dev/config-hash`), so changing a config rolls the pods.',
    ],
  },
  {
    case: 'mapping-secrets',
    title: 'Secrets',
    concept: 'secrets (names only, never values)',
    compose: 'secrets from git-ignored files',
    kubernetes: 'Secret references (created out of band)',
    fields: ['secrets'],
    projectFields: ['secretStore'],
    notes: [
      'A secret file is mounted at `/run/secrets/<name>` in both targets unless `mountPath` says otherwise, so the app reads the same path locally and in the cluster. Compose reads it from `./secrets/<name>` (or `<name>.<key>`), which `gen` adds to `.gitignore` and lists for you to create; Kubernetes mounts one key of a Secret created out of band.',
      'When the project names a `secretStore`, every secret a service uses (as a file or in env) also gets an `external-secrets.io/v1` ExternalSecret that fills the Secret from the store.',
    ],
  },
  {
    case: 'mapping-volumes',
    title: 'Volumes',
    concept: 'volumes: persistent (size, class), ephemeral, tmpfs',
    compose: 'named volumes / tmpfs',
    kubernetes: 'PVC or volumeClaimTemplates / emptyDir',
    fields: ['volumes'],
    notes: [
      '`persistent` is a compose named volume `<service>-<name>` and a PersistentVolumeClaim of the same name with the size, access mode and storage class as written (for a `stateful` workload a claim template instead). A size is required: twinform never picks one for you.',
      '`ephemeral` is an anonymous compose volume and an `emptyDir` (its size limit exists only in Kubernetes); `tmpfs` is a compose tmpfs and an `emptyDir` in memory, both with the size. `readOnly` and `subPath` apply to the mount in both targets. `bind` mounts a folder of your machine and exists only in compose (gen says so).',
    ],
  },
  {
    case: 'mapping-health',
    title: 'Health checks',
    concept: 'health: http / tcp / exec / grpc; liveness, readiness, startup',
    compose: 'healthcheck that works in common images',
    kubernetes: 'probes',
    fields: ['health'],
    notes: [
      'Each probe is the matching Kubernetes probe, with ports by name (gRPC probes take the number). Compose has one healthcheck, made from readiness (else liveness, else startup): http tries busybox `wget`, then `curl`, then bash `/dev/tcp`, so it runs in alpine and debian images; tcp tries `nc` then bash; exec runs the command; grpc runs `grpc_health_probe`. Timing maps to interval, timeout, retries and start_period (the startup budget).',
      'For an image without any of those tools, `health.compose` replaces the test (`[NONE]` disables it).',
    ],
  },
  {
    case: 'mapping-resources',
    title: 'Resources',
    concept: 'resources: requests and limits',
    compose: 'deploy.resources',
    kubernetes: 'resources',
    fields: ['resources'],
    notes: [
      'Kubernetes gets the quantities as written. Compose gets `deploy.resources` in its own units: CPU as a decimal number of CPUs, memory in its binary units (`256Mi` is `256M`); requests are reservations.',
    ],
  },
  {
    case: 'mapping-scaling',
    title: 'Replicas, autoscaling and availability',
    concept: 'replicas and autoscaling',
    compose: 'deploy.replicas',
    kubernetes: 'replicas / HorizontalPodAutoscaler (no replicas field when autoscaled)',
    fields: ['replicas', 'autoscaling', 'disruption', 'rollout', 'terminationGracePeriodSeconds'],
    notes: [
      '`autoscaling` is an `autoscaling/v2` HorizontalPodAutoscaler, and the workload then has no `replicas` field, so applying the manifests never fights the autoscaler; compose runs `minReplicas`. A PodDisruptionBudget comes with more than one pod (`maxUnavailable: 1` unless `disruption` chooses).',
      '`rollout` is the Deployment strategy; `terminationGracePeriodSeconds` is also compose `stop_grace_period`.',
    ],
  },
  {
    case: 'mapping-dependencies',
    title: 'Dependencies',
    concept: 'dependencies with conditions (started / healthy / completed)',
    compose: 'depends_on + condition',
    kubernetes: 'init container that waits, or readiness gating',
    fields: ['dependsOn'],
    projectFields: ['kubernetes.waitImage'],
    notes: [
      'Compose `depends_on` with `service_started`, `service_healthy` or `service_completed_successfully`. Kubernetes has no start order: each dependency with a port becomes an init container (`kubernetes.waitImage`, non-root, small resources) that waits until the Service port accepts connections. `completed` has no Kubernetes equivalent; gen warns instead of dropping it silently.',
    ],
  },
  {
    case: 'mapping-network',
    title: 'Network reachability',
    concept: 'network reachability (who may call whom)',
    compose: 'networks',
    kubernetes: 'NetworkPolicy',
    fields: ['allowFrom'],
    projectFields: ['kubernetes.networkPolicies', 'kubernetes.ingressControllerNamespace'],
    kubernetesFiles: (path) => path.startsWith('k8s/base/') && path.endsWith('/networkpolicy.yaml'),
    kubernetesLabel: 'the NetworkPolicies of `k8s/base/`',
    notes: [
      'A service may be called by the services that depend on it and those in its `allowFrom`. Kubernetes: a NetworkPolicy per service that denies other ingress and admits exactly those pods, plus, on ingress ports, the namespace of the ingress controller (`kubernetes.ingressControllerNamespace`). Compose: a network per service, joined by the service and by everyone allowed to call it, so the same calls work and the others fail.',
    ],
  },
  {
    case: 'mapping-environments',
    title: 'Environments',
    concept: 'environments (dev / staging / prod) overriding any of the above',
    compose: 'profiles / override',
    kubernetes: 'kustomize overlays',
    fields: ['environments', 'external'],
    projectFields: ['environments'],
    kubernetesFiles: (path) => path.startsWith('k8s/overlays/'),
    kubernetesLabel: '`k8s/overlays/`; the base is rendered without any environment, as in the other rows',
    notes: [
      'Compose renders the local environment. Each environment is a kustomize overlay over the base with only what it changes: JSON patches, `images:` for tags, `replicas:`, `$patch: delete` for objects it does not have, and its own namespace.',
      '`external` marks a service as provided outside the cluster in that environment: its workload is deleted and its Service becomes an `ExternalName` for the host, so references to it keep working.',
    ],
  },
  {
    case: 'mapping-metadata',
    title: 'Labels, annotations, namespace',
    concept: 'labels, annotations, namespace',
    compose: 'labels',
    kubernetes: 'metadata, app.kubernetes.io/* labels',
    fields: ['labels', 'annotations'],
    projectFields: ['name', 'namespace'],
    notes: [
      'Every object carries `app.kubernetes.io/name`, `part-of` (the project), `managed-by`, `component` (the workload kind) and `version` (the image tag), plus the spec labels; selectors use only name and part-of, because selectors cannot change. Annotations go on the pod template. The project namespace is set on every object.',
    ],
  },
  {
    case: 'mapping-patches',
    title: 'Patches (escape hatch)',
    concept: 'escape hatch: RFC 6902 patches per target',
    compose: 'applied last',
    kubernetes: 'applied last',
    fields: ['patches'],
    notes: [
      'For what the spec cannot say: RFC 6902 operations applied last, to the service entry of the compose file or to one Kubernetes object (by kind, and name, default the service name). A path that does not exist is an error with the file and line of the patch.',
    ],
  },
  {
    case: 'mapping-security',
    title: 'Security profiles',
    concept: 'security (restricted by default; explicit opt-out per service)',
    compose: 'user / cap_drop / cap_add / security_opt / read_only',
    kubernetes: 'securityContext (Pod Security Standards)',
    fields: ['security'],
    notes: [
      '`restricted` (the default) meets the Kubernetes restricted Pod Security Standard: non-root, no privilege escalation, all capabilities dropped (`NET_BIND_SERVICE` may be added back), RuntimeDefault seccomp; compose drops all capabilities with `no-new-privileges`. Whatever the profile, the service account token is mounted only when `automountServiceAccountToken` says so.',
      "`baseline` is for images that must start as root: no `runAsNonRoot` and the image's default capabilities, still no privilege escalation. `privileged` removes every restriction. Pods with either opt-out are rejected by a namespace that enforces restricted.",
    ],
  },
];

/** Schema fields that no row documents, and why. */
export const NOT_MAPPED = {
  service: { description: 'free text for people; not rendered' },
  project: {
    description: 'free text for people; not rendered',
    serviceFiles: 'where service specs are found, not what they generate',
    services: 'service specs written inline; they map like service files',
    output: 'where the generated files go',
    templates: 'service templates for `gen new service`',
    kubernetes: 'its fields are documented one by one',
    compose: 'its fields are documented one by one',
  },
};

const toPosix = (path) => path.split(sep).join('/');

/** Files under folder, relative with '/' separators, sorted by code point. */
function listFiles(folder) {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(folder, path)).isFile())
    .map(toPosix)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const readText = (path) => readFileSync(path, 'utf8').replace(/\r\n/g, '\n');

/** A spec file without its yaml-language-server line (editor plumbing, not content). */
function specText(path) {
  return readText(path).replace(/^# yaml-language-server: \$schema=.*\n/, '');
}

/** An expected file without the twinform header (source list and body hash). */
function expectedBody(path) {
  const text = readText(path);
  return text.startsWith('# Generated by twinform') ? text.replace(/^(#[^\n]*\n){1,2}/, '') : text;
}

/** Longest run of backticks in text, so a fence can always be longer. */
function fence(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * One fenced YAML block of several files. prettier-ignore keeps the block byte for byte what the
 * generators wrote: `npm run lint` formats markdown, and would otherwise restyle the YAML in it.
 */
function yamlBlock(parts) {
  const body = parts.map(({ path, text }) => `# ${path}\n${text.trimEnd()}\n`).join('---\n');
  const marks = fence(body);
  return `<!-- prettier-ignore -->\n${marks}yaml\n${body}${marks}`;
}

/** The project file is shown when it says more than the project name. */
function projectIsInteresting(text) {
  const value = YAML.parse(text) ?? {};
  return Object.keys(value).some((key) => key !== 'name');
}

function schemaFields(name) {
  const schema = JSON.parse(readText(join(repo, 'schemas', `${name}.schema.json`)));
  return { top: Object.keys(schema.properties ?? {}), schema };
}

/** 'kubernetes.waitImage' exists in the project schema (top-level property, then nested properties). */
function projectFieldExists(schema, dotted) {
  let node = schema;
  for (const part of dotted.split('.')) {
    node = node?.properties?.[part];
    if (!node) return false;
  }
  return true;
}

/** Problems that make the page wrong or incomplete; any of them stops the script. */
function checkRows() {
  const problems = [];
  const service = schemaFields('service');
  const project = schemaFields('project');
  const documented = new Set(ROWS.flatMap((row) => row.fields));
  for (const field of service.top) {
    if (!documented.has(field) && !(field in NOT_MAPPED.service)) {
      problems.push(`service.yaml field '${field}' is in no row of ROWS (add it to a row's fields, or to NOT_MAPPED)`);
    }
  }
  for (const field of documented) {
    if (!service.top.includes(field))
      problems.push(`ROWS names service.yaml field '${field}', which the schema does not have`);
  }
  const documentedProject = new Set(ROWS.flatMap((row) => row.projectFields ?? []));
  const coveredTop = new Set([...documentedProject].map((field) => field.split('.')[0]));
  for (const field of project.top) {
    if (!coveredTop.has(field) && !(field in NOT_MAPPED.project)) {
      problems.push(
        `twinform.yaml field '${field}' is in no row of ROWS (add it to a row's projectFields, or to NOT_MAPPED)`,
      );
    }
  }
  for (const field of documentedProject) {
    if (!projectFieldExists(project.schema, field)) {
      problems.push(`ROWS names twinform.yaml field '${field}', which the schema does not have`);
    }
  }
  for (const [file, fields] of [
    ['service', service.top],
    ['project', project.top],
  ]) {
    for (const field of Object.keys(NOT_MAPPED[file])) {
      if (!fields.includes(field))
        problems.push(`NOT_MAPPED names ${file} field '${field}', which the schema does not have`);
    }
  }
  const cases = existsSync(goldenRoot)
    ? readdirSync(goldenRoot, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name.startsWith(CASE_PREFIX))
        .map((entry) => entry.name)
    : [];
  for (const name of cases) {
    if (!ROWS.some((row) => row.case === name)) problems.push(`test/fixtures/golden/${name} has no entry in ROWS`);
  }
  for (const row of ROWS) {
    const caseDir = join(goldenRoot, row.case);
    if (!existsSync(join(caseDir, 'twinform.yaml'))) {
      problems.push(`ROWS names test/fixtures/golden/${row.case}, which has no twinform.yaml`);
    } else if (!existsSync(join(caseDir, 'expected'))) {
      problems.push(
        `test/fixtures/golden/${row.case} has no expected/: run \`node scripts/update-golden.mjs ${row.case}\``,
      );
    }
  }
  return problems;
}

function renderRow(row) {
  const caseDir = join(goldenRoot, row.case);
  const expectedDir = join(caseDir, 'expected');
  const caseLink = `../test/fixtures/golden/${row.case}`;

  const specParts = [];
  const projectText = specText(join(caseDir, 'twinform.yaml'));
  if (projectIsInteresting(projectText)) specParts.push({ path: 'twinform.yaml', text: projectText });
  const servicesDir = join(caseDir, 'services');
  const serviceFiles = listFiles(servicesDir).filter((path) => path.endsWith('/service.yaml'));
  for (const path of serviceFiles)
    specParts.push({ path: `services/${path}`, text: specText(join(servicesDir, path)) });

  const expected = listFiles(expectedDir);
  const composeFiles = expected.filter((path) => !path.startsWith('k8s/'));
  const pick = row.kubernetesFiles ?? isBaseObject;
  const kubernetesFiles = expected.filter((path) => path.startsWith('k8s/') && pick(path));
  const problems = [];
  if (specParts.length === 0) problems.push(`test/fixtures/golden/${row.case} has no service specs`);
  if (composeFiles.length === 0) problems.push(`test/fixtures/golden/${row.case}/expected has no compose file`);
  if (kubernetesFiles.length === 0)
    problems.push(`test/fixtures/golden/${row.case}/expected has no Kubernetes file to show`);
  if (problems.length > 0) return { problems, text: '' };

  const fields = [
    ...row.fields.map((field) => `\`${field}\``),
    ...(row.projectFields ?? []).map((field) => `\`${field}\` (twinform.yaml)`),
  ];
  const text = [
    `## ${row.title}`,
    '',
    `| spec | compose | Kubernetes |`,
    `| --- | --- | --- |`,
    `| ${row.concept} | ${row.compose} | ${row.kubernetes} |`,
    '',
    `Fields: ${fields.join(', ')}. Fixture: [\`test/fixtures/golden/${row.case}\`](${caseLink}).`,
    '',
    ...row.notes.flatMap((note) => [note, '']),
    `**Spec** (${specParts.map((part) => `\`${part.path}\``).join(', ')})`,
    '',
    yamlBlock(specParts),
    '',
    `**Compose** (${composeFiles.map((path) => `\`${path}\``).join(', ')})`,
    '',
    yamlBlock(composeFiles.map((path) => ({ path, text: expectedBody(join(expectedDir, path)) }))),
    '',
    `**Kubernetes** (${
      row.kubernetesLabel ??
      '`k8s/base/` without `kustomization.yaml` and the NetworkPolicies, which the network row shows'
    })`,
    '',
    yamlBlock(kubernetesFiles.map((path) => ({ path, text: expectedBody(join(expectedDir, path)) }))),
    '',
  ].join('\n');
  return { problems: [], text };
}

/** The whole page, formatted with the repo's prettier settings. Throws when a fixture or ROWS is wrong. */
export async function renderMappingDoc() {
  const problems = checkRows();
  const sections = [];
  if (problems.length === 0) {
    for (const row of ROWS) {
      const rendered = renderRow(row);
      problems.push(...rendered.problems);
      sections.push(rendered.text);
    }
  }
  if (problems.length > 0) throw new Error(`docs/mapping.md cannot be generated:\n  ${problems.join('\n  ')}`);

  const anchor = (title) =>
    title
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-');
  const body = [
    '<!-- Generated by scripts/mapping-doc.mjs from test/fixtures/golden/mapping-*. Do not edit: change the fixtures or the script, run `node scripts/update-golden.mjs CASE` if the output changed, then `node scripts/mapping-doc.mjs`. -->',
    '',
    '# Mapping: one spec, two outputs',
    '',
    'For each row of the mapping table, what you write in the spec and what `gen` generates from it for docker compose',
    'and for Kubernetes. Every example is a golden test case under `test/fixtures/golden/mapping-*`: the spec files',
    'are the input and the outputs are the files the test suite checks the generators against, so this page shows',
    'exactly what the current version generates. Generated files are shown without their two header lines (source',
    'files and body hash). The field-by-field reference is [spec-reference.md](spec-reference.md).',
    '',
    '| spec | compose | Kubernetes | section |',
    '| --- | --- | --- | --- |',
    ...ROWS.map(
      (row) => `| ${row.concept} | ${row.compose} | ${row.kubernetes} | [${row.title}](#${anchor(row.title)}) |`,
    ),
    '',
    ...sections,
  ].join('\n');
  const options = (await prettier.resolveConfig(outputFile)) ?? {};
  return prettier.format(body, { ...options, parser: 'markdown', filepath: outputFile });
}

async function main() {
  const [mode, target] = process.argv.slice(2);
  if (mode !== undefined && mode !== '--stdout' && mode !== '--check') {
    console.error('usage: node scripts/mapping-doc.mjs [--stdout | --check [FILE]]');
    process.exit(2);
  }
  const text = await renderMappingDoc();
  if (mode === '--stdout') {
    process.stdout.write(text);
  } else if (mode === '--check') {
    const file = target === undefined ? outputFile : resolve(target);
    const shown = toPosix(relative(repo, file));
    const committed = existsSync(file) ? readText(file) : undefined;
    if (committed !== text) {
      const reason = committed === undefined ? 'is missing' : 'is stale';
      console.error(`${shown} ${reason}: run \`node scripts/mapping-doc.mjs\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${shown} is up to date`);
  } else {
    writeFileSync(outputFile, text);
    console.log('wrote docs/mapping.md');
  }
}

// Run only as a script, so tests can import renderMappingDoc without writing anything.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
