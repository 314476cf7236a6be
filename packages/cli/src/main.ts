import type { Argv } from 'yargs';
import { COMMANDS, loadCommand, toYargsCommand, type RunState } from './commands';
import { createContext, processIo, type CliIo, type GlobalOptions } from './context';

/** A command line yargs rejected: unknown command or flag, missing value. Exit code 2. */
class UsageError extends Error {}

const EPILOGUE = [
  'Exit codes: 0 ok; 1 drift, invalid input or errors; 2 usage error.',
  'Colors are off with --no-color, with NO_COLOR set, or when output is not a terminal.',
].join('\n');

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../package.json') as { version: string }).version;
}

function debugEnabled(io: CliIo): boolean {
  return (io.env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === 'twinform' || name === '*');
}

/** The global options, usage text and behaviour of the `gen` command line (commands are added by the caller). */
export function configureParser(parser: Argv): Argv {
  return parser
    .scriptName('gen')
    .locale('en')
    .usage(
      '$0 [command] [options]\n\nKeep one spec per microservice; generate docker-compose.yml and Kubernetes manifests from it.',
    )
    .option('root', {
      type: 'string',
      requiresArg: true,
      describe: 'project folder (holds twinform.yaml); default: found from the current folder upward',
      global: true,
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'print one JSON object instead of text',
      global: true,
    })
    .option('quiet', { type: 'boolean', default: false, describe: 'print only errors', global: true })
    .option('color', {
      type: 'boolean',
      default: true,
      describe: 'colored output (--no-color, or NO_COLOR, turns it off)',
      global: true,
    })
    .example('$0', 'write docker-compose.yml and k8s/ from the spec')
    .example('$0 check', 'in CI: fail when a generated file is out of date or was edited by hand')
    .example('$0 check --json', 'the drift report as one JSON object')
    .example('$0 validate --root services-repo', 'validate the spec of another folder')
    .example('$0 --force', 'regenerate, discarding hand edits of generated files')
    .epilogue(EPILOGUE)
    .help('help', 'show help')
    .alias('help', 'h')
    .version('version', 'show the version', version())
    .alias('version', 'v')
    .strict()
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100));
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const state: RunState = { exitCode: 0 };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yargs = require('yargs/yargs') as typeof import('yargs/yargs');
  const parser = configureParser(yargs([...argv], io.cwd)).fail((message, error) => {
    // yargs calls this for usage problems; errors thrown by handlers are caught in toYargsCommand.
    throw new UsageError(message ?? error?.message ?? 'invalid command line');
  });
  for (const registration of COMMANDS) parser.command(toYargsCommand(registration, io, state));
  await parser.parseAsync();
  if (state.error !== undefined) throw state.error;
  return state.exitCode;
}

/** The commands and flags of the command lines run in CI, pre-commit hooks and on every save. */
const FAST_COMMANDS = new Set(['generate', 'check', 'validate']);
const GENERATE_FLAGS = new Set(['--force', '--watch', '-w']);

export type FastOptions = GlobalOptions & { force?: boolean; watch?: boolean };

/**
 * The options of a command line made only of `generate`, `check` or `validate` and the flags
 * they take, parsed as yargs would, or undefined for anything else (help, other commands,
 * unknown or repeated flags), which goes to yargs. Loading and configuring yargs is a good part
 * of a short run; `gen check` in a pre-commit hook should not pay for it.
 */
export function parseFast(argv: readonly string[]): { command: string; options: FastOptions } | undefined {
  let command: string | undefined;
  const options: FastOptions = { json: false, quiet: false, color: true };
  const seen = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] as string;
    if (!token.startsWith('-')) {
      if (command !== undefined || !FAST_COMMANDS.has(token)) return undefined;
      command = token;
      continue;
    }
    const [flag, inline] = token.startsWith('--root=') ? ['--root', token.slice('--root='.length)] : [token, undefined];
    const name = flag === '--no-color' ? '--color' : flag === '-w' ? '--watch' : flag;
    if (seen.has(name)) return undefined;
    seen.add(name);
    if (flag === '--root') {
      const value = inline ?? argv[index + 1];
      if (value === undefined || value === '' || value.startsWith('-')) return undefined;
      options.root = value;
      if (inline === undefined) index += 1;
    } else if (flag === '--json') options.json = true;
    else if (flag === '--quiet') options.quiet = true;
    else if (flag === '--color') options.color = true;
    else if (flag === '--no-color') options.color = false;
    else if (GENERATE_FLAGS.has(flag)) {
      if (flag === '--force') options.force = true;
      else options.watch = true;
    } else return undefined;
  }
  command ??= 'generate';
  if (command === 'generate') {
    options.force ??= false;
    options.watch ??= false;
  } else if (options.force !== undefined || options.watch !== undefined) {
    return undefined; // yargs rejects those flags outside generate
  }
  return { command, options };
}

async function runFast(command: string, options: FastOptions, io: CliIo): Promise<number> {
  const registration = COMMANDS.find((candidate) =>
    ([] as string[]).concat(candidate.command as string | string[]).some((name) => name.split(' ')[0] === command),
  );
  if (!registration) throw new Error(`the command ${command} is not registered`);
  return loadCommand(registration).handler(options, createContext(options, io));
}

/**
 * Runs the CLI and returns the exit code. The one place that turns unexpected exceptions into a
 * one-line message (the stack only with DEBUG=twinform); nothing in the CLI calls process.exit.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const fast = parseFast(argv);
    return fast ? await runFast(fast.command, fast.options, io) : await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `gen: ${error.message}\nUsage: gen [command] [options]; run \`gen --help\` for commands, flags and examples.\n`,
      );
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`gen: internal error: ${message}\n`);
    if (debugEnabled(io) && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return 1;
  }
}
