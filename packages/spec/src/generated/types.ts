/* Generated from schemas/*.schema.json by `npm run gen-types`. Do not edit by hand. */

/**
 * Free text for people; not rendered into the outputs.
 */
export type Description = string;
/**
 * What kind of workload this is. service: long-running (Deployment); stateful: stable identity and per-replica storage (StatefulSet + headless Service); job: runs to completion (Job); cronjob: runs on a schedule (CronJob); daemon: one per node (DaemonSet; one instance in compose).
 */
export type Workload = 'service' | 'stateful' | 'job' | 'cronjob' | 'daemon';
/**
 * Container image reference. Required unless build is given; with build, it names the image that compose builds and Kubernetes pulls.
 */
export type Image = string;
/**
 * Replaces the image's entrypoint (compose entrypoint, Kubernetes command).
 */
export type Command = string[];
/**
 * Replaces the image's default arguments (compose command, Kubernetes args).
 */
export type Args = string[];
/**
 * Working directory inside the container.
 */
export type WorkingDir = string;
/**
 * Ports the container listens on. Each has a name that probes, ingress routes and references use, so a renumbered port cannot break them.
 */
export type Ports = Port[];
/**
 * A literal (numbers and booleans are written as strings), a reference to a secret key, or a reference to a config entry.
 */
export type EnvValue =
  | string
  | number
  | boolean
  | {
      /**
       * Secret name (declared in this service's secrets list or used only for env).
       */
      secret: string;
      /**
       * Key inside the secret. Default: the secret name.
       */
      key?: string;
    }
  | {
      /**
       * Name of a ConfigMap created from one of this service's envFiles (the file name without extension).
       */
      config: string;
      /**
       * Key in that env file.
       */
      key: string;
    };
/**
 * Env files (KEY=value lines) relative to the service file: compose env_file, and one ConfigMap per file consumed with envFrom.
 */
export type EnvFiles = string[];
/**
 * Config files mounted into the container: compose configs, and a ConfigMap mounted at the same path with the same mode.
 */
export type Configs = Config[];
/**
 * Secret files mounted into the container. Values never enter the spec or generated files: compose reads ./secrets/<name> (git-ignored), Kubernetes mounts a Secret created out of band.
 */
export type Secrets = SecretMount[];
/**
 * Volumes mounted into the container.
 */
export type Volumes = Volume[];
/**
 * A port of this service, by name (preferred) or number.
 */
export type PortRef = string | number;
/**
 * Number of instances (Kubernetes replicas, compose deploy.replicas). Not allowed together with autoscaling.
 */
export type Replicas = number;
/**
 * Seconds between SIGTERM and SIGKILL (Kubernetes terminationGracePeriodSeconds, compose stop_grace_period).
 */
export type TerminationGracePeriodSeconds = number;
/**
 * Services this one needs. compose depends_on with condition; Kubernetes init containers that wait for each dependency's Service port (and may call it, for NetworkPolicy).
 */
export type DependsOn = (
  | string
  | {
      /**
       * Name of the service depended on.
       */
      service: string;
      /**
       * started: the container runs; healthy: its health check passes (Kubernetes: its Service port accepts connections); completed: a job finished successfully.
       */
      condition?: 'started' | 'healthy' | 'completed';
      /**
       * Which port of the dependency to wait for (name). Default: its first port.
       */
      port?: string;
    }
)[];
/**
 * Services allowed to call this one besides those that depend on it (NetworkPolicy ingress rules; compose shared networks).
 */
export type AllowFrom = string[];

/**
 * One microservice, described once. twinform generates its docker-compose service and its Kubernetes objects from this file.
 */
