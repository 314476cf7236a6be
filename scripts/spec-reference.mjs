#!/usr/bin/env node
// Generates docs/spec-reference.md from schemas/project.schema.json and schemas/service.schema.json,
// so the reference cannot drift from the contract: every field, its type, default and description
// come from the schemas; each field gets an example (the schema's own `examples`, else one from
// EXAMPLES below), and every example is validated against the field's schema before it is printed.
//
//   node scripts/spec-reference.mjs           write docs/spec-reference.md
//   node scripts/spec-reference.mjs --stdout  print it instead (packages/cli/test/docs.test.ts compares)
//   node scripts/spec-reference.mjs --check   exit 1 when the committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputFile = join(repo, 'docs', 'spec-reference.md');
// ajv 8 and yaml are dependencies of @twinform/spec; resolve them from there.
const requireFromSpec = createRequire(join(repo, 'packages', 'spec', 'package.json'));
const Ajv2020 = requireFromSpec('ajv/dist/2020').default;
const YAML = requireFromSpec('yaml');

const readSchema = (name) => JSON.parse(readFileSync(join(repo, 'schemas', name), 'utf8'));
const schemas = {
  project: { file: 'twinform.yaml', schemaFile: 'project.schema.json', schema: readSchema('project.schema.json') },
  service: { file: 'service.yaml', schemaFile: 'service.schema.json', schema: readSchema('service.schema.json') },
};

/**
 * Examples for fields whose schema has no `examples`, keyed by '<file> <display path>'. An enum or
 * a default is used when neither exists. A key that no longer matches a field is an error, and so
 * is a field that ends up with no example at all.
 */
