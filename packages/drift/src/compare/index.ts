export { compareDeployments, normalizeImage } from './compare';
export { renderCompareReport, type CompareRenderOptions } from './render';
export type { CompareReport, Difference, DifferenceKind, ServiceMatch, SideValue } from './types';