export interface ServiceSpec {
  /**
   * Service name: a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 52 characters). It names the compose service, the Kubernetes workload and Service, and is the host name other services use.
   */
  name: string;
  description?: Description;
  workload?: Workload;
  image?: Image;
  build?: Build;
  command?: Command;
  args?: Args;
  workingDir?: WorkingDir;
  user?: User;
  ports?: Ports;
  env?: Env;
  envFiles?: EnvFiles;
  configs?: Configs;
  secrets?: Secrets;
  volumes?: Volumes;
  health?: Health;
  resources?: Resources;
  replicas?: Replicas;
  autoscaling?: Autoscaling;
  disruption?: Disruption;
  rollout?: Rollout;
  terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
  job?: Job;
  schedule?: Schedule;
  dependsOn?: DependsOn;
  allowFrom?: AllowFrom;
  labels?: Labels;
  annotations?: Annotations;
  security?: Security;
  external?: External;
  patches?: Patches;
  /**
   * Per-environment overrides, keyed by an environment name declared in twinform.yaml. Objects merge key by key; lists of named items (ports, configs, secrets, volumes) merge by name; other lists replace; null removes a value.
   */
  environments?: {
    [k: string]: EnvironmentOverride;
  };
}
/**
 * Build the image locally (compose only; Kubernetes pulls image). context and dockerfile are relative to the service file's folder.
 */
export interface Build {
  /**
   * Build context folder, relative to the service file. Default '.'.
   */
  context?: string;
  /**
   * Dockerfile path relative to the context. Default 'Dockerfile'.
   */
  dockerfile?: string;
  /**
   * Multi-stage build target.
   */
  target?: string;
  /**
   * Build arguments.
   */
  args?: {
    [k: string]: string;
  };
}
/**
 * Numeric user and group the process runs as (compose user 'uid:gid'; Kubernetes runAsUser/runAsGroup, and fsGroup so volumes are writable).
 */
export interface User {
  /**
   * User id; must not be 0 under the restricted profile.
   */
  uid: number;
  /**
   * Group id; defaults to uid.
   */
  gid?: number;
}
/**
 * One named container port.
 */
export interface Port {
  /**
   * Port name: an IANA service name (lowercase letters, digits and '-', at most 15 characters, at least one letter).
   */
  name: string;
  /**
   * Port number the container listens on. The Kubernetes Service exposes the same number.
   */
  port: number;
  /**
   * Transport protocol.
   */
  protocol?: 'TCP' | 'UDP';
  /**
   * Who can reach the port. internal: other services only (compose expose, Kubernetes ClusterIP Service); published: also the developer's machine (compose ports host:container); ingress: routed by HTTP host/path (Kubernetes Ingress, and the local reverse proxy in compose).
   */
  expose?: 'internal' | 'published' | 'ingress';
  /**
   * Host port in compose for published and ingress ports. Default: the same number as port.
   */
  hostPort?: number;
  /**
   * HTTP routes to this port (required when expose is ingress).
   *
   * @minItems 1
   */
  ingress?: [IngressRoute, ...IngressRoute[]];
}
/**
 * One HTTP route: host (optional) and path.
 */
export interface IngressRoute {
  /**
   * Host name (DNS subdomain). Omit to match any host.
   */
  host?: string;
  /**
   * Path prefix or exact path, starting with '/'.
   */
  path?: string;
  /**
   * How path matches (Kubernetes Ingress pathType).
   */
  pathType?: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  /**
   * Name of the Kubernetes TLS Secret for host (created out of band); requires host.
   */
  tlsSecret?: string;
}
/**
 * Environment variables. A string may reference another service's address as ${service.port} (host:port), ${service.port.host} or ${service.port.port}; write $$ for a literal $. An object reads the value from a secret or a config entry.
 */
export interface Env {
  [k: string]: EnvValue;
}
/**
 * One config file, from a file next to the service file or inline content.
 */
export interface Config {
  /**
   * Config name (DNS-1123 label); names the ConfigMap '<service>-<name>'.
   */
  name: string;
  /**
   * Absolute path of the file inside the container.
   */
  mountPath: string;
  /**
   * Source file, relative to the service file.
   */
  file?: string;
  /**
   * Inline file content (instead of file).
   */
  content?: string;
  /**
   * File mode as an octal string.
   */
  mode?: string;
}
/**
 * One secret mounted as a file.
 */
export interface SecretMount {
  /**
   * Secret name (DNS-1123 subdomain).
   */
  name: string;
  /**
   * Key inside the Kubernetes Secret holding the file content. Default: the secret name.
   */
  key?: string;
  /**
   * Path of the file inside the container. Default /run/secrets/<name> (the same in both targets).
   */
  mountPath?: string;
}
/**
 * One volume. persistent: survives restarts (compose named volume; PVC, or a claim template for stateful); ephemeral: scratch space (compose anonymous volume; emptyDir); tmpfs: in memory (compose tmpfs; emptyDir medium Memory); bind: a host folder (compose only, for local development).
 */
