/**
 * Shared machinery of the adversarial suite: sandboxes that can tell whether anything on disk
 * changed, the CLI run in-process (fast) or as a real process (for inputs that might hang, crash
 * the process or need another user), hostile input builders, and the assertions every hostile
 * input must pass: exit 1 or 2, a short message naming the file (and line:col) with a fix, no
 * stack trace, nothing written anywhere.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/main';
import type { CliIo } from '../../src/context';

export const GEN = join(__dirname, '..', '..', 'bin', 'gen.js');
export const REPO = join(__dirname, '..', '..', '..', '..');
export const NOBODY = 65534;
export const runningAsRoot = process.getuid?.() === 0;

export interface Run {
  /** null when the process was killed (time limit or signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Environment of every run: no colors, no debug stacks, kubectl still findable. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: '1', PATH: process.env.PATH ?? '', HOME: tmpdir() };
  return { ...env, ...extra };
}

/** The CLI's own entry point in this process: what `gen ARGS` does, minus the process start. */
export async function genInProcess(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    env: cleanEnv(env),
    cwd,
    isTTY: false,
  };
  const started = Date.now();
  const code = await main(args, io);
  return { code, stdout, stderr, ms: Date.now() - started, timedOut: false };
}

export interface ProcessOptions {
  /** Killed (SIGKILL) after this long; the run then has timedOut set. */
  timeoutMs?: number;
  /** Run as this user (only possible as root): root ignores file permissions. */
  uid?: number;
  /** Largest file the process may write (RLIMIT_FSIZE): a longer write fails with EFBIG midway, as on a full disk. */
  maxFileBytes?: number;
  env?: Record<string, string>;
}

const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((path) => existsSync(path));

/** The command line that runs gen, under a file size limit when asked. */
function commandLine(args: string[], maxFileBytes: number | undefined): string[] {
  const gen = [process.execPath, GEN, ...args];
  if (maxFileBytes === undefined) return gen;
  if (PRLIMIT) return [PRLIMIT, `--fsize=${maxFileBytes}`, '--', ...gen];
  // POSIX sh counts ulimit -f in 512-byte blocks.
  return ['/bin/sh', '-c', `ulimit -f ${Math.max(1, Math.floor(maxFileBytes / 512))} && exec "$0" "$@"`, ...gen];
}

/** bin/gen.js as a child process, with a hard time limit. */
export function genProcess(args: string[], cwd: string, options: ProcessOptions = {}): Promise<Run> {
  const command = commandLine(args, options.maxFileBytes);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd,
      env: cleanEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 1_000_000) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 1_000_000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Sandboxes

/** Kind, mode, content hash or link target of one entry: enough to see any change. */
export type TreeSnapshot = Record<string, string>;

/**
 * A temporary folder holding the project (or import input and output) and a sibling `outside/`
 * folder that hostile input tries to reach. Every entry under it is snapshotted, so a write
 * anywhere (a temporary file left over, a changed generated file, a file outside the output
 * folder) shows up as a difference.
 */