const EXAMPLES = {
  'project description': 'Citizen-facing web app and its services.',
  'project serviceFiles': ['services/*/service.yaml', 'jobs/*/service.yaml'],
  'project services': [{ name: 'redis', image: 'redis:7.4-alpine', ports: [{ name: 'redis', port: 6379 }] }],
  'project environments.<env>': { namespace: 'govapp-prod' },
  'project environments.<env>.description': 'Production cluster.',
  'project environments.<env>.local': true,
  'project environments.<env>.namespace': 'govapp-prod',
  'project output.compose': 'deploy/docker-compose.yml',
  'project output.kubernetes': 'deploy/k8s',
  'project kubernetes.waitImage': 'busybox:1.37.0',
  'project kubernetes.ingressControllerNamespace': 'ingress-nginx',
  'project kubernetes.networkPolicies': false,
  'project compose.proxy.enabled': false,
  'project compose.proxy.image': 'nginxinc/nginx-unprivileged:1.27.3-alpine',
  'project compose.proxy.port': 8081,
  'project secretStore.name': 'vault',
  'project secretStore.refreshInterval': '15m',

  'service description': 'Node API under /api.',
  'service build': { context: '.', dockerfile: 'Dockerfile', target: 'runtime' },
  'service build.dockerfile': 'docker/Dockerfile.prod',
  'service build.context': '..',
  'service build.target': 'runtime',
  'service build.args.<ARG>': '20',
  'service args': ['--port', '3001'],
  'service workingDir': '/app',
  'service user': { uid: 1000, gid: 1000 },
  'service user.uid': 1000,
  'service user.gid': 1000,
  'service ports': [
    { name: 'http', port: 3001, expose: 'ingress', ingress: [{ host: 'govapp.localhost', path: '/api' }] },
  ],
  'service ports[].port': 3001,
  'service ports[].hostPort': 13001,
  'service ports[].ingress': [{ host: 'govapp.example.gov', path: '/api', tlsSecret: 'govapp-tls' }],
  'service ports[].ingress[].pathType': 'Exact',
  'service ports[].ingress[].tlsSecret': 'govapp-tls',
  'service env.<NAME>': 'redis://${redis.redis}',
  'service env.<NAME>.secret (secret form)': 'postgres-password',
  'service env.<NAME>.key (secret form)': 'password',
  'service env.<NAME>.config (config form)': 'app',
  'service env.<NAME>.key (config form)': 'LOG_LEVEL',
  'service configs': [{ name: 'nginx', mountPath: '/etc/nginx/conf.d/default.conf', file: 'nginx.conf' }],
  'service configs[].name': 'nginx',
  'service configs[].file': 'config/nginx.conf',
  'service configs[].content': 'worker_processes 1;\n',
  'service secrets': [{ name: 'api-token' }],
  'service secrets[].name': 'api-token',
  'service secrets[].key': 'token',
  'service secrets[].mountPath': '/etc/api/token',
  'service volumes': [{ name: 'data', mountPath: '/var/lib/postgresql/data', type: 'persistent', size: '10Gi' }],
  'service volumes[].name': 'data',
  'service volumes[].mountPath': '/var/lib/postgresql/data',
  'service volumes[].storageClass': 'fast-ssd',
  'service volumes[].readOnly': true,
  'service volumes[].subPath': 'pgdata',
  'service volumes[].source': './data',
  'service health': {
    liveness: { http: { path: '/healthz', port: 'http' } },
    readiness: { http: { path: '/readyz', port: 'http' }, periodSeconds: 5 },
  },
  'service health.liveness': { http: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
  'service health.liveness.http.path': '/healthz',
  'service health.liveness.http.port': 'http',
  'service health.liveness.http.scheme': 'HTTPS',
  'service health.liveness.exec.command': ['pg_isready', '--host=127.0.0.1'],
  'service health.liveness.grpc.service': 'echo.v1.Echo',
  'service health.liveness.initialDelaySeconds': 30,
  'service health.liveness.periodSeconds': 10,
  'service health.liveness.timeoutSeconds': 3,
  'service health.liveness.failureThreshold': 6,
  'service health.liveness.successThreshold': 2,
  'service health.compose': ['CMD', '/app/healthcheck'],
  'service resources': { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  'service replicas': 3,
  'service autoscaling': { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 },
  'service autoscaling.minReplicas': 2,
  'service autoscaling.maxReplicas': 10,
  'service autoscaling.cpuUtilization': 70,
  'service autoscaling.memoryUtilization': 80,
  'service disruption.enabled': false,
  'service disruption.minAvailable': 1,
  'service disruption.maxUnavailable': '25%',
  'service rollout': { strategy: 'RollingUpdate', maxSurge: 1, maxUnavailable: 0 },
  'service rollout.maxSurge': 1,
  'service rollout.maxUnavailable': 0,
  'service terminationGracePeriodSeconds': 60,
  'service job.backoffLimit': 3,
  'service job.completions': 1,
  'service job.parallelism': 1,
  'service job.activeDeadlineSeconds': 600,
  'service job.ttlSecondsAfterFinished': 3600,
  'service schedule': { cron: '0 3 * * *', timeZone: 'Europe/Berlin' },
  'service schedule.successfulJobsHistoryLimit': 3,
  'service schedule.failedJobsHistoryLimit': 1,
  'service schedule.suspend': true,
  'service dependsOn': ['notifications', { service: 'postgres', condition: 'healthy' }],
  'service dependsOn[].service': 'postgres',
  'service dependsOn[].port': 'postgres',
  'service allowFrom': ['worker'],
  'service labels.<key>': 'payments',
  'service annotations.<key>': 'true',
  'service security': { readOnlyRootFilesystem: true },
  'service security.profile': 'baseline',
  'service security.readOnlyRootFilesystem': true,
  'service security.addCapabilities': ['NET_BIND_SERVICE'],
  'service security.automountServiceAccountToken': true,
  'service patches': {
    kubernetes: [
      {
        kind: 'Deployment',
        ops: [{ op: 'add', path: '/spec/template/spec/priorityClassName', value: 'high' }],
      },
    ],
  },
  'service patches.compose': [{ op: 'add', path: '/stop_signal', value: 'SIGINT' }],
  'service patches.compose[].path': '/stop_signal',
  'service patches.compose[].from': '/labels/old',
  'service patches.compose[].value': 'SIGINT',
  'service patches.kubernetes[].kind': 'Deployment',
  'service patches.kubernetes[].name': 'backend',
  'service patches.kubernetes[].ops': [{ op: 'replace', path: '/spec/revisionHistoryLimit', value: 3 }],
  'service environments.<env>': { replicas: 3, env: { LOG_LEVEL: 'warn' } },
  'service environments.<env>.ports': [
    { name: 'http', ingress: [{ host: 'govapp.example.gov', path: '/api', tlsSecret: 'govapp-tls' }] },
  ],
  'service environments.<env>.ports[].name': 'http',
  'service environments.<env>.ports[].port': 8080,
  'service environments.<env>.ports[].protocol': 'UDP',
  'service environments.<env>.ports[].expose': 'published',
  'service environments.<env>.ports[].hostPort': 18080,
  'service environments.<env>.ports[].ingress': [{ host: 'govapp.example.gov', path: '/' }],
  'service environments.<env>.env': { LOG_LEVEL: 'warn', DEBUG_SQL: null },
  'service environments.<env>.env.<NAME>': null,
  'service environments.<env>.autoscaling': null,
  'service environments.<env>.external': { host: 'govapp.abc123.eu-west-1.rds.amazonaws.com' },
};

/** Concrete keys that stand in for map keys (`<NAME>`, `<env>`) in example snippets. */
const MAP_KEYS = {
  'project environments': 'prod',
  'service build.args': 'NODE_VERSION',
  'service env': 'DATABASE_PASSWORD',
  'service labels': 'team',
  'service annotations': 'prometheus.io/scrape',
  'service environments': 'prod',
  'service environments.<env>.env': 'DEBUG_SQL',
};
const MAP_KEY_OVERRIDES = {
  'service env.<NAME>': 'REDIS_URL',
  'service env.<NAME>.config (config form)': 'LOG_LEVEL',
  'service env.<NAME>.key (config form)': 'LOG_LEVEL',
};
/** How a map key is written in display paths. */
const MAP_PLACEHOLDERS = {
  'project environments': '<env>',
  'service build.args': '<ARG>',
  'service env': '<NAME>',
  'service labels': '<key>',
  'service annotations': '<key>',
  'service environments': '<env>',
  'service environments.<env>.env': '<NAME>',
};

const problems = [];
const usedExamples = new Set();
const ajv = new Ajv2020({ strict: false, allErrors: true });
for (const { schema } of Object.values(schemas)) ajv.addSchema(schema);

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const code = (text) => `\`${text}\``;
const anchorOf = (kind, path) =>
  `${kind}-${path
    .replace(/ \((\w+) form\)$/, '-$1')
    .replace(/<(\w+)>/g, '$1')
    .replace(/\[\]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')}`
    .replace(/-+$/, '')
    .toLowerCase();
const escapeMarkdown = (text) => text.replace(/([\\*_<>[\]|])/g, '\\$1');

/** Follows a local `#/$defs/x` reference; external references stay as they are. */
function deref(kind, node, pointer) {
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const defName = ref.slice('#/$defs/'.length);
    return { target: schemas[kind].schema.$defs[defName], pointer: `#/$defs/${defName}`, defName };
  }
  return { target: node, pointer };
}

/** The non-null variants of an anyOf that only adds `null` to a single reference: "X, or null". */
function nullableRef(node) {
  if (!Array.isArray(node.anyOf)) return undefined;
  const others = node.anyOf.filter((variant) => variant.type !== 'null');
  return others.length === 1 && others.length < node.anyOf.length && others[0].$ref ? others[0] : undefined;
}

function typeText(kind, target, links) {
  if (Array.isArray(target.anyOf)) {
    return target.anyOf
      .map((variant) => {
        if (variant.type === 'null') return '`null` (removes the value)';
        if (variant.$ref) return links(variant.$ref);
        if (variant.type === 'object')
          return `object with ${Object.keys(variant.properties ?? {})
            .map(code)
            .join(', ')}`;
        return typeText(kind, variant, links);
      })
      .join(', or ');
  }
  const types = Array.isArray(target.type) ? target.type : target.type ? [target.type] : [];
  let text = types.length > 0 ? types.map(code).join(' or ') : 'any value';
  if (target.enum) text += `: one of ${target.enum.map(code).join(', ')}`;
  if (target.minimum !== undefined && target.maximum !== undefined) text += `, ${target.minimum} to ${target.maximum}`;
  else if (target.minimum !== undefined) text += `, at least ${target.minimum}`;
  if (target.minLength !== undefined) text += `, at least ${target.minLength} character`;
  if (target.pattern) text += `, matching ${code(target.pattern)}`;
  if (target.type === 'array' && target.items) {
    const items = target.items;
    text = `list of ${items.$ref ? links(items.$ref) : typeText(kind, items, links)}`;
    if (target.minItems) text += ` (at least ${target.minItems})`;
  }
  if (target.type === 'object' && target.additionalProperties && typeof target.additionalProperties === 'object') {
    const values = target.additionalProperties;
    text = `map of name to ${values.$ref ? links(values.$ref) : typeText(kind, values, links)}`;
  }
  return text;
}

function exampleFor(key, target) {
  if (hasOwn(EXAMPLES, key)) {
    usedExamples.add(key);
    return { value: EXAMPLES[key] };
  }
  if (Array.isArray(target.examples) && target.examples.length > 0) return { value: target.examples[0] };
  if (Array.isArray(target.enum)) {
    const notDefault = target.enum.find((value) => value !== target.default);
    return { value: notDefault ?? target.enum[0] };
  }
  if (hasOwn(target, 'default')) return { value: target.default };
  return undefined;
}

/**
 * Nests value under the display path's segments, so the example shows where the field goes. The
 * required fields next to it at every level come along, so the snippet is valid where it stands.
 */
function nest(segments, value) {
  let result = value;
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index];
    if (segment.array) {
      result = [result];
    } else {
      // Spreading first keeps the schema's order; the field itself replaces its own required entry.
      result = { ...segment.requiredSiblings, [segment.key]: result };
    }
  }
  return result;
}

