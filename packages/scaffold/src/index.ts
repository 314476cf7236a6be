export {
  BUILT_IN_VARIABLES,
  invalidRoutePathReason,
  isPort,
  MANIFEST_FILE,
  normalizeRoutePath,
  parseManifest,
} from './manifest';
export type { PromptType, PromptValue, TemplateManifest, TemplatePrompt } from './manifest';
export {
  camelCase,
  checkServiceName,
  isServiceName,
  kebabCase,
  NAME_CASES,
  nameWords,
  pascalCase,
  snakeCase,
  titleCase,
  upperSnakeCase,
} from './names';
export { unsafePathReason } from './paths';
export {
  INITIAL_VERSION,
  parsePromptAnswer,
  renderTemplate,
  SERVICE_SPEC_FILE,
  TEMPLATE_SUFFIX,
  templateVariables,
} from './render';
export type { RenderResult, ScaffoldInput, TemplateVariables } from './render';
export { listTemplates } from './templates';
export type {
  RejectedTemplate,
  ServiceTemplate,
  TemplateFile,
  TemplateFolder,
  TemplateList,
  TemplateSource,
} from './templates';
