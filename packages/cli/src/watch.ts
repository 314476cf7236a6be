import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { ProjectSettings } from '@twinform/spec';
import { generateOnce, printRunDetails, type GenerateOptions, type GenerateRun } from './commands/generate';
import type { CliContext, GlobalOptions } from './context';
import type { PipelineStages } from './pipeline';
import { locateProject } from './project';
import { plural } from './session';

/** Saves come in bursts (editor temp files, a formatter, `git checkout`): one run after the last event. */
export const DEBOUNCE_MS = 100;

/** Folders never holding spec input. */
const IGNORED_FOLDERS = new Set(['node_modules', '.git']);
// The writer's temporary and restore files (writer.ts), and editors' swap and backup files.
const SCRATCH_FILE = /(\.\d+\.\d+\.tmp|\.restore|\.sw[a-p]|~|\.tmp)$/;

/**
 * Decides which project-relative paths are input: not the outputs `gen` writes (the compose file,
 * the Kubernetes folder, .gitignore), not node_modules or .git, not scratch files.
 */
export class WatchFilter {
  private outputs: string[] = ['docker-compose.yml', 'k8s', '.gitignore'];

  /** The output paths of the latest successful load (the project file may move them). */
  setOutputs(settings: Pick<ProjectSettings, 'composeFile' | 'kubernetesDir'>): void {
    this.outputs = [settings.composeFile, settings.kubernetesDir.replace(/\/+$/, ''), '.gitignore'];
  }

  isIgnored(path: string): boolean {
    if (path === '') return false;
    const segments = path.split('/');
    if (segments.some((segment) => IGNORED_FOLDERS.has(segment))) return true;
    if (SCRATCH_FILE.test(path)) return true;
    return this.outputs.some((output) => path === output || path.startsWith(`${output}/`));
  }
}

/**
 * Watches every folder of the project that can hold input, one non-recursive fs.watch each, and
 * follows folders as they appear and disappear. (`fs.watch(root, { recursive: true })` on Linux
 * in Node 20 opens a watcher for every file, node_modules and the generated folders included.)
 */
export class ProjectWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly filter: WatchFilter,
    private readonly onChange: (path: string) => void,
    private readonly onError: (error: Error) => void,
  ) {
    this.watchFolder('');
  }

  /** Number of folders watched (for tests and diagnostics). */
  get folders(): number {
    return this.watchers.size;
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watchFolder(folder: string): void {
    if (this.closed || this.watchers.has(folder) || this.filter.isIgnored(folder)) return;
    const absolute = join(this.root, folder);
    let watcher: FSWatcher;
    try {
      watcher = watch(absolute, { persistent: true }, (_event, name) => this.changed(folder, name));
    } catch (error) {
      if (folder === '') this.onError(error as Error);
      return; // a sub-folder that vanished or cannot be read holds nothing to watch
    }
    watcher.on('error', (error) => {
      if (folder === '') this.onError(error);
      else this.unwatch(folder);
    });
    this.watchers.set(folder, watcher);
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) this.watchFolder(folder === '' ? entry.name : `${folder}/${entry.name}`);
    }
  }

  private unwatch(folder: string): void {
    for (const [path, watcher] of this.watchers) {
      if (path === folder || path.startsWith(`${folder}/`)) {
        watcher.close();
        this.watchers.delete(path);
      }
    }
  }

  private changed(folder: string, name: string | Buffer | null): void {
    if (this.closed) return;
    // Some platforms do not name the entry; then the folder itself stands for the change.
    const path = name === null ? folder : folder === '' ? String(name) : `${folder}/${String(name)}`;
    if (this.filter.isIgnored(path)) return;
    if (path !== folder) {
      let isFolder = false;
      try {
        isFolder = statSync(join(this.root, path)).isDirectory();
      } catch {
        this.unwatch(path); // removed (or renamed away)
      }
      if (isFolder) this.watchFolder(path);
    }
    this.onChange(path);
  }
}

/** `gen --watch`: generates, then regenerates after every change of the input until SIGINT or SIGTERM. */
export async function watchAndGenerate(
  args: GlobalOptions & GenerateOptions,
  context: CliContext,
  stages: PipelineStages,
): Promise<number> {
  const filter = new WatchFilter();
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let watcher: ProjectWatcher | undefined;
  let failure: Error | undefined;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });

  const runOnce = async (): Promise<void> => {
    const started = performance.now();
    const run = await generateOnce(args, stages, context);
    if (run.settings) filter.setOutputs(run.settings);
    report(context, run, Math.round(performance.now() - started));
    if (!watcher) stop(); // no project to watch: the run said why
  };
  const startRun = (): void => {
    if (running) {
      again = true; // one more run when this one ends: it may have read the files before the change
      return;
    }
    running = runOnce()
      .catch((error: unknown) => {
        context.io.err(`gen: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        if (!watcher) stop();
      })
      .then(() => {
        running = undefined;
        if (again) {
          again = false;
          startRun();
        }
      });
  };
  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      startRun();
    }, DEBOUNCE_MS);
  }

  const onSignal = (): void => stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Watching starts before the first run reads anything, so no change can slip in between.
  const location = locateProject(context.io.cwd, context.options.root);
  if (location.ok) {
    watcher = new ProjectWatcher(location.root, filter, schedule, (error) => {
      failure = error;
      stop();
    });
  }
  startRun();
  await stopped;

  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  if (timer) clearTimeout(timer);
  watcher?.close();
  again = false;
  // A run in progress finishes: its writes are atomic, but its line belongs to the output.
  while (running) await running;
  if (failure) {
    context.io.err(`gen: cannot watch the project folder: ${failure.message}\n`);
    return 1;
  }
  return watcher ? 0 : 1; // no watcher: the project was never found, and the first run said why
}

/** One line per run (with --json: one JSON object per line), after the run's issues. */
function report(context: CliContext, run: GenerateRun, milliseconds: number): void {
  const { written, unchanged, deleted, issues } = run.summary;
  if (context.options.json) {
    context.io.out(`${JSON.stringify({ code: run.code, ms: milliseconds, ...run.summary })}\n`);
    return;
  }
  printRunDetails(context, run);
  if (run.code !== 0) {
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const why = run.outcome === 'refused' ? 'refused' : plural(errors, 'error');
    context.io.err(`gen: nothing written (${why}) in ${milliseconds} ms; waiting for the next change\n`);
    return;
  }
  if (context.options.quiet) return;
  const removed = deleted.length > 0 ? `, ${deleted.length} deleted` : '';
  context.io.out(`gen: ${written.length} written, ${unchanged.length} unchanged${removed} in ${milliseconds} ms\n`);
}