function collect(kind) {
  const { schema } = schemas[kind];
  const entries = [];
  const documentedDefs = new Map();

  const linkToDef = (ref) => {
    if (ref.startsWith('#/$defs/')) {
      const entry = documentedDefs.get(ref.slice('#/$defs/'.length));
      if (entry) return `[${code(entry.path)}](#${entry.anchor})`;
      return code(ref.slice('#/$defs/'.length));
    }
    return `[service specs](#service-yaml) (${code(ref)})`;
  };

  /**
   * Documents one field and its children; returns its example value (undefined when none).
   * `segments` locate the field for example snippets: {key} for a property or map key, {array} for [].
   */
  function field({ node, pointer, path, segments, depth, required }) {
    const key = `${kind} ${path}`;
    const nullable = nullableRef(node);
    const resolved = deref(kind, nullable ?? node, nullable ? `${pointer}/anyOf/0` : pointer);
    const { target, defName } = resolved;
    const description = node.description ?? target.description ?? '';
    const entry = {
      path,
      anchor: anchorOf(kind, path),
      depth,
      required,
      description,
      segments,
      validatePointer: `${schema.$id}${pointer}`,
    };
    entries.push(entry);

    if (defName && documentedDefs.has(defName)) {
      const first = documentedDefs.get(defName);
      entry.type = `same as [${code(first.path)}](#${first.anchor})${nullable ? ', or `null` to remove it' : ''}`;
      const own = exampleFor(key, target);
      entry.example = own ? own.value : first.example;
      return entry.example;
    }
    if (typeof (nullable ?? node).$ref === 'string' && !resolved.defName) {
      entry.type = linkToDef(node.$ref);
      entry.example = exampleFor(key, {})?.value;
      return entry.example;
    }
    if (defName) documentedDefs.set(defName, entry);
    entry.type = typeText(kind, target, linkToDef) + (nullable ? ', or `null` to remove it' : '');
    if (hasOwn(target, 'default')) entry.default = target.default;

    // Children: object properties, list items with properties, map values, and anyOf object forms.
    const composed = {};
    let hasChildren = false;
    const visitProperties = (object, objectPointer, prefix, prefixSegments, variantLabel) => {
      const firstChild = entries.length;
      const form = {};
      // Filled once every child has its example; the segments below keep a reference to it.
      const requiredSiblings = {};
      const requiredNames = object.required ?? [];
      for (const [name, child] of Object.entries(object.properties ?? {})) {
        const childPath = `${prefix}.${name}${variantLabel ? ` (${variantLabel} form)` : ''}`;
        const value = field({
          node: child,
          pointer: `${objectPointer}/properties/${name}`,
          path: childPath,
          segments: [...prefixSegments, { key: name, requiredSiblings }],
          depth: depth + 1,
          required: (object.required ?? []).includes(name),
        });
        if (value !== undefined) form[name] = value;
        if (value !== undefined && requiredNames.includes(name)) requiredSiblings[name] = value;
        if (value !== undefined && !variantLabel) composed[name] = value;
        hasChildren = true;
      }
      // A field of one form of a value (e.g. the `key` of a secret reference) means little alone:
      // its example shows the whole form.
      if (variantLabel) {
        for (const child of entries.slice(firstChild).filter((candidate) => candidate.depth === depth + 1)) {
          child.snippet = { segments: prefixSegments, value: form };
        }
      }
    };
    const basePointer = resolved.pointer;
    if (target.type === 'object' && target.properties) {
      visitProperties(target, basePointer, path, segments);
    }
    if (target.type === 'array' && target.items) {
      const items = deref(kind, target.items, `${basePointer}/items`);
      if (target.items.$ref && documentedDefs.has(items.defName)) {
        // Already documented elsewhere: linked from the type line.
      } else {
        if (items.defName) documentedDefs.set(items.defName, { path: `${path}[]`, anchor: entry.anchor });
        if (items.target.properties) {
          entry.type = `list of objects with the fields below${target.minItems ? ` (at least ${target.minItems})` : ''}`;
          visitProperties(items.target, items.pointer, `${path}[]`, [...segments, { array: true }]);
          if (hasChildren) entry.itemExample = composed;
        }
        const objectForms = (items.target.anyOf ?? []).filter((form) => form.type === 'object');
        objectForms.forEach((form) => {
          const index = items.target.anyOf.indexOf(form);
          visitProperties(form, `${items.pointer}/anyOf/${index}`, `${path}[]`, [...segments, { array: true }]);
        });
      }
    }
    if (target.type === 'object' && target.additionalProperties && typeof target.additionalProperties === 'object') {
      const placeholder = MAP_PLACEHOLDERS[key];
      if (!placeholder) problems.push(`${key}: add a MAP_PLACEHOLDERS entry (how its map keys are written)`);
      const mapKey = MAP_KEYS[key] ?? 'name';
      const valuePath = `${path}.${placeholder ?? '<name>'}`;
      entry.type = `map of ${code(placeholder ?? '<name>')} to [${code(valuePath)}](#${anchorOf(kind, valuePath)})`;
      const value = field({
        node: target.additionalProperties,
        pointer: `${basePointer}/additionalProperties`,
        path: valuePath,
        segments: [...segments, { key: mapKey, map: true }],
        depth: depth + 1,
        required: false,
      });
      hasChildren = hasChildren || value !== undefined;
      if (value !== undefined) composed[mapKey] = value;
    }
    if (Array.isArray(target.anyOf) && !nullable) {
      const objectForms = target.anyOf.filter((form) => form.type === 'object' && form.properties);
      for (const form of objectForms) {
        const label = objectForms.length > 1 ? (form.required ?? Object.keys(form.properties))[0] : undefined;
        visitProperties(form, `${basePointer}/anyOf/${target.anyOf.indexOf(form)}`, path, segments, label);
      }
    }

    const own = exampleFor(key, target);
    if (own) entry.example = own.value;
    else if (hasChildren && target.type === 'array') entry.example = [composed];
    else if (hasChildren) entry.example = composed;
    if (entry.example === undefined)
      problems.push(`${key}: no example: add one to the schema's examples or to EXAMPLES`);
    return entry.example;
  }

  for (const [name, child] of Object.entries(schema.properties)) {
    field({
      node: child,
      pointer: `#/properties/${name}`,
      path: name,
      segments: [{ key: name }],
      depth: 0,
      required: (schema.required ?? []).includes(name),
    });
  }
  return entries;
}