export class Sandbox {
  readonly root: string;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'twinform-adversarial-'));
    // Traversable by the unprivileged user some cases run the CLI as.
    chmodSync(this.root, 0o755);
    mkdirSync(this.path('outside'));
    writeFileSync(this.path('outside/sentinel.txt'), 'must never change\n');
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  write(files: Record<string, string | Buffer>, base = ''): this {
    for (const [relative, content] of Object.entries(files)) {
      const absolute = this.path(join(base, relative));
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
    return this;
  }

  symlink(target: string, relative: string): this {
    mkdirSync(dirname(this.path(relative)), { recursive: true });
    symlinkSync(target, this.path(relative));
    return this;
  }

  /** Copies a folder (a project, an example) into the sandbox. */
  copyFrom(folder: string, relative: string): this {
    cpSync(folder, this.path(relative), { recursive: true, verbatimSymlinks: true });
    return this;
  }

  read(relative: string): string {
    return readFileSync(this.path(relative), 'utf8');
  }

  snapshot(): TreeSnapshot {
    const entries: TreeSnapshot = {};
    const walk = (folder: string, prefix: string): void => {
      for (const name of readdirSync(folder).sort()) {
        const absolute = join(folder, name);
        const relative = prefix === '' ? name : `${prefix}/${name}`;
        const stats = lstatSync(absolute);
        const mode = (stats.mode & 0o7777).toString(8);
        if (stats.isSymbolicLink()) entries[relative] = `link -> ${readlinkSync(absolute)}`;
        else if (stats.isDirectory()) {
          entries[`${relative}/`] = `dir ${mode}`;
          walk(absolute, relative);
        } else {
          const hash = createHash('sha256').update(readFileSync(absolute)).digest('hex').slice(0, 16);
          entries[relative] = `file ${mode} ${stats.size} ${hash}`;
        }
      }
    };
    walk(this.root, '');
    return entries;
  }

  /** Hands the whole tree to another user (for runs as that user). */
  chownTo(uid: number): void {
    const walk = (path: string): void => {
      lchownSync(path, uid, uid);
      if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(this.root);
  }

  remove(): void {
    // Undo chmods that would stop the removal of read-only folders.
    const walk = (path: string): void => {
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) return;
      if (stats.isDirectory()) {
        chmodSync(path, 0o755);
        for (const name of readdirSync(path)) walk(join(path, name));
      }
    };
    try {
      walk(this.root);
    } finally {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}

const sandboxes: Sandbox[] = [];

/** A sandbox removed after the test file. */
export function sandbox(): Sandbox {
  const created = new Sandbox();
  sandboxes.push(created);
  return created;
}

afterAll(() => {
  for (const created of sandboxes.splice(0)) created.remove();
});

/** Paths added, removed or changed between two snapshots, outside the allowed folder prefixes. */
export function changesBetween(before: TreeSnapshot, after: TreeSnapshot, allowedPrefixes: string[] = []): string[] {
  const allowed = (path: string): boolean =>
    allowedPrefixes.some((prefix) => path === prefix || path === `${prefix}/` || path.startsWith(`${prefix}/`));
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths]
    .filter((path) => before[path] !== after[path] && !allowed(path))
    .sort()
    .map((path) => (before[path] === undefined ? `+ ${path}` : after[path] === undefined ? `- ${path}` : `~ ${path}`));
}

/** Names a writer leaves behind while (or when failing at) writing atomically. */
export const LEFTOVER = /\.tmp$|\.restore$|^\.twinform-new-|\/\.twinform-new-/;

// ---------------------------------------------------------------------------------------------
// Assertions

/** A stack frame, a JavaScript error name, or the CLI's last-resort message: all mean a crash. */
const CRASH_SIGNS: Array<[RegExp, string]> = [
  [/\n\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)/, 'a stack trace'],
  [/\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError)\b/, 'a JavaScript error name'],
  [/internal error/i, "the CLI's internal-error message"],
  [/Maximum call stack size exceeded/, 'a stack overflow'],
  [/\[object Object\]|\bNaN\b/, 'a value rendered as NaN or [object Object]'],
];

