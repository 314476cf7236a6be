export { fromKubernetes } from './import';
export {
  indentQuotedContinuations,
  parseManifests,
  positionOf,
  type ParsedManifests,
  type SourceObject,
} from './parse';
export { manifestTooLarge, MAX_MANIFEST_CHARS, MAX_MANIFEST_DEPTH } from './screen';
export type { GeneratorCheck, ImportedService, ImportResult, KubernetesImportOptions, ManifestInput } from './types';
