export { diffRenderedFiles, type DriftFile, type DriftOperation, type DriftReport, type DriftStatus } from './diff';
export { locateInCommitted, readablePath, splitPointer } from './paths';
export { describeChange, formatValue, renderDriftReport, type RenderOptions } from './render';
export {
  editYaml,
  planAdoption,
  type AdoptConflict,
  type AdoptInput,
  type AdoptPlan,
  type EditedOutput,
  type EditLocation,
  type KeyOrder,
  type OverlayRenderer,
  type SpecOperation,
  type YamlEditResult,
  type YamlOperation,
} from './adopt';
export {
  compareDeployments,
  normalizeImage,
  renderCompareReport,
  type CompareRenderOptions,
  type CompareReport,
  type Difference,
  type DifferenceKind,
  type ServiceMatch,
  type SideValue,
} from './compare';