export interface Volume {
  /**
   * Volume name (DNS-1123 label).
   */
  name: string;
  /**
   * Absolute mount path in the container.
   */
  mountPath: string;
  /**
   * Volume type.
   */
  type?: 'persistent' | 'ephemeral' | 'tmpfs' | 'bind';
  /**
   * Size as a Kubernetes quantity (required for persistent; optional limit for ephemeral and tmpfs).
   */
  size?: string;
  /**
   * PVC access mode.
   */
  accessMode?: 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
  /**
   * Storage class name; omit for the cluster default.
   */
  storageClass?: string;
  /**
   * Mount read-only.
   */
  readOnly?: boolean;
  /**
   * Mount only this sub-path of the volume.
   */
  subPath?: string;
  /**
   * Host path for bind volumes, relative to the service file.
   */
  source?: string;
}
/**
 * Health checks: Kubernetes probes, and one compose healthcheck (from readiness, else liveness, else startup).
 */
export interface Health {
  liveness?: Probe;
  readiness?: Probe;
  startup?: Probe;
  /**
   * Overrides the compose healthcheck test, e.g. for images without a shell: ["CMD", "/app/healthcheck"]; ["NONE"] disables it.
   *
   * @minItems 1
   */
  compose?: [string, ...string[]];
}
/**
 * One probe: exactly one of http, tcp, exec, grpc, plus timing.
 */
export interface Probe {
  /**
   * HTTP GET; healthy on a 2xx or 3xx status.
   */
  http?: {
    /**
     * Request path.
     */
    path?: string;
    port: PortRef;
    /**
     * HTTP or HTTPS.
     */
    scheme?: 'HTTP' | 'HTTPS';
  };
  /**
   * TCP connect.
   */
  tcp?: {
    port: PortRef;
  };
  /**
   * Run a command in the container; healthy on exit 0.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     *
     * @minItems 1
     */
    command: [string, ...string[]];
  };
  /**
   * gRPC health checking protocol.
   */
  grpc?: {
    port: PortRef;
    /**
     * Service name sent in the health request.
     */
    service?: string;
  };
  /**
   * Seconds before the first check.
   */
  initialDelaySeconds?: number;
  /**
   * Seconds between checks (compose interval).
   */
  periodSeconds?: number;
  /**
   * Seconds before a check times out.
   */
  timeoutSeconds?: number;
  /**
   * Consecutive failures before unhealthy (compose retries).
   */
  failureThreshold?: number;
  /**
   * Consecutive successes before healthy (readiness only).
   */
  successThreshold?: number;
}
/**
 * CPU and memory (Kubernetes quantities: cpu '250m' or '1', memory '256Mi').
 */
export interface Resources {
  requests?: ResourceAmounts;
  limits?: ResourceAmounts;
}
/**
 * CPU and memory amounts.
 */
export interface ResourceAmounts {
  /**
   * CPU as a Kubernetes quantity.
   */
  cpu?: string | number;
  /**
   * Memory as a Kubernetes quantity.
   */
  memory?: string;
}
/**
 * Horizontal autoscaling (autoscaling/v2 HPA). The workload then has no replicas field; compose runs minReplicas.
 */
export interface Autoscaling {
  /**
   * Lower bound.
   */
  minReplicas?: number;
  /**
   * Upper bound.
   */
  maxReplicas: number;
  /**
   * Target average CPU utilization, percent of requests.
   */
  cpuUtilization?: number;
  /**
   * Target average memory utilization, percent of requests.
   */
  memoryUtilization?: number;
}
/**
 * PodDisruptionBudget. Generated automatically (maxUnavailable 1) when replicas or minReplicas > 1; set one field to choose, or enabled: false to omit.
 */
export interface Disruption {
  /**
   * Generate the PodDisruptionBudget.
   */
  enabled?: boolean;
  /**
   * Pods that must stay available (number or percent).
   */
  minAvailable?: number | string;
  /**
   * Pods that may be unavailable (number or percent).
   */
  maxUnavailable?: number | string;
}
/**
 * Rolling update settings (Deployment strategy).
 */