export interface FailureExpectation {
  /** 1 (invalid input) unless said otherwise; 'usage-or-input' accepts 1 or 2. */
  code?: 1 | 2 | 'usage-or-input';
  /** The file the message must name, as the CLI shows it (relative to the cwd); undefined for project-wide problems. */
  file: string | undefined;
  /** When given, the message must show file:line:col exactly (col optional). */
  line?: number;
  col?: number;
  /** Text (case-insensitive) or patterns the message must contain: what is wrong. */
  mentions?: Array<string | RegExp>;
  /** Most lines the whole output may take (a message, not a dump). */
  maxLines?: number;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exit 1 or 2, a message that names the file (at line:col), says what to do, and no crash signs. */
export function expectCleanFailure(run: Run, expected: FailureExpectation): void {
  const output = `${run.stderr}${run.stdout}`;
  const context = `exit ${run.code}${run.timedOut ? ' (killed: time limit)' : ''}\n--- stderr ---\n${run.stderr.slice(0, 4000)}\n--- stdout ---\n${run.stdout.slice(0, 2000)}`;
  const fail = (why: string): never => {
    throw new Error(`${why}\n${context}`);
  };
  if (run.timedOut) fail(`the CLI did not finish within its time limit (${run.ms} ms)`);
  const codes = expected.code === 'usage-or-input' ? [1, 2] : [expected.code ?? 1];
  if (!codes.includes(run.code ?? -1)) fail(`expected exit code ${codes.join(' or ')}`);
  for (const [pattern, what] of CRASH_SIGNS) {
    if (pattern.test(output)) fail(`the output shows ${what}`);
  }
  if (output.trim() === '') fail('the CLI failed without saying why');
  const location =
    expected.file === undefined
      ? /./
      : expected.line === undefined
        ? new RegExp(`(^|[\\s'"(])${escapeRegExp(expected.file)}\\b`, 'm')
        : new RegExp(`(^|[\\s'"(])${escapeRegExp(expected.file)}:${expected.line}:${expected.col ?? '\\d+'}\\b`, 'm');
  if (!location.test(output)) {
    fail(
      `the message does not name ${expected.file}${expected.line === undefined ? '' : `:${expected.line}:${expected.col ?? 'COL'}`}`,
    );
  }
  if (!/hint:|run `gen --help`/.test(output)) fail('the message does not say what to do (no hint)');
  for (const mention of expected.mentions ?? []) {
    const matches =
      typeof mention === 'string' ? output.toLowerCase().includes(mention.toLowerCase()) : mention.test(output);
    if (!matches) fail(`the message does not mention ${String(mention)}`);
  }
  const lines = output.split('\n').filter((line) => line.trim() !== '').length;
  if (lines > (expected.maxLines ?? 40)) fail(`the message takes ${lines} lines; expected a short report`);
}

/** Nothing under the sandbox changed except below the allowed prefixes. */
export function expectNoChanges(box: Sandbox, before: TreeSnapshot, allowedPrefixes: string[] = []): void {
  expect(changesBetween(before, box.snapshot(), allowedPrefixes)).toEqual([]);
}

/** No leftover temporary files anywhere in the sandbox. */
export function expectNoLeftovers(box: Sandbox): void {
  expect(Object.keys(box.snapshot()).filter((path) => LEFTOVER.test(path))).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Hostile input builders

/** "Billion laughs": nine levels of nine aliases each, 9^9 nodes once expanded. */
export function aliasBomb(indent = ''): string {
  const lines = [`${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let level = 1; level < 9; level += 1) {
    const previous = String.fromCharCode(96 + level);
    const current = String.fromCharCode(97 + level);
    lines.push(`${indent}${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** [[[...]]] nested `depth` levels deep, on one line. */
export const deepFlowList = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** key:\n  key:\n    key: ... nested `depth` levels deep in block style. */
export function deepBlockMap(depth: number, indent = 0): string {
  let text = '';
  for (let level = 0; level < depth; level += 1) text += `${' '.repeat(indent + level)}k:\n`;
  return `${text}${' '.repeat(indent + depth)}v: 1\n`;
}

/** A file of about `bytes` bytes made of `unit(i)` repeated (built without one giant concatenation chain). */
export function repeated(bytes: number, head: string, unit: (index: number) => string): string {
  const parts = [head];
  let size = head.length;
  for (let index = 0; size < bytes; index += 1) {
    const part = unit(index);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** Bytes that are not UTF-8 (a lone continuation byte, an invalid lead byte, a truncated sequence). */
export const INVALID_UTF8 = Buffer.from([0x80, 0xff, 0xfe, 0xc3]);
