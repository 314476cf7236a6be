import type { Issue, LoadedProject, ProjectSource, RenderedFile, SpecSchemas } from '@twinform/spec';

/** A generated file a person edited. */
export interface EditedOutput {
  /** Project-relative path. */
  path: string;
  /** What `gen` writes there now, from the current spec (header included). */
  generated: string;
  /** The file as it is on disk. */
  edited: string;
}

/**
 * Renders a kustomize folder (`kubectl kustomize`) from a set of files: project-relative path →
 * content, the folder to render given project-relative. The one impure step adopt needs, for
 * overlay edits; the CLI provides it when kubectl is installed.
 */
export type OverlayRenderer = (
  files: ReadonlyMap<string, string>,
  folder: string,
) => { ok: true; text: string } | { ok: false; reason: string };

export interface AdoptInput {
  /** The spec as loaded (it must be valid). */
  loaded: LoadedProject;
  /** The text of the project file and of every service file, by project-relative path. */
  specTexts: Readonly<Record<string, string>>;
  /** Every file `gen` produces from the current spec. */
  generated: readonly RenderedFile[];
  /** The hand-edited generated files to fold back into the spec. */
  edits: readonly EditedOutput[];
  /** Reads the project's other files (env and config files the compose file names; the spec on reload). */
  source: ProjectSource;
  schemas: SpecSchemas;
  renderOverlay?: OverlayRenderer;
}

/** Where a spec change comes from: the edited output file and line. */
export interface EditLocation {
  file: string;
  line?: number;
}

/** One RFC 6902 operation on a spec file. `path` '' with op add creates the file. */
export interface SpecOperation {
  file: string;
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
  from: EditLocation;
}

/** Two edits that want different values for the same place of the spec. */
export interface AdoptConflict {
  /** The spec file and JSON pointer the edits disagree on ('' when they disagree about an output). */
  file: string;
  path: string;
  edits: Array<EditLocation & { value: unknown }>;
  message: string;
}

export interface AdoptPlan {
  /** The spec patch, in the order it is applied. */
  operations: SpecOperation[];
  /** New content of every spec file (and new service files) the patch changes or creates. */
  specFiles: Record<string, string>;
  /** Edited outputs whose edits are all in the patched spec: `gen` may now overwrite them. */
  adopted: string[];
  /** Edited outputs whose edits were not adopted; they must stay as they are. */
  leftAlone: string[];
  conflicts: AdoptConflict[];
  /** Edits the spec cannot represent (errors, with the output's file:line), and notes. */
  issues: Issue[];
}