export interface Rollout {
  /**
   * RollingUpdate or Recreate.
   */
  strategy?: 'RollingUpdate' | 'Recreate';
  /**
   * Extra pods during a rollout (number or percent).
   */
  maxSurge?: number | string;
  /**
   * Pods that may be down during a rollout (number or percent).
   */
  maxUnavailable?: number | string;
}
/**
 * Settings for workload job (and for each run of a cronjob).
 */
export interface Job {
  /**
   * Retries before the job fails.
   */
  backoffLimit?: number;
  /**
   * Successful pods needed.
   */
  completions?: number;
  /**
   * Pods running at once.
   */
  parallelism?: number;
  /**
   * Time limit for the whole job.
   */
  activeDeadlineSeconds?: number;
  /**
   * Delete the finished job after this many seconds.
   */
  ttlSecondsAfterFinished?: number;
}
/**
 * Schedule of a cronjob (required for workload cronjob).
 */
export interface Schedule {
  /**
   * Cron expression.
   */
  cron: string;
  /**
   * IANA time zone name.
   */
  timeZone?: string;
  /**
   * What to do when a run is still going.
   */
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  /**
   * Finished successful jobs to keep.
   */
  successfulJobsHistoryLimit?: number;
  /**
   * Failed jobs to keep.
   */
  failedJobsHistoryLimit?: number;
  /**
   * Pause the schedule.
   */
  suspend?: boolean;
}
/**
 * Extra labels on every object of this service (and compose labels).
 */
export interface Labels {
  [k: string]: string;
}
/**
 * Extra annotations on the pod template (Kubernetes only).
 */
export interface Annotations {
  [k: string]: string;
}
/**
 * Security context. By default pods meet the Kubernetes restricted Pod Security Standard and compose drops all capabilities with no-new-privileges. Set profile to opt out explicitly.
 */
export interface Security {
  /**
   * restricted (default): non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp. baseline: no runAsNonRoot requirement and default capabilities kept (for images that must start as root). privileged: no restrictions (documented opt-out).
   */
  profile?: 'restricted' | 'baseline' | 'privileged';
  /**
   * Mount the container's root filesystem read-only.
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Capabilities to add back (restricted allows only NET_BIND_SERVICE).
   */
  addCapabilities?: string[];
  /**
   * Mount the service account token (default false).
   */
  automountServiceAccountToken?: boolean;
}
/**
 * The service is provided outside the cluster in this environment (e.g. a managed database): Kubernetes gets an ExternalName Service pointing at host instead of a workload; compose still runs the container if it is local. Usually set under environments.
 */
export interface External {
  /**
   * DNS name of the external endpoint.
   */
  host: string;
}
/**
 * Escape hatch: RFC 6902 JSON patches applied last to the generated objects of this service.
 */
export interface Patches {
  /**
   * Patch operations on this service's compose service object.
   */
  compose?: PatchOperation[];
  /**
   * Patches on this service's Kubernetes objects, each aimed at one object by kind (and name, default the service name).
   */
  kubernetes?: {
    /**
     * Kind of the target object, e.g. Deployment.
     */
    kind: string;
    /**
     * Name of the target object. Default: the service name.
     */
    name?: string;
    /**
     * RFC 6902 operations.
     */
    ops: PatchOperation[];
  }[];
}
/**
 * One RFC 6902 operation.
 */
export interface PatchOperation {
  /**
   * Operation.
   */
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  /**
   * JSON pointer to the target.
   */
  path: string;
  /**
   * Source pointer (move, copy).
   */
  from?: string;
  /**
   * Value (add, replace, test).
   */
  value?: {
    [k: string]: unknown;
  };
}
/**
 * Fields that replace or merge into the service spec in one environment. null removes a value.
 */
export interface EnvironmentOverride {
  description?: Description;
  image?: Image;
  build?: Build;
  command?: Command;
  args?: Args;
  workingDir?: WorkingDir;
  user?: User;
  /**
   * Port overrides merged by name (e.g. another ingress host).
   */
  ports?: PortOverride[];
  /**
   * Env values merged into the service's env; null removes a variable.
   */
  env?: {
    [k: string]: EnvValue | null;
  };
  envFiles?: EnvFiles;
  configs?: Configs;
  secrets?: Secrets;
  volumes?: Volumes;
  health?: Health;
  resources?: Resources;
  replicas?: Replicas;
  autoscaling?: Autoscaling | null;
  disruption?: Disruption;
  rollout?: Rollout;
  terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
  job?: Job;
  schedule?: Schedule;
  dependsOn?: DependsOn;
  allowFrom?: AllowFrom;
  labels?: Labels;
  annotations?: Annotations;
  security?: Security;
  external?: External | null;
  patches?: Patches;
}
/**
 * Override of one port, matched by name.
 */
