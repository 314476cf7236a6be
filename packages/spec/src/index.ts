export type * from './generated/types';
export * from './issues';
export * from './model';
export * from './output';
export * from './references';
export * from './source';
export { loadProject } from './load';
export type { LoadResult } from './load';
export { schemaDir, loadSchemas, specValidators, SERVICE_SCHEMA_FILE, PROJECT_SCHEMA_FILE } from './schemas';
export type { JsonSchema, SpecSchemas, SpecValidators } from './schemas';
export { resolveProjectPath, looksLikeSecretName } from './checks';
export type { ProjectPathResult } from './checks';
export * from './names';
export { parseBytes, parseCpu, quantityValue } from './quantity';
export type { QuantityResult } from './quantity';
export { didYouMean } from './suggest';
export {
  parseSpecFile,
  locate,
  fromPointer,
  readablePath,
  toPointer,
  MAX_SPEC_FILE_CHARS,
  MAX_NESTING_DEPTH,
  MAX_ALIAS_COUNT,
} from './yaml-document';
export type { PathSegment, Position, SpecDocument } from './yaml-document';
export * from './imported';
export { keepValidSpecs } from './valid-spec';
export type { GeneratorCheck } from './valid-spec';
export { emptyRecord, own, describeValue } from './own';
