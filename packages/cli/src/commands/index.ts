import type { Argv, CommandModule as YargsCommand } from 'yargs';
import { createContext, type CliContext, type CliIo, type GlobalOptions } from '../context';

/**
 * The body of one command, in its own file under src/commands/ so that `gen check` never loads
 * what `gen import` needs. The module exports `builder` (optional) and `handler`.
 *
 * `handler` gets the parsed arguments and a context (output streams, colors, global flags) and
 * returns the exit code: 0 ok, 1 drift/invalid input/differences. It prints through `context.io`
 * and never calls process.exit; usage errors are caught by yargs before it runs.
 */
export interface CliCommand<Options extends object = object> {
  builder?: (yargs: Argv<GlobalOptions>) => Argv<GlobalOptions & Options>;
  handler: (args: GlobalOptions & Options, context: CliContext) => Promise<number> | number;
}

/**
 * One entry of the registry: what `--help` shows without loading anything, and how to load the
 * module that runs the command, only when it runs. To add a command, add a file under
 * src/commands/ and a line here.
 */
export interface CommandRegistration {
  /** yargs command string(s), e.g. 'check' or ['generate', '$0'] or 'import <kind> <files..>'. */
  command: string | readonly string[];
  describe: string;
  /**
   * Loads the command's module, e.g. `() => require('./check')`. A literal require (not a path
   * in a variable) keeps loading on demand and lets the bundler (scripts/build-cli.mjs) see it.
   */
  load: () => CliCommand;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: readonly CommandRegistration[] = [
  {
    command: ['generate', '$0'],
    describe: 'write docker-compose.yml and the Kubernetes manifests from the spec (default command)',
    load: () => require('./generate') as CliCommand,
  },
  {
    command: 'check',
    describe: 'exit 0 if the committed generated files are current, else 1 with a diff',
    load: () => require('./check') as CliCommand,
  },
  { command: 'validate', describe: 'validate the spec only', load: () => require('./validate') as CliCommand },
  {
    command: 'import <kind> <files..>',
    describe: 'create or extend the spec from compose files or Kubernetes manifests',
    load: () => require('./import') as CliCommand,
  },
  {
    command: 'adopt [files..]',
    describe:
      'fold hand edits of generated files back into the spec, then regenerate (--dry-run: print the spec patch)',
    load: () => require('./adopt') as CliCommand,
  },
  {
    command: 'compare',
    describe: 'report where an existing compose file and existing Kubernetes manifests disagree',
    load: () => require('./compare') as CliCommand,
  },
  {
    command: 'new [kind] [name]',
    describe: 'scaffold a microservice from a template: new service NAME [--template T]; new --list',
    load: () => require('./new') as CliCommand,
  },
];
/* eslint-enable @typescript-eslint/no-require-imports */

export function loadCommand(registration: CommandRegistration): CliCommand {
  return registration.load();
}

/** The outcome of the command yargs ran, kept outside yargs so errors and exit codes are not swallowed. */
export interface RunState {
  exitCode: number;
  error?: unknown;
}

/** A yargs command whose builder and handler load the command module only when yargs calls them. */
export function toYargsCommand(registration: CommandRegistration, io: CliIo, state: RunState): YargsCommand {
  return {
    command: registration.command as string | string[],
    describe: registration.describe,
    builder: (yargs: Argv) => {
      const { builder } = loadCommand(registration);
      return builder ? (builder(yargs as Argv<GlobalOptions>) as Argv) : yargs;
    },
    handler: async (args) => {
      try {
        const options = args as unknown as GlobalOptions;
        state.exitCode = await loadCommand(registration).handler(options, createContext(options, io));
      } catch (error) {
        state.error = error;
      }
    },
  };
}