export interface PortOverride {
  /**
   * Name of the port to override.
   */
  name: string;
  /**
   * New port number.
   */
  port?: number;
  /**
   * Transport protocol.
   */
  protocol?: 'TCP' | 'UDP';
  /**
   * New exposure.
   */
  expose?: 'internal' | 'published' | 'ingress';
  /**
   * New compose host port.
   */
  hostPort?: number;
  /**
   * Replaces the port's routes.
   *
   * @minItems 1
   */
  ingress?: [IngressRoute, ...IngressRoute[]];
}

/**
 * twinform.yaml: the project file at the root of a repo. It names the project, its environments, where service specs live and where generated files go.
 */
export interface ProjectSpec {
  /**
   * Project name (DNS-1123 label). Used as the compose project name and the app.kubernetes.io/part-of label.
   */
  name: string;
  /**
   * Free text for people.
   */
  description?: string;
  /**
   * Kubernetes namespace of every generated object (DNS-1123 label). Omit to leave objects namespace-less.
   */
  namespace?: string;
  /**
   * Glob patterns (relative to this file) that find service spec files. Default ['services/* /service.yaml'].
   */
  serviceFiles?: string[];
  /**
   * Service specs written inline here instead of in their own files.
   */
  services?: ServiceSpec[];
  /**
   * Environments, keyed by name (DNS-1123 label). Each gets a kustomize overlay; the one marked local is what docker-compose.yml renders. Default: dev (local).
   */
  environments?: {
    [k: string]: Environment;
  };
  /**
   * Where generated files go, relative to this file.
   */
  output?: {
    /**
     * Compose file path. Default docker-compose.yml.
     */
    compose?: string;
    /**
     * Folder for Kubernetes manifests (base/ and overlays/ inside). Default k8s.
     */
    kubernetes?: string;
  };
  /**
   * Settings for the Kubernetes output.
   */
  kubernetes?: {
    /**
     * Image of the init containers that wait for dependencies; it needs a shell and nc. Pin it.
     */
    waitImage?: string;
    /**
     * ingressClassName of generated Ingress objects.
     */
    ingressClassName?: string;
    /**
     * Namespace of the ingress controller, allowed through NetworkPolicies to ingress-exposed ports. Default ingress-nginx.
     */
    ingressControllerNamespace?: string;
    /**
     * Generate NetworkPolicies (default deny ingress + allow rules). Default true. Compose mirrors them with one network per service, joined by its callers; when false, every compose service shares the default network.
     */
    networkPolicies?: boolean;
  };
  /**
   * Settings for the compose output.
   */
  compose?: {
    /**
     * Local reverse proxy that routes the same hosts and paths as the Kubernetes Ingress. Generated when any port is exposed by ingress, unless enabled is false.
     */
    proxy?: {
      /**
       * Generate the proxy service.
       */
      enabled?: boolean;
      /**
       * Proxy image (nginx-compatible, running as non-root and listening on 8080 inside). Pin it.
       */
      image?: string;
      /**
       * Host port the proxy listens on.
       */
      port?: number;
    };
  };
  /**
   * When set, each secret a service uses also gets an external-secrets.io/v1 ExternalSecret reading it from this store.
   */
  secretStore?: {
    /**
     * SecretStore or ClusterSecretStore name.
     */
    name: string;
    /**
     * Store kind.
     */
    kind?: 'SecretStore' | 'ClusterSecretStore';
    /**
     * How often to refresh.
     */
    refreshInterval?: string;
  };
  /**
   * Folder of project service templates (relative to this file); they override built-in templates of the same name.
   */
  templates?: string;
}
/**
 * One environment.
 */
export interface Environment {
  /**
   * Free text for people.
   */
  description?: string;
  /**
   * docker-compose.yml renders this environment. Exactly one environment is local (default: dev, or the first).
   */
  local?: boolean;
  /**
   * Namespace for this environment's overlay (overrides the project namespace).
   */
  namespace?: string;
}
