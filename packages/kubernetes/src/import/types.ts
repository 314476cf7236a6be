/** One manifest file (YAML, multi-document YAML, JSON, or a `kind: List`). */
export interface ManifestInput {
  /** Path reported in issues: project-relative, '/' separators. */
  path: string;
  content: string;
  /**
   * Set when `content` was rendered from other files (`kubectl kustomize`): the files it was
   * rendered from. Positions of objects found there point at those files instead of the
   * rendered stream.
   */
  renderedFrom?: ManifestInput[];
}

import type { GeneratorCheck } from '@twinform/spec';

export type { ImportedService, ImportResult } from '@twinform/spec';
export type { GeneratorCheck } from '@twinform/spec';

export interface KubernetesImportOptions {
  /** Project name when the manifests do not carry an app.kubernetes.io/part-of label. Default 'app'. */
  projectName?: string;
  /**
   * More generators whose errors the import must avoid, besides toKubernetes (`gen import k8s`
   * passes the compose generator: `gen validate` runs both).
   */
  generators?: readonly GeneratorCheck[];
}
