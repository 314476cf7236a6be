export { planAdoption } from './plan';
export { editYaml, type KeyOrder, type YamlEditResult, type YamlOperation } from './yaml-edit';
export type {
  AdoptConflict,
  AdoptInput,
  AdoptPlan,
  EditedOutput,
  EditLocation,
  OverlayRenderer,
  SpecOperation,
} from './types';