/** Map keys in snippets: the concrete key chosen for this entry, else the map's default. */
function snippetSegments(kind, entry) {
  const override = MAP_KEY_OVERRIDES[`${kind} ${entry.path}`];
  if (!override) return entry.segments;
  const segments = entry.segments.map((segment) => ({ ...segment }));
  const mapSegment = [...segments].reverse().find((segment) => segment.map);
  if (mapSegment) mapSegment.key = override;
  return segments;
}

function validateExample(kind, entry) {
  const validate = ajv.getSchema(entry.validatePointer);
  if (!validate) {
    problems.push(`${kind} ${entry.path}: cannot resolve ${entry.validatePointer}`);
    return;
  }
  if (!validate(entry.example)) {
    problems.push(
      `${kind} ${entry.path}: the example ${JSON.stringify(entry.example)} does not match the schema: ${ajv.errorsText(validate.errors)}`,
    );
  }
}

function renderEntry(kind, entry) {
  const heading = '#'.repeat(Math.min(3 + entry.depth, 6));
  const [fieldPath, form] = entry.path.split(' (');
  const title = form ? `${code(fieldPath)} (${form}` : code(fieldPath);
  const lines = [`<a id="${entry.anchor}"></a>`, '', `${heading} ${title}`, ''];
  if (entry.description) lines.push(escapeMarkdown(entry.description), '');
  const facts = [`Type: ${entry.type}.`];
  if (entry.required) facts.push('Required.');
  if (entry.default !== undefined) facts.push(`Default: ${code(JSON.stringify(entry.default))}.`);
  lines.push(facts.join(' '), '');
  if (entry.example !== undefined) {
    validateExample(kind, entry);
    const shown = entry.snippet ?? { segments: entry.segments, value: entry.example };
    const snippet = YAML.stringify(nest(snippetSegments(kind, { ...entry, segments: shown.segments }), shown.value), {
      lineWidth: 0,
    });
    lines.push('```yaml', snippet.trimEnd(), '```', '');
  }
  return lines.join('\n');
}

