export {
  toCompose,
  CRONJOB_PROFILE,
  CRONJOB_SCHEDULE_LABEL,
  CRONJOB_TIME_ZONE_LABEL,
  SECRETS_DIR,
  type ComposeResult,
} from './toCompose';
export {
  COMPOSE_KEY_ORDER,
  orderedComposeFile,
  orderedComposeService,
  type ComposeBuild,
  type ComposeConfig,
  type ComposeDependencyCondition,
  type ComposeDeploy,
  type ComposeFile,
  type ComposeFileGrant,
  type ComposeHealthcheck,
  type ComposeNetwork,
  type ComposeResourceAmounts,
  type ComposeSecret,
  type ComposeService,
  type ComposeServiceVolume,
  type ComposeVolume,
} from './types';
export { composeQuantityCpu, composeQuantityMemory } from './quantities';
export { composeEscape } from './escape';
export { httpCheckShell, tcpCheckShell } from './healthcheck';
export { envFileConfigName, parseEnvFile } from './envfile';
export {
  nginxProxyConfig,
  PROXY_CONFIG_NAME,
  PROXY_CONFIG_TARGET,
  PROXY_CONTAINER_PORT,
  PROXY_SERVICE_NAME,
  type ProxyRoute,
} from './proxy';
export {
  loadComposeProject,
  fromCompose,
  DEFAULT_VOLUME_SIZE,
  type ComposeModel,
  type ComposeSource,
  type LoadComposeOptions,
  type LoadComposeResult,
  type FromComposeOptions,
  type ImportResult,
  type ImportedService,
} from './import';
