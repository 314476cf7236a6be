import type { Argv } from 'yargs';
import type { CliContext, GlobalOptions } from '../context';

/**
 * `gen import compose FILE...` and `gen import k8s PATH...`: one command with the kind as its first
 * argument, so the registry loads this small module and it loads only the importer that runs.
 */
export interface ImportOptions {
  kind: 'compose' | 'k8s';
  files: string[];
  out?: string;
  strict: boolean;
  force: boolean;
  envFile?: string[];
  profile?: string[];
  name?: string;
}

export function builder(yargs: Argv<GlobalOptions>): Argv<GlobalOptions & ImportOptions> {
  return yargs
    .positional('kind', { choices: ['compose', 'k8s'] as const, describe: 'what to import', demandOption: true })
    .positional('files', {
      type: 'string',
      array: true,
      describe: 'compose: the compose files, merged in order like docker compose -f; k8s: manifest files or folders',
      demandOption: true,
    })
    .option('out', {
      type: 'string',
      requiresArg: true,
      describe:
        "folder to write twinform.yaml and services/<name>/ into (default: compose: the first file's folder; k8s: the current folder)",
    })
    .option('strict', {
      type: 'boolean',
      default: false,
      describe: 'exit 1 and write nothing when anything cannot be represented (any loss warning)',
    })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'compose: overwrite existing services/<name>/service.yaml files and assets',
    })
    .option('env-file', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'compose: variables for interpolation instead of the .env next to the first file (repeatable)',
    })
    .option('profile', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'compose: also import services of this profile (repeatable; * for all)',
    })
    .option('name', {
      type: 'string',
      requiresArg: true,
      describe: 'project name (default: compose: its name: or folder; k8s: the part-of label or the --out folder)',
    })
    .example('$0 import compose docker-compose.yml', 'write twinform.yaml and services/*/service.yaml next to it')
    .example(
      '$0 import compose compose.yaml compose.prod.yaml --env-file .env.prod',
      'merge two files as docker compose does, interpolating with .env.prod',
    )
    .example('$0 import compose compose.yaml --strict --json', 'in CI: fail on any loss, print the report as JSON')
    .example('$0 import k8s k8s/ --out spec', 'import every manifest under k8s/ into spec/') as unknown as Argv<
    GlobalOptions & ImportOptions
  >;
}

export async function handler(args: GlobalOptions & ImportOptions, context: CliContext): Promise<number> {
  if (args.kind === 'compose') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { importCompose } = require('./import-compose') as typeof import('./import-compose');
    return importCompose(args, context);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { importKubernetes } = require('./import-k8s') as typeof import('./import-k8s');
  const options: Parameters<typeof importKubernetes>[0] = { paths: args.files, strict: args.strict };
  if (args.out !== undefined) options.out = args.out;
  if (args.name !== undefined) options.name = args.name;
  return importKubernetes(options, context);
}
