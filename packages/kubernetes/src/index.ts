export { toKubernetes, type KubernetesResult } from './toKubernetes';
export { KUBERNETES_KEY_ORDER, orderKubernetesObject } from './order';
export { kubernetesQuantity } from './quantity';
export { envFileConfigName, parseImage, type ImageReference } from './names';
export { parseEnvFile } from './config';
export type { ExternalSecret, KubernetesObject } from './objects';
export type { Kustomization, KustomizeImage, KustomizePatch } from './kustomize';
export {
  fromKubernetes,
  manifestTooLarge,
  MAX_MANIFEST_CHARS,
  MAX_MANIFEST_DEPTH,
  parseManifests,
  positionOf,
  type ImportedService,
  type ImportResult,
  type KubernetesImportOptions,
  type ManifestInput,
  type ParsedManifests,
  type SourceObject,
} from './import';
