import { COMMANDS, loadCommand } from '../src/commands';
import { configureParser, main, parseFast } from '../src/main';
import { BASIC_PROJECT, captureIo, makeProject, removeProject } from './helpers';

jest.mock('../src/pipeline', () => {
  const actual = jest.requireActual('../src/pipeline');
  const { fakeStages } = jest.requireActual('./helpers');
  return {
    ...actual,
    defaultStages: () => ({
      ...fakeStages,
      load: (source: { readFile(path: string): { ok: boolean; content?: string } }) => {
        if (source.readFile('twinform.yaml').content?.includes('explode')) throw new Error('generator bug');
        return fakeStages.load(source);
      },
    }),
  };
});

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}

describe('command registry', () => {
  it.each(COMMANDS.map((registration) => [String(registration.command), registration]))(
    '%s loads a module with a handler',
    (_module, registration) => {
      const command = loadCommand(registration);
      expect(typeof command.handler).toBe('function');
      if (command.builder !== undefined) expect(typeof command.builder).toBe('function');
    },
  );
});

describe('main', () => {
  it('runs the default command and returns its exit code', async () => {
    const root = project(BASIC_PROJECT);
    const io = captureIo(root);
    expect(await main(['--quiet'], io)).toBe(0);
    expect(await main(['check', '--no-color'], io)).toBe(0);
    expect(io.stdout).toBe('✓ 3 generated files up to date\n');
  });

  it.each([[['frobnicate']], [['--frobnicate']], [['check', '--root']], [['validate', 'extra']]])(
    'exits 2 on the usage error %j',
    async (argv) => {
      const io = captureIo(project(BASIC_PROJECT));
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr).toMatch(/^gen: .+\nUsage: gen \[command\] \[options\]; run `gen --help`/);
      expect(io.stdout).toBe('');
    },
  );

  it('turns an unexpected exception into one line, with the stack only under DEBUG=twinform', async () => {
    const root = project({ ...BASIC_PROJECT, 'twinform.yaml': 'name: explode\n' });
    const quiet = captureIo(root);
    expect(await main(['validate'], quiet)).toBe(1);
    expect(quiet.stderr).toBe('gen: internal error: generator bug\n');

    const debug = captureIo(root, { DEBUG: 'other,twinform' });
    expect(await main(['validate'], debug)).toBe(1);
    expect(debug.stderr).toMatch(/^gen: internal error: generator bug\nError: generator bug\n\s+at /);
  });

  it('colors output only when wanted', async () => {
    const root = project({ ...BASIC_PROJECT, 'twinform.yaml': 'name: [x\n' });
    const forced = captureIo(root, { FORCE_COLOR: '1' });
    await main(['validate'], forced);
    expect(forced.stderr).toContain('\u001b[');

    for (const [argv, env] of [
      [['validate', '--no-color'], { FORCE_COLOR: '1' }],
      [['validate'], { FORCE_COLOR: '1', NO_COLOR: '1' }],
      [['validate'], {}],
    ] as const) {
      const io = captureIo(root, env);
      expect(await main(argv, io)).toBe(1);
      expect(io.stderr).not.toContain('\u001b[');
    }
  });
});

describe('the fast path for generate, check and validate (no yargs)', () => {
  /** What yargs hands the handler for the same command line (named options only). */
  async function parsedByYargs(
    argv: string[],
  ): Promise<{ command: string; options: Record<string, unknown> } | 'rejected'> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yargs = require('yargs/yargs') as typeof import('yargs/yargs');
    let captured: { command: string; options: Record<string, unknown> } | undefined;
    let rejected = false;
    const parser = configureParser(yargs(argv)).fail(() => {
      rejected = true;
    });
    for (const registration of COMMANDS) {
      const names = ([] as string[]).concat(registration.command as string | string[]);
      parser.command({
        command: names,
        describe: registration.describe,
        builder: (y) => loadCommand(registration).builder?.(y as never) ?? y,
        handler: (args) => {
          const options: Record<string, unknown> = {};
          for (const key of ['root', 'json', 'quiet', 'color', 'force', 'watch']) {
            if (args[key] !== undefined) options[key] = args[key];
          }
          captured = { command: names[0]!.split(' ')[0]!, options };
        },
      });
    }
    await parser.parseAsync();
    return rejected || !captured ? 'rejected' : captured;
  }

  it.each([
    [[]],
    [['check']],
    [['validate', '--json']],
    [['generate', '--force']],
    [['--force', '--quiet']],
    [['check', '--root', 'some/dir']],
    [['check', '--root=some/dir', '--no-color']],
    [['--watch']],
    [['-w', '--color']],
    [['--json', 'check']],
    [['validate', '--quiet', '--json', '--no-color', '--root', 'x']],
  ])('%j is parsed exactly as yargs parses it', async (argv) => {
    const fast = parseFast(argv);
    expect(fast).toBeDefined();
    expect(await parsedByYargs(argv)).toEqual({ command: fast!.command, options: fast!.options });
  });

  it.each([
    [['--help']],
    [['check', '--help']],
    [['--version', '--quiet']],
    [['check', 'extra']],
    [['check', '--force']],
    [['validate', '--watch']],
    [['check', '--root']],
    [['check', '--root', '--json']],
    [['check', '--quiet', '--quiet']],
    [['check', '--frobnicate']],
    [['frobnicate']],
    [['new', 'service', 'x']],
    [['check', '--json=false']],
    [['--', 'check']],
  ])('%j goes to yargs', (argv) => {
    expect(parseFast(argv)).toBeUndefined();
  });
});
