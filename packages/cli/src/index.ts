export { main } from './main';
export { COMMANDS, loadCommand, type CliCommand, type CommandRegistration } from './commands';
export { createContext, processIo, type CliContext, type CliIo, type GlobalOptions } from './context';
export { DiskProjectSource, type ProjectSource, type ReadResult } from './disk-source';
export { managedFiles } from './managed';
export {
  defaultStages,
  loadOnly,
  runPipeline,
  type Generator,
  type GeneratorResult,
  type LoadProject,
  type LoadResult,
  type PipelineResult,
  type PipelineStages,
} from './pipeline';
export { locateProject, PROJECT_FILE } from './project';
export { applyPlan, isRefused, planWrites, refusalIssues, WriteFailure, type WritePlan } from './writer';