function renderSchema(kind) {
  const { file, schemaFile, schema } = schemas[kind];
  const entries = collect(kind);
  const topLevel = entries.filter((entry) => entry.depth === 0);
  const lines = [
    `<a id="${kind}-yaml"></a>`,
    '',
    `## ${file}`,
    '',
    escapeMarkdown(schema.description),
    '',
    `Schema: [\`schemas/${schemaFile}\`](../schemas/${schemaFile}). Start the file with`,
    '',
    '```yaml',
    `# yaml-language-server: $schema=<relative path to>/schemas/${schemaFile}`,
    '```',
    '',
    'so that editors with the YAML language server complete fields and flag mistakes.',
    '',
    `Top-level fields: ${topLevel.map((entry) => `[${code(entry.path)}](#${entry.anchor})`).join(', ')}.`,
    '',
  ];
  for (const entry of entries) lines.push(renderEntry(kind, entry));
  return lines.join('\n');
}

export async function renderReference() {
  const body = [
    '<!-- Generated by scripts/spec-reference.mjs from schemas/*.schema.json. Do not edit: change the schemas or the script, then run `node scripts/spec-reference.mjs`. -->',
    '',
    '# Spec reference',
    '',
    'Every field of the two files you write: the project file `twinform.yaml` at the root of the repo,',
    'and one `service.yaml` per microservice (by default in `services/<name>/`). Each field shows its type,',
    'its default and a short example; the examples are checked against the schemas when this page is generated.',
    '',
    'Paths: `a.b` is field `b` inside object `a`; `a[]` is an item of list `a`; `<NAME>` or `<env>` stands for',
    'a key you choose in a map.',
    '',
    renderSchema('project'),
    renderSchema('service'),
  ].join('\n');
  for (const key of Object.keys(EXAMPLES)) {
    if (!usedExamples.has(key))
      problems.push(`EXAMPLES['${key}'] matches no field of the schemas: remove or rename it`);
  }
  if (problems.length > 0) {
    throw new Error(`docs/spec-reference.md cannot be generated:\n  ${problems.join('\n  ')}`);
  }
  const options = (await prettier.resolveConfig(outputFile)) ?? {};
  return prettier.format(body, { ...options, parser: 'markdown', filepath: outputFile });
}

async function main() {
  const mode = process.argv[2];
  const text = await renderReference();
  if (mode === '--stdout') {
    process.stdout.write(text);
  } else if (mode === '--check') {
    let committed = '';
    try {
      committed = readFileSync(outputFile, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== text) {
      console.error('docs/spec-reference.md is stale: run `node scripts/spec-reference.mjs` and commit the result.');
      process.exit(1);
    }
  } else if (mode === undefined) {
    writeFileSync(outputFile, text);
    console.log('wrote docs/spec-reference.md');
  } else {
    console.error('usage: node scripts/spec-reference.mjs [--stdout | --check]');
    process.exit(2);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
