// Generated from schemas/*.schema.json by `npm run gen-types` (ajv 8.20.0 standalone code). Do not edit by hand.
"use strict";
exports.service = validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://twinform.dev/schemas/service.schema.json","title":"ServiceSpec","description":"One microservice, described once. twinform generates its docker-compose service and its Kubernetes objects from this file.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Service name: a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 52 characters). It names the compose service, the Kubernetes workload and Service, and is the host name other services use.","type":"string","examples":["backend"]},"description":{"$ref":"#/$defs/description"},"workload":{"$ref":"#/$defs/workload"},"image":{"$ref":"#/$defs/image"},"build":{"$ref":"#/$defs/build"},"command":{"$ref":"#/$defs/command"},"args":{"$ref":"#/$defs/args"},"workingDir":{"$ref":"#/$defs/workingDir"},"user":{"$ref":"#/$defs/user"},"ports":{"$ref":"#/$defs/ports"},"env":{"$ref":"#/$defs/env"},"envFiles":{"$ref":"#/$defs/envFiles"},"configs":{"$ref":"#/$defs/configs"},"secrets":{"$ref":"#/$defs/secrets"},"volumes":{"$ref":"#/$defs/volumes"},"health":{"$ref":"#/$defs/health"},"resources":{"$ref":"#/$defs/resources"},"replicas":{"$ref":"#/$defs/replicas"},"autoscaling":{"$ref":"#/$defs/autoscaling"},"disruption":{"$ref":"#/$defs/disruption"},"rollout":{"$ref":"#/$defs/rollout"},"terminationGracePeriodSeconds":{"$ref":"#/$defs/terminationGracePeriodSeconds"},"job":{"$ref":"#/$defs/job"},"schedule":{"$ref":"#/$defs/schedule"},"dependsOn":{"$ref":"#/$defs/dependsOn"},"allowFrom":{"$ref":"#/$defs/allowFrom"},"labels":{"$ref":"#/$defs/labels"},"annotations":{"$ref":"#/$defs/annotations"},"security":{"$ref":"#/$defs/security"},"external":{"$ref":"#/$defs/external"},"patches":{"$ref":"#/$defs/patches"},"environments":{"description":"Per-environment overrides, keyed by an environment name declared in twinform.yaml. Objects merge key by key; lists of named items (ports, configs, secrets, volumes) merge by name; other lists replace; null removes a value.","type":"object","additionalProperties":{"$ref":"#/$defs/environmentOverride"},"examples":[{"prod":{"replicas":3,"env":{"LOG_LEVEL":"warn"}}}]}},"$defs":{"description":{"description":"Free text for people; not rendered into the outputs.","type":"string"},"workload":{"description":"What kind of workload this is. service: long-running (Deployment); stateful: stable identity and per-replica storage (StatefulSet + headless Service); job: runs to completion (Job); cronjob: runs on a schedule (CronJob); daemon: one per node (DaemonSet; one instance in compose).","type":"string","enum":["service","stateful","job","cronjob","daemon"],"default":"service"},"image":{"description":"Container image reference. Required unless build is given; with build, it names the image that compose builds and Kubernetes pulls.","type":"string","minLength":1,"examples":["ghcr.io/govapp/backend:1.4.2","postgres:16.4-alpine"]},"build":{"description":"Build the image locally (compose only; Kubernetes pulls image). context and dockerfile are relative to the service file's folder.","type":"object","additionalProperties":false,"properties":{"context":{"description":"Build context folder, relative to the service file. Default '.'.","type":"string","default":"."},"dockerfile":{"description":"Dockerfile path relative to the context. Default 'Dockerfile'.","type":"string"},"target":{"description":"Multi-stage build target.","type":"string"},"args":{"description":"Build arguments.","type":"object","additionalProperties":{"type":"string"}}}},"command":{"description":"Replaces the image's entrypoint (compose entrypoint, Kubernetes command).","type":"array","items":{"type":"string"},"examples":[["node","dist/server.js"]]},"args":{"description":"Replaces the image's default arguments (compose command, Kubernetes args).","type":"array","items":{"type":"string"}},"workingDir":{"description":"Working directory inside the container.","type":"string"},"user":{"description":"Numeric user and group the process runs as (compose user 'uid:gid'; Kubernetes runAsUser/runAsGroup, and fsGroup so volumes are writable).","type":"object","additionalProperties":false,"required":["uid"],"properties":{"uid":{"description":"User id; must not be 0 under the restricted profile.","type":"integer","minimum":0},"gid":{"description":"Group id; defaults to uid.","type":"integer","minimum":0}}},"ports":{"description":"Ports the container listens on. Each has a name that probes, ingress routes and references use, so a renumbered port cannot break them.","type":"array","items":{"$ref":"#/$defs/port"}},"port":{"description":"One named container port.","type":"object","additionalProperties":false,"required":["name","port"],"properties":{"name":{"description":"Port name: an IANA service name (lowercase letters, digits and '-', at most 15 characters, at least one letter).","type":"string","examples":["http"]},"port":{"description":"Port number the container listens on. The Kubernetes Service exposes the same number.","type":"integer","minimum":1,"maximum":65535},"protocol":{"description":"Transport protocol.","type":"string","enum":["TCP","UDP"],"default":"TCP"},"expose":{"description":"Who can reach the port. internal: other services only (compose expose, Kubernetes ClusterIP Service); published: also the developer's machine (compose ports host:container); ingress: routed by HTTP host/path (Kubernetes Ingress, and the local reverse proxy in compose).","type":"string","enum":["internal","published","ingress"],"default":"internal"},"hostPort":{"description":"Host port in compose for published and ingress ports. Default: the same number as port.","type":"integer","minimum":1,"maximum":65535},"ingress":{"description":"HTTP routes to this port (required when expose is ingress).","type":"array","minItems":1,"items":{"$ref":"#/$defs/ingressRoute"}}}},"ingressRoute":{"description":"One HTTP route: host (optional) and path.","type":"object","additionalProperties":false,"properties":{"host":{"description":"Host name (DNS subdomain). Omit to match any host.","type":"string","examples":["govapp.example.gov"]},"path":{"description":"Path prefix or exact path, starting with '/'.","type":"string","default":"/","examples":["/api"]},"pathType":{"description":"How path matches (Kubernetes Ingress pathType).","type":"string","enum":["Prefix","Exact","ImplementationSpecific"],"default":"Prefix"},"tlsSecret":{"description":"Name of the Kubernetes TLS Secret for host (created out of band); requires host.","type":"string"}}},"env":{"description":"Environment variables. A string may reference another service's address as ${service.port} (host:port), ${service.port.host} or ${service.port.port}; write $$ for a literal $. An object reads the value from a secret or a config entry.","type":"object","additionalProperties":{"$ref":"#/$defs/envValue"},"examples":[{"API_URL":"http://${backend.http}","LOG_LEVEL":"info","DB_PASSWORD":{"secret":"db-password"}}]},"envValue":{"description":"A literal (numbers and booleans are written as strings), a reference to a secret key, or a reference to a config entry.","anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"object","description":"Read the value from a secret (never written into generated files).","additionalProperties":false,"required":["secret"],"properties":{"secret":{"description":"Secret name (declared in this service's secrets list or used only for env).","type":"string"},"key":{"description":"Key inside the secret. Default: the secret name.","type":"string"}}},{"type":"object","description":"Read the value from an env file of this service.","additionalProperties":false,"required":["config","key"],"properties":{"config":{"description":"Name of a ConfigMap created from one of this service's envFiles (the file name without extension).","type":"string"},"key":{"description":"Key in that env file.","type":"string"}}}]},"envFiles":{"description":"Env files (KEY=value lines) relative to the service file: compose env_file, and one ConfigMap per file consumed with envFrom.","type":"array","items":{"type":"string"},"examples":[["config/app.env"]]},"configs":{"description":"Config files mounted into the container: compose configs, and a ConfigMap mounted at the same path with the same mode.","type":"array","items":{"$ref":"#/$defs/config"}},"config":{"description":"One config file, from a file next to the service file or inline content.","type":"object","additionalProperties":false,"required":["name","mountPath"],"properties":{"name":{"description":"Config name (DNS-1123 label); names the ConfigMap '<service>-<name>'.","type":"string"},"mountPath":{"description":"Absolute path of the file inside the container.","type":"string","examples":["/etc/nginx/conf.d/default.conf"]},"file":{"description":"Source file, relative to the service file.","type":"string"},"content":{"description":"Inline file content (instead of file).","type":"string"},"mode":{"description":"File mode as an octal string.","type":"string","pattern":"^0?[0-7]{3}$","examples":["0444"]}}},"secrets":{"description":"Secret files mounted into the container. Values never enter the spec or generated files: compose reads ./secrets/<name> (git-ignored), Kubernetes mounts a Secret created out of band.","type":"array","items":{"$ref":"#/$defs/secretMount"}},"secretMount":{"description":"One secret mounted as a file.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Secret name (DNS-1123 subdomain).","type":"string"},"key":{"description":"Key inside the Kubernetes Secret holding the file content. Default: the secret name.","type":"string"},"mountPath":{"description":"Path of the file inside the container. Default /run/secrets/<name> (the same in both targets).","type":"string"}}},"volumes":{"description":"Volumes mounted into the container.","type":"array","items":{"$ref":"#/$defs/volume"}},"volume":{"description":"One volume. persistent: survives restarts (compose named volume; PVC, or a claim template for stateful); ephemeral: scratch space (compose anonymous volume; emptyDir); tmpfs: in memory (compose tmpfs; emptyDir medium Memory); bind: a host folder (compose only, for local development).","type":"object","additionalProperties":false,"required":["name","mountPath"],"properties":{"name":{"description":"Volume name (DNS-1123 label).","type":"string"},"mountPath":{"description":"Absolute mount path in the container.","type":"string"},"type":{"description":"Volume type.","type":"string","enum":["persistent","ephemeral","tmpfs","bind"],"default":"persistent"},"size":{"description":"Size as a Kubernetes quantity (required for persistent; optional limit for ephemeral and tmpfs).","type":"string","examples":["10Gi"]},"accessMode":{"description":"PVC access mode.","type":"string","enum":["ReadWriteOnce","ReadOnlyMany","ReadWriteMany","ReadWriteOncePod"],"default":"ReadWriteOnce"},"storageClass":{"description":"Storage class name; omit for the cluster default.","type":"string"},"readOnly":{"description":"Mount read-only.","type":"boolean","default":false},"subPath":{"description":"Mount only this sub-path of the volume.","type":"string"},"source":{"description":"Host path for bind volumes, relative to the service file.","type":"string"}}},"health":{"description":"Health checks: Kubernetes probes, and one compose healthcheck (from readiness, else liveness, else startup).","type":"object","additionalProperties":false,"properties":{"liveness":{"$ref":"#/$defs/probe"},"readiness":{"$ref":"#/$defs/probe"},"startup":{"$ref":"#/$defs/probe"},"compose":{"description":"Overrides the compose healthcheck test, e.g. for images without a shell: [\"CMD\", \"/app/healthcheck\"]; [\"NONE\"] disables it.","type":"array","minItems":1,"items":{"type":"string"}}}},"probe":{"description":"One probe: exactly one of http, tcp, exec, grpc, plus timing.","type":"object","additionalProperties":false,"properties":{"http":{"description":"HTTP GET; healthy on a 2xx or 3xx status.","type":"object","additionalProperties":false,"required":["port"],"properties":{"path":{"description":"Request path.","type":"string","default":"/"},"port":{"$ref":"#/$defs/portRef"},"scheme":{"description":"HTTP or HTTPS.","type":"string","enum":["HTTP","HTTPS"],"default":"HTTP"}}},"tcp":{"description":"TCP connect.","type":"object","additionalProperties":false,"required":["port"],"properties":{"port":{"$ref":"#/$defs/portRef"}}},"exec":{"description":"Run a command in the container; healthy on exit 0.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"description":"Command and arguments (no shell unless you call one).","type":"array","minItems":1,"items":{"type":"string"}}}},"grpc":{"description":"gRPC health checking protocol.","type":"object","additionalProperties":false,"required":["port"],"properties":{"port":{"$ref":"#/$defs/portRef"},"service":{"description":"Service name sent in the health request.","type":"string"}}},"initialDelaySeconds":{"description":"Seconds before the first check.","type":"integer","minimum":0},"periodSeconds":{"description":"Seconds between checks (compose interval).","type":"integer","minimum":1},"timeoutSeconds":{"description":"Seconds before a check times out.","type":"integer","minimum":1},"failureThreshold":{"description":"Consecutive failures before unhealthy (compose retries).","type":"integer","minimum":1},"successThreshold":{"description":"Consecutive successes before healthy (readiness only).","type":"integer","minimum":1}}},"portRef":{"description":"A port of this service, by name (preferred) or number.","type":["string","integer"]},"resources":{"description":"CPU and memory (Kubernetes quantities: cpu '250m' or '1', memory '256Mi').","type":"object","additionalProperties":false,"properties":{"requests":{"$ref":"#/$defs/resourceAmounts"},"limits":{"$ref":"#/$defs/resourceAmounts"}}},"resourceAmounts":{"description":"CPU and memory amounts.","type":"object","additionalProperties":false,"properties":{"cpu":{"description":"CPU as a Kubernetes quantity.","type":["string","number"],"examples":["250m"]},"memory":{"description":"Memory as a Kubernetes quantity.","type":"string","examples":["256Mi"]}}},"replicas":{"description":"Number of instances (Kubernetes replicas, compose deploy.replicas). Not allowed together with autoscaling.","type":"integer","minimum":0},"autoscaling":{"description":"Horizontal autoscaling (autoscaling/v2 HPA). The workload then has no replicas field; compose runs minReplicas.","type":"object","additionalProperties":false,"required":["maxReplicas"],"properties":{"minReplicas":{"description":"Lower bound.","type":"integer","minimum":1,"default":1},"maxReplicas":{"description":"Upper bound.","type":"integer","minimum":1},"cpuUtilization":{"description":"Target average CPU utilization, percent of requests.","type":"integer","minimum":1,"maximum":1000},"memoryUtilization":{"description":"Target average memory utilization, percent of requests.","type":"integer","minimum":1,"maximum":1000}}},"disruption":{"description":"PodDisruptionBudget. Generated automatically (maxUnavailable 1) when replicas or minReplicas > 1; set one field to choose, or enabled: false to omit.","type":"object","additionalProperties":false,"properties":{"enabled":{"description":"Generate the PodDisruptionBudget.","type":"boolean"},"minAvailable":{"description":"Pods that must stay available (number or percent).","type":["integer","string"]},"maxUnavailable":{"description":"Pods that may be unavailable (number or percent).","type":["integer","string"]}}},"rollout":{"description":"Rolling update settings (Deployment strategy).","type":"object","additionalProperties":false,"properties":{"strategy":{"description":"RollingUpdate or Recreate.","type":"string","enum":["RollingUpdate","Recreate"],"default":"RollingUpdate"},"maxSurge":{"description":"Extra pods during a rollout (number or percent).","type":["integer","string"]},"maxUnavailable":{"description":"Pods that may be down during a rollout (number or percent).","type":["integer","string"]}}},"terminationGracePeriodSeconds":{"description":"Seconds between SIGTERM and SIGKILL (Kubernetes terminationGracePeriodSeconds, compose stop_grace_period).","type":"integer","minimum":0},"job":{"description":"Settings for workload job (and for each run of a cronjob).","type":"object","additionalProperties":false,"properties":{"backoffLimit":{"description":"Retries before the job fails.","type":"integer","minimum":0},"completions":{"description":"Successful pods needed.","type":"integer","minimum":1},"parallelism":{"description":"Pods running at once.","type":"integer","minimum":1},"activeDeadlineSeconds":{"description":"Time limit for the whole job.","type":"integer","minimum":1},"ttlSecondsAfterFinished":{"description":"Delete the finished job after this many seconds.","type":"integer","minimum":0}}},"schedule":{"description":"Schedule of a cronjob (required for workload cronjob).","type":"object","additionalProperties":false,"required":["cron"],"properties":{"cron":{"description":"Cron expression.","type":"string","examples":["0 3 * * *"]},"timeZone":{"description":"IANA time zone name.","type":"string","examples":["Europe/Berlin"]},"concurrencyPolicy":{"description":"What to do when a run is still going.","type":"string","enum":["Allow","Forbid","Replace"],"default":"Forbid"},"successfulJobsHistoryLimit":{"description":"Finished successful jobs to keep.","type":"integer","minimum":0},"failedJobsHistoryLimit":{"description":"Failed jobs to keep.","type":"integer","minimum":0},"suspend":{"description":"Pause the schedule.","type":"boolean"}}},"dependsOn":{"description":"Services this one needs. compose depends_on with condition; Kubernetes init containers that wait for each dependency's Service port (and may call it, for NetworkPolicy).","type":"array","items":{"anyOf":[{"type":"string","description":"Service name; condition started."},{"type":"object","additionalProperties":false,"required":["service"],"properties":{"service":{"description":"Name of the service depended on.","type":"string"},"condition":{"description":"started: the container runs; healthy: its health check passes (Kubernetes: its Service port accepts connections); completed: a job finished successfully.","type":"string","enum":["started","healthy","completed"],"default":"started"},"port":{"description":"Which port of the dependency to wait for (name). Default: its first port.","type":"string"}}}]}},"allowFrom":{"description":"Services allowed to call this one besides those that depend on it (NetworkPolicy ingress rules; compose shared networks).","type":"array","items":{"type":"string"}},"labels":{"description":"Extra labels on every object of this service (and compose labels).","type":"object","additionalProperties":{"type":"string"}},"annotations":{"description":"Extra annotations on the pod template (Kubernetes only).","type":"object","additionalProperties":{"type":"string"}},"security":{"description":"Security context. By default pods meet the Kubernetes restricted Pod Security Standard and compose drops all capabilities with no-new-privileges. Set profile to opt out explicitly.","type":"object","additionalProperties":false,"properties":{"profile":{"description":"restricted (default): non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp. baseline: no runAsNonRoot requirement and default capabilities kept (for images that must start as root). privileged: no restrictions (documented opt-out).","type":"string","enum":["restricted","baseline","privileged"],"default":"restricted"},"readOnlyRootFilesystem":{"description":"Mount the container's root filesystem read-only.","type":"boolean","default":false},"addCapabilities":{"description":"Capabilities to add back (restricted allows only NET_BIND_SERVICE).","type":"array","items":{"type":"string"}},"automountServiceAccountToken":{"description":"Mount the service account token (default false).","type":"boolean","default":false}}},"external":{"description":"The service is provided outside the cluster in this environment (e.g. a managed database): Kubernetes gets an ExternalName Service pointing at host instead of a workload; compose still runs the container if it is local. Usually set under environments.","type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"description":"DNS name of the external endpoint.","type":"string","examples":["govapp.abc123.eu-west-1.rds.amazonaws.com"]}}},"patches":{"description":"Escape hatch: RFC 6902 JSON patches applied last to the generated objects of this service.","type":"object","additionalProperties":false,"properties":{"compose":{"description":"Patch operations on this service's compose service object.","type":"array","items":{"$ref":"#/$defs/patchOperation"}},"kubernetes":{"description":"Patches on this service's Kubernetes objects, each aimed at one object by kind (and name, default the service name).","type":"array","items":{"type":"object","additionalProperties":false,"required":["kind","ops"],"properties":{"kind":{"description":"Kind of the target object, e.g. Deployment.","type":"string"},"name":{"description":"Name of the target object. Default: the service name.","type":"string"},"ops":{"description":"RFC 6902 operations.","type":"array","items":{"$ref":"#/$defs/patchOperation"}}}}}}},"patchOperation":{"description":"One RFC 6902 operation.","type":"object","additionalProperties":false,"required":["op","path"],"properties":{"op":{"description":"Operation.","type":"string","enum":["add","remove","replace","move","copy","test"]},"path":{"description":"JSON pointer to the target.","type":"string"},"from":{"description":"Source pointer (move, copy).","type":"string"},"value":{"description":"Value (add, replace, test)."}}},"environmentOverride":{"description":"Fields that replace or merge into the service spec in one environment. null removes a value.","type":"object","additionalProperties":false,"properties":{"description":{"$ref":"#/$defs/description"},"image":{"$ref":"#/$defs/image"},"build":{"$ref":"#/$defs/build"},"command":{"$ref":"#/$defs/command"},"args":{"$ref":"#/$defs/args"},"workingDir":{"$ref":"#/$defs/workingDir"},"user":{"$ref":"#/$defs/user"},"ports":{"description":"Port overrides merged by name (e.g. another ingress host).","type":"array","items":{"$ref":"#/$defs/portOverride"}},"env":{"description":"Env values merged into the service's env; null removes a variable.","type":"object","additionalProperties":{"anyOf":[{"$ref":"#/$defs/envValue"},{"type":"null"}]}},"envFiles":{"$ref":"#/$defs/envFiles"},"configs":{"$ref":"#/$defs/configs"},"secrets":{"$ref":"#/$defs/secrets"},"volumes":{"$ref":"#/$defs/volumes"},"health":{"$ref":"#/$defs/health"},"resources":{"$ref":"#/$defs/resources"},"replicas":{"$ref":"#/$defs/replicas"},"autoscaling":{"anyOf":[{"$ref":"#/$defs/autoscaling"},{"type":"null"}]},"disruption":{"$ref":"#/$defs/disruption"},"rollout":{"$ref":"#/$defs/rollout"},"terminationGracePeriodSeconds":{"$ref":"#/$defs/terminationGracePeriodSeconds"},"job":{"$ref":"#/$defs/job"},"schedule":{"$ref":"#/$defs/schedule"},"dependsOn":{"$ref":"#/$defs/dependsOn"},"allowFrom":{"$ref":"#/$defs/allowFrom"},"labels":{"$ref":"#/$defs/labels"},"annotations":{"$ref":"#/$defs/annotations"},"security":{"$ref":"#/$defs/security"},"external":{"anyOf":[{"$ref":"#/$defs/external"},{"type":"null"}]},"patches":{"$ref":"#/$defs/patches"}}},"portOverride":{"description":"Override of one port, matched by name.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Name of the port to override.","type":"string"},"port":{"description":"New port number.","type":"integer","minimum":1,"maximum":65535},"protocol":{"description":"Transport protocol.","type":"string","enum":["TCP","UDP"]},"expose":{"description":"New exposure.","type":"string","enum":["internal","published","ingress"]},"hostPort":{"description":"New compose host port.","type":"integer","minimum":1,"maximum":65535},"ingress":{"description":"Replaces the port's routes.","type":"array","minItems":1,"items":{"$ref":"#/$defs/ingressRoute"}}}}}};
const schema32 = {"description":"Free text for people; not rendered into the outputs.","type":"string"};
const schema33 = {"description":"What kind of workload this is. service: long-running (Deployment); stateful: stable identity and per-replica storage (StatefulSet + headless Service); job: runs to completion (Job); cronjob: runs on a schedule (CronJob); daemon: one per node (DaemonSet; one instance in compose).","type":"string","enum":["service","stateful","job","cronjob","daemon"],"default":"service"};
const schema34 = {"description":"Container image reference. Required unless build is given; with build, it names the image that compose builds and Kubernetes pulls.","type":"string","minLength":1,"examples":["ghcr.io/govapp/backend:1.4.2","postgres:16.4-alpine"]};
const schema35 = {"description":"Build the image locally (compose only; Kubernetes pulls image). context and dockerfile are relative to the service file's folder.","type":"object","additionalProperties":false,"properties":{"context":{"description":"Build context folder, relative to the service file. Default '.'.","type":"string","default":"."},"dockerfile":{"description":"Dockerfile path relative to the context. Default 'Dockerfile'.","type":"string"},"target":{"description":"Multi-stage build target.","type":"string"},"args":{"description":"Build arguments.","type":"object","additionalProperties":{"type":"string"}}}};
const schema36 = {"description":"Replaces the image's entrypoint (compose entrypoint, Kubernetes command).","type":"array","items":{"type":"string"},"examples":[["node","dist/server.js"]]};
const schema37 = {"description":"Replaces the image's default arguments (compose command, Kubernetes args).","type":"array","items":{"type":"string"}};
const schema38 = {"description":"Working directory inside the container.","type":"string"};
const schema39 = {"description":"Numeric user and group the process runs as (compose user 'uid:gid'; Kubernetes runAsUser/runAsGroup, and fsGroup so volumes are writable).","type":"object","additionalProperties":false,"required":["uid"],"properties":{"uid":{"description":"User id; must not be 0 under the restricted profile.","type":"integer","minimum":0},"gid":{"description":"Group id; defaults to uid.","type":"integer","minimum":0}}};
const schema45 = {"description":"Env files (KEY=value lines) relative to the service file: compose env_file, and one ConfigMap per file consumed with envFrom.","type":"array","items":{"type":"string"},"examples":[["config/app.env"]]};
const schema60 = {"description":"Number of instances (Kubernetes replicas, compose deploy.replicas). Not allowed together with autoscaling.","type":"integer","minimum":0};
const schema61 = {"description":"Horizontal autoscaling (autoscaling/v2 HPA). The workload then has no replicas field; compose runs minReplicas.","type":"object","additionalProperties":false,"required":["maxReplicas"],"properties":{"minReplicas":{"description":"Lower bound.","type":"integer","minimum":1,"default":1},"maxReplicas":{"description":"Upper bound.","type":"integer","minimum":1},"cpuUtilization":{"description":"Target average CPU utilization, percent of requests.","type":"integer","minimum":1,"maximum":1000},"memoryUtilization":{"description":"Target average memory utilization, percent of requests.","type":"integer","minimum":1,"maximum":1000}}};
const schema62 = {"description":"PodDisruptionBudget. Generated automatically (maxUnavailable 1) when replicas or minReplicas > 1; set one field to choose, or enabled: false to omit.","type":"object","additionalProperties":false,"properties":{"enabled":{"description":"Generate the PodDisruptionBudget.","type":"boolean"},"minAvailable":{"description":"Pods that must stay available (number or percent).","type":["integer","string"]},"maxUnavailable":{"description":"Pods that may be unavailable (number or percent).","type":["integer","string"]}}};
const schema63 = {"description":"Rolling update settings (Deployment strategy).","type":"object","additionalProperties":false,"properties":{"strategy":{"description":"RollingUpdate or Recreate.","type":"string","enum":["RollingUpdate","Recreate"],"default":"RollingUpdate"},"maxSurge":{"description":"Extra pods during a rollout (number or percent).","type":["integer","string"]},"maxUnavailable":{"description":"Pods that may be down during a rollout (number or percent).","type":["integer","string"]}}};
const schema64 = {"description":"Seconds between SIGTERM and SIGKILL (Kubernetes terminationGracePeriodSeconds, compose stop_grace_period).","type":"integer","minimum":0};
const schema65 = {"description":"Settings for workload job (and for each run of a cronjob).","type":"object","additionalProperties":false,"properties":{"backoffLimit":{"description":"Retries before the job fails.","type":"integer","minimum":0},"completions":{"description":"Successful pods needed.","type":"integer","minimum":1},"parallelism":{"description":"Pods running at once.","type":"integer","minimum":1},"activeDeadlineSeconds":{"description":"Time limit for the whole job.","type":"integer","minimum":1},"ttlSecondsAfterFinished":{"description":"Delete the finished job after this many seconds.","type":"integer","minimum":0}}};
const schema66 = {"description":"Schedule of a cronjob (required for workload cronjob).","type":"object","additionalProperties":false,"required":["cron"],"properties":{"cron":{"description":"Cron expression.","type":"string","examples":["0 3 * * *"]},"timeZone":{"description":"IANA time zone name.","type":"string","examples":["Europe/Berlin"]},"concurrencyPolicy":{"description":"What to do when a run is still going.","type":"string","enum":["Allow","Forbid","Replace"],"default":"Forbid"},"successfulJobsHistoryLimit":{"description":"Finished successful jobs to keep.","type":"integer","minimum":0},"failedJobsHistoryLimit":{"description":"Failed jobs to keep.","type":"integer","minimum":0},"suspend":{"description":"Pause the schedule.","type":"boolean"}}};
const schema67 = {"description":"Services this one needs. compose depends_on with condition; Kubernetes init containers that wait for each dependency's Service port (and may call it, for NetworkPolicy).","type":"array","items":{"anyOf":[{"type":"string","description":"Service name; condition started."},{"type":"object","additionalProperties":false,"required":["service"],"properties":{"service":{"description":"Name of the service depended on.","type":"string"},"condition":{"description":"started: the container runs; healthy: its health check passes (Kubernetes: its Service port accepts connections); completed: a job finished successfully.","type":"string","enum":["started","healthy","completed"],"default":"started"},"port":{"description":"Which port of the dependency to wait for (name). Default: its first port.","type":"string"}}}]}};
const schema68 = {"description":"Services allowed to call this one besides those that depend on it (NetworkPolicy ingress rules; compose shared networks).","type":"array","items":{"type":"string"}};
const schema69 = {"description":"Extra labels on every object of this service (and compose labels).","type":"object","additionalProperties":{"type":"string"}};
const schema70 = {"description":"Extra annotations on the pod template (Kubernetes only).","type":"object","additionalProperties":{"type":"string"}};
const schema71 = {"description":"Security context. By default pods meet the Kubernetes restricted Pod Security Standard and compose drops all capabilities with no-new-privileges. Set profile to opt out explicitly.","type":"object","additionalProperties":false,"properties":{"profile":{"description":"restricted (default): non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp. baseline: no runAsNonRoot requirement and default capabilities kept (for images that must start as root). privileged: no restrictions (documented opt-out).","type":"string","enum":["restricted","baseline","privileged"],"default":"restricted"},"readOnlyRootFilesystem":{"description":"Mount the container's root filesystem read-only.","type":"boolean","default":false},"addCapabilities":{"description":"Capabilities to add back (restricted allows only NET_BIND_SERVICE).","type":"array","items":{"type":"string"}},"automountServiceAccountToken":{"description":"Mount the service account token (default false).","type":"boolean","default":false}}};
const schema72 = {"description":"The service is provided outside the cluster in this environment (e.g. a managed database): Kubernetes gets an ExternalName Service pointing at host instead of a workload; compose still runs the container if it is local. Usually set under environments.","type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"description":"DNS name of the external endpoint.","type":"string","examples":["govapp.abc123.eu-west-1.rds.amazonaws.com"]}}};
const func1 = Object.prototype.hasOwnProperty;
const func2 = require("ajv/dist/runtime/ucs2length").default;
const schema40 = {"description":"Ports the container listens on. Each has a name that probes, ingress routes and references use, so a renumbered port cannot break them.","type":"array","items":{"$ref":"#/$defs/port"}};
const schema41 = {"description":"One named container port.","type":"object","additionalProperties":false,"required":["name","port"],"properties":{"name":{"description":"Port name: an IANA service name (lowercase letters, digits and '-', at most 15 characters, at least one letter).","type":"string","examples":["http"]},"port":{"description":"Port number the container listens on. The Kubernetes Service exposes the same number.","type":"integer","minimum":1,"maximum":65535},"protocol":{"description":"Transport protocol.","type":"string","enum":["TCP","UDP"],"default":"TCP"},"expose":{"description":"Who can reach the port. internal: other services only (compose expose, Kubernetes ClusterIP Service); published: also the developer's machine (compose ports host:container); ingress: routed by HTTP host/path (Kubernetes Ingress, and the local reverse proxy in compose).","type":"string","enum":["internal","published","ingress"],"default":"internal"},"hostPort":{"description":"Host port in compose for published and ingress ports. Default: the same number as port.","type":"integer","minimum":1,"maximum":65535},"ingress":{"description":"HTTP routes to this port (required when expose is ingress).","type":"array","minItems":1,"items":{"$ref":"#/$defs/ingressRoute"}}}};
const schema42 = {"description":"One HTTP route: host (optional) and path.","type":"object","additionalProperties":false,"properties":{"host":{"description":"Host name (DNS subdomain). Omit to match any host.","type":"string","examples":["govapp.example.gov"]},"path":{"description":"Path prefix or exact path, starting with '/'.","type":"string","default":"/","examples":["/api"]},"pathType":{"description":"How path matches (Kubernetes Ingress pathType).","type":"string","enum":["Prefix","Exact","ImplementationSpecific"],"default":"Prefix"},"tlsSecret":{"description":"Name of the Kubernetes TLS Secret for host (created out of band); requires host.","type":"string"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.port === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "port")) || (key0 === "protocol")) || (key0 === "expose")) || (key0 === "hostPort")) || (key0 === "ingress"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.name.type,parentSchema:schema41.properties.name,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.port !== undefined){
let data1 = data.port;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err4 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema41.properties.port.type,parentSchema:schema41.properties.port,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err5 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema41.properties.port,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema41.properties.port,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.protocol !== undefined){
let data2 = data.protocol;
if(typeof data2 !== "string"){
const err7 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.protocol.type,parentSchema:schema41.properties.protocol,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!((data2 === "TCP") || (data2 === "UDP"))){
const err8 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema41.properties.protocol.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.protocol.enum,parentSchema:schema41.properties.protocol,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.expose !== undefined){
let data3 = data.expose;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/expose",schemaPath:"#/properties/expose/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.expose.type,parentSchema:schema41.properties.expose,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(((data3 === "internal") || (data3 === "published")) || (data3 === "ingress"))){
const err10 = {instancePath:instancePath+"/expose",schemaPath:"#/properties/expose/enum",keyword:"enum",params:{allowedValues: schema41.properties.expose.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.expose.enum,parentSchema:schema41.properties.expose,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.hostPort !== undefined){
let data4 = data.hostPort;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/hostPort",schemaPath:"#/properties/hostPort/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema41.properties.hostPort.type,parentSchema:schema41.properties.hostPort,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 65535 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/hostPort",schemaPath:"#/properties/hostPort/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema41.properties.hostPort,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/hostPort",schemaPath:"#/properties/hostPort/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema41.properties.hostPort,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.ingress !== undefined){
let data5 = data.ingress;
if(Array.isArray(data5)){
if(data5.length < 1){
const err14 = {instancePath:instancePath+"/ingress",schemaPath:"#/properties/ingress/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema41.properties.ingress,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
if(!((((key1 === "host") || (key1 === "path")) || (key1 === "pathType")) || (key1 === "tlsSecret"))){
const err15 = {instancePath:instancePath+"/ingress/" + i0,schemaPath:"#/$defs/ingressRoute/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data6.host !== undefined){
let data7 = data6.host;
if(typeof data7 !== "string"){
const err16 = {instancePath:instancePath+"/ingress/" + i0+"/host",schemaPath:"#/$defs/ingressRoute/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.host.type,parentSchema:schema42.properties.host,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.path !== undefined){
let data8 = data6.path;
if(typeof data8 !== "string"){
const err17 = {instancePath:instancePath+"/ingress/" + i0+"/path",schemaPath:"#/$defs/ingressRoute/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.path.type,parentSchema:schema42.properties.path,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.pathType !== undefined){
let data9 = data6.pathType;
if(typeof data9 !== "string"){
const err18 = {instancePath:instancePath+"/ingress/" + i0+"/pathType",schemaPath:"#/$defs/ingressRoute/properties/pathType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.pathType.type,parentSchema:schema42.properties.pathType,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!(((data9 === "Prefix") || (data9 === "Exact")) || (data9 === "ImplementationSpecific"))){
const err19 = {instancePath:instancePath+"/ingress/" + i0+"/pathType",schemaPath:"#/$defs/ingressRoute/properties/pathType/enum",keyword:"enum",params:{allowedValues: schema42.properties.pathType.enum},message:"must be equal to one of the allowed values",schema:schema42.properties.pathType.enum,parentSchema:schema42.properties.pathType,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data6.tlsSecret !== undefined){
let data10 = data6.tlsSecret;
if(typeof data10 !== "string"){
const err20 = {instancePath:instancePath+"/ingress/" + i0+"/tlsSecret",schemaPath:"#/$defs/ingressRoute/properties/tlsSecret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.tlsSecret.type,parentSchema:schema42.properties.tlsSecret,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/ingress/" + i0,schemaPath:"#/$defs/ingressRoute/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/ingress",schemaPath:"#/properties/ingress/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema41.properties.ingress.type,parentSchema:schema41.properties.ingress,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate22(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

const schema43 = {"description":"Environment variables. A string may reference another service's address as ${service.port} (host:port), ${service.port.host} or ${service.port.port}; write $$ for a literal $. An object reads the value from a secret or a config entry.","type":"object","additionalProperties":{"$ref":"#/$defs/envValue"},"examples":[{"API_URL":"http://${backend.http}","LOG_LEVEL":"info","DB_PASSWORD":{"secret":"db-password"}}]};
const schema44 = {"description":"A literal (numbers and booleans are written as strings), a reference to a secret key, or a reference to a config entry.","anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"object","description":"Read the value from a secret (never written into generated files).","additionalProperties":false,"required":["secret"],"properties":{"secret":{"description":"Secret name (declared in this service's secrets list or used only for env).","type":"string"},"key":{"description":"Key inside the secret. Default: the secret name.","type":"string"}}},{"type":"object","description":"Read the value from an env file of this service.","additionalProperties":false,"required":["config","key"],"properties":{"config":{"description":"Name of a ConfigMap created from one of this service's envFiles (the file name without extension).","type":"string"},"key":{"description":"Key in that env file.","type":"string"}}}]};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
let data0 = data[key0];
const _errs4 = errors;
let valid2 = false;
const _errs5 = errors;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[0].type,parentSchema:schema44.anyOf[0],data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs5 === errors;
valid2 = valid2 || _valid0;
const _errs7 = errors;
if(!((typeof data0 == "number") && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema44.anyOf[1].type,parentSchema:schema44.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
const _errs9 = errors;
if(typeof data0 !== "boolean"){
const err2 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/2/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.anyOf[2].type,parentSchema:schema44.anyOf[2],data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid2 = valid2 || _valid0;
const _errs11 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.secret === undefined){
const err3 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/3/required",keyword:"required",params:{missingProperty: "secret"},message:"must have required property '"+"secret"+"'",schema:schema44.anyOf[3].required,parentSchema:schema44.anyOf[3],data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key1 in data0){
if(!((key1 === "secret") || (key1 === "key"))){
const err4 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema44.anyOf[3],data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.secret !== undefined){
let data1 = data0.secret;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/secret",schemaPath:"#/$defs/envValue/anyOf/3/properties/secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[3].properties.secret.type,parentSchema:schema44.anyOf[3].properties.secret,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data0.key !== undefined){
let data2 = data0.key;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/key",schemaPath:"#/$defs/envValue/anyOf/3/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[3].properties.key.type,parentSchema:schema44.anyOf[3].properties.key,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.anyOf[3].type,parentSchema:schema44.anyOf[3],data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid2 = valid2 || _valid0;
if(_valid0){
var props0 = true;
}
const _errs18 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.config === undefined){
const err8 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema44.anyOf[4].required,parentSchema:schema44.anyOf[4],data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data0.key === undefined){
const err9 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema44.anyOf[4].required,parentSchema:schema44.anyOf[4],data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key2 in data0){
if(!((key2 === "config") || (key2 === "key"))){
const err10 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema44.anyOf[4],data:data0};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data0.config !== undefined){
let data3 = data0.config;
if(typeof data3 !== "string"){
const err11 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/config",schemaPath:"#/$defs/envValue/anyOf/4/properties/config/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[4].properties.config.type,parentSchema:schema44.anyOf[4].properties.config,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data0.key !== undefined){
let data4 = data0.key;
if(typeof data4 !== "string"){
const err12 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/key",schemaPath:"#/$defs/envValue/anyOf/4/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[4].properties.key.type,parentSchema:schema44.anyOf[4].properties.key,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.anyOf[4].type,parentSchema:schema44.anyOf[4],data:data0};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid0 = _errs18 === errors;
valid2 = valid2 || _valid0;
if(_valid0){
if(props0 !== true){
props0 = true;
}
}
if(!valid2){
const err14 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema44.anyOf,parentSchema:schema44,data:data0};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema43.type,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema46 = {"description":"Config files mounted into the container: compose configs, and a ConfigMap mounted at the same path with the same mode.","type":"array","items":{"$ref":"#/$defs/config"}};
const schema47 = {"description":"One config file, from a file next to the service file or inline content.","type":"object","additionalProperties":false,"required":["name","mountPath"],"properties":{"name":{"description":"Config name (DNS-1123 label); names the ConfigMap '<service>-<name>'.","type":"string"},"mountPath":{"description":"Absolute path of the file inside the container.","type":"string","examples":["/etc/nginx/conf.d/default.conf"]},"file":{"description":"Source file, relative to the service file.","type":"string"},"content":{"description":"Inline file content (instead of file).","type":"string"},"mode":{"description":"File mode as an octal string.","type":"string","pattern":"^0?[0-7]{3}$","examples":["0444"]}}};
const pattern4 = new RegExp("^0?[0-7]{3}$", "u");

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.name === undefined){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/config/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema47.required,parentSchema:schema47,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0.mountPath === undefined){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/config/required",keyword:"required",params:{missingProperty: "mountPath"},message:"must have required property '"+"mountPath"+"'",schema:schema47.required,parentSchema:schema47,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data0){
if(!(((((key0 === "name") || (key0 === "mountPath")) || (key0 === "file")) || (key0 === "content")) || (key0 === "mode"))){
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema47,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.name !== undefined){
let data1 = data0.name;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/$defs/config/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.name.type,parentSchema:schema47.properties.name,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.mountPath !== undefined){
let data2 = data0.mountPath;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/" + i0+"/mountPath",schemaPath:"#/$defs/config/properties/mountPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.mountPath.type,parentSchema:schema47.properties.mountPath,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.file !== undefined){
let data3 = data0.file;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/" + i0+"/file",schemaPath:"#/$defs/config/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.file.type,parentSchema:schema47.properties.file,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data0.content !== undefined){
let data4 = data0.content;
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/" + i0+"/content",schemaPath:"#/$defs/config/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.content.type,parentSchema:schema47.properties.content,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.mode !== undefined){
let data5 = data0.mode;
if(typeof data5 === "string"){
if(!pattern4.test(data5)){
const err7 = {instancePath:instancePath+"/" + i0+"/mode",schemaPath:"#/$defs/config/properties/mode/pattern",keyword:"pattern",params:{pattern: "^0?[0-7]{3}$"},message:"must match pattern \""+"^0?[0-7]{3}$"+"\"",schema:"^0?[0-7]{3}$",parentSchema:schema47.properties.mode,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/" + i0+"/mode",schemaPath:"#/$defs/config/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.mode.type,parentSchema:schema47.properties.mode,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.type,parentSchema:schema47,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema46.type,parentSchema:schema46,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

const schema48 = {"description":"Secret files mounted into the container. Values never enter the spec or generated files: compose reads ./secrets/<name> (git-ignored), Kubernetes mounts a Secret created out of band.","type":"array","items":{"$ref":"#/$defs/secretMount"}};
const schema49 = {"description":"One secret mounted as a file.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Secret name (DNS-1123 subdomain).","type":"string"},"key":{"description":"Key inside the Kubernetes Secret holding the file content. Default: the secret name.","type":"string"},"mountPath":{"description":"Path of the file inside the container. Default /run/secrets/<name> (the same in both targets).","type":"string"}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.name === undefined){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/secretMount/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema49.required,parentSchema:schema49,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data0){
if(!(((key0 === "name") || (key0 === "key")) || (key0 === "mountPath"))){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/secretMount/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema49,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data0.name !== undefined){
let data1 = data0.name;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/$defs/secretMount/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.name.type,parentSchema:schema49.properties.name,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.key !== undefined){
let data2 = data0.key;
if(typeof data2 !== "string"){
const err3 = {instancePath:instancePath+"/" + i0+"/key",schemaPath:"#/$defs/secretMount/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.key.type,parentSchema:schema49.properties.key,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.mountPath !== undefined){
let data3 = data0.mountPath;
if(typeof data3 !== "string"){
const err4 = {instancePath:instancePath+"/" + i0+"/mountPath",schemaPath:"#/$defs/secretMount/properties/mountPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.mountPath.type,parentSchema:schema49.properties.mountPath,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/secretMount/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema48.type,parentSchema:schema48,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

const schema50 = {"description":"Volumes mounted into the container.","type":"array","items":{"$ref":"#/$defs/volume"}};
const schema51 = {"description":"One volume. persistent: survives restarts (compose named volume; PVC, or a claim template for stateful); ephemeral: scratch space (compose anonymous volume; emptyDir); tmpfs: in memory (compose tmpfs; emptyDir medium Memory); bind: a host folder (compose only, for local development).","type":"object","additionalProperties":false,"required":["name","mountPath"],"properties":{"name":{"description":"Volume name (DNS-1123 label).","type":"string"},"mountPath":{"description":"Absolute mount path in the container.","type":"string"},"type":{"description":"Volume type.","type":"string","enum":["persistent","ephemeral","tmpfs","bind"],"default":"persistent"},"size":{"description":"Size as a Kubernetes quantity (required for persistent; optional limit for ephemeral and tmpfs).","type":"string","examples":["10Gi"]},"accessMode":{"description":"PVC access mode.","type":"string","enum":["ReadWriteOnce","ReadOnlyMany","ReadWriteMany","ReadWriteOncePod"],"default":"ReadWriteOnce"},"storageClass":{"description":"Storage class name; omit for the cluster default.","type":"string"},"readOnly":{"description":"Mount read-only.","type":"boolean","default":false},"subPath":{"description":"Mount only this sub-path of the volume.","type":"string"},"source":{"description":"Host path for bind volumes, relative to the service file.","type":"string"}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.name === undefined){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/volume/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema51.required,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0.mountPath === undefined){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/volume/required",keyword:"required",params:{missingProperty: "mountPath"},message:"must have required property '"+"mountPath"+"'",schema:schema51.required,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data0){
if(!(func1.call(schema51.properties, key0))){
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/volume/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.name !== undefined){
let data1 = data0.name;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/$defs/volume/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.name.type,parentSchema:schema51.properties.name,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.mountPath !== undefined){
let data2 = data0.mountPath;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/" + i0+"/mountPath",schemaPath:"#/$defs/volume/properties/mountPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.mountPath.type,parentSchema:schema51.properties.mountPath,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.type !== undefined){
let data3 = data0.type;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/" + i0+"/type",schemaPath:"#/$defs/volume/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.type.type,parentSchema:schema51.properties.type,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((((data3 === "persistent") || (data3 === "ephemeral")) || (data3 === "tmpfs")) || (data3 === "bind"))){
const err6 = {instancePath:instancePath+"/" + i0+"/type",schemaPath:"#/$defs/volume/properties/type/enum",keyword:"enum",params:{allowedValues: schema51.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema51.properties.type.enum,parentSchema:schema51.properties.type,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.size !== undefined){
let data4 = data0.size;
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/" + i0+"/size",schemaPath:"#/$defs/volume/properties/size/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.size.type,parentSchema:schema51.properties.size,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data0.accessMode !== undefined){
let data5 = data0.accessMode;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/" + i0+"/accessMode",schemaPath:"#/$defs/volume/properties/accessMode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.accessMode.type,parentSchema:schema51.properties.accessMode,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!((((data5 === "ReadWriteOnce") || (data5 === "ReadOnlyMany")) || (data5 === "ReadWriteMany")) || (data5 === "ReadWriteOncePod"))){
const err9 = {instancePath:instancePath+"/" + i0+"/accessMode",schemaPath:"#/$defs/volume/properties/accessMode/enum",keyword:"enum",params:{allowedValues: schema51.properties.accessMode.enum},message:"must be equal to one of the allowed values",schema:schema51.properties.accessMode.enum,parentSchema:schema51.properties.accessMode,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data0.storageClass !== undefined){
let data6 = data0.storageClass;
if(typeof data6 !== "string"){
const err10 = {instancePath:instancePath+"/" + i0+"/storageClass",schemaPath:"#/$defs/volume/properties/storageClass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.storageClass.type,parentSchema:schema51.properties.storageClass,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data0.readOnly !== undefined){
let data7 = data0.readOnly;
if(typeof data7 !== "boolean"){
const err11 = {instancePath:instancePath+"/" + i0+"/readOnly",schemaPath:"#/$defs/volume/properties/readOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema51.properties.readOnly.type,parentSchema:schema51.properties.readOnly,data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data0.subPath !== undefined){
let data8 = data0.subPath;
if(typeof data8 !== "string"){
const err12 = {instancePath:instancePath+"/" + i0+"/subPath",schemaPath:"#/$defs/volume/properties/subPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.subPath.type,parentSchema:schema51.properties.subPath,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data0.source !== undefined){
let data9 = data0.source;
if(typeof data9 !== "string"){
const err13 = {instancePath:instancePath+"/" + i0+"/source",schemaPath:"#/$defs/volume/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.source.type,parentSchema:schema51.properties.source,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/volume/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.type,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema50.type,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};

const schema52 = {"description":"Health checks: Kubernetes probes, and one compose healthcheck (from readiness, else liveness, else startup).","type":"object","additionalProperties":false,"properties":{"liveness":{"$ref":"#/$defs/probe"},"readiness":{"$ref":"#/$defs/probe"},"startup":{"$ref":"#/$defs/probe"},"compose":{"description":"Overrides the compose healthcheck test, e.g. for images without a shell: [\"CMD\", \"/app/healthcheck\"]; [\"NONE\"] disables it.","type":"array","minItems":1,"items":{"type":"string"}}}};
const schema53 = {"description":"One probe: exactly one of http, tcp, exec, grpc, plus timing.","type":"object","additionalProperties":false,"properties":{"http":{"description":"HTTP GET; healthy on a 2xx or 3xx status.","type":"object","additionalProperties":false,"required":["port"],"properties":{"path":{"description":"Request path.","type":"string","default":"/"},"port":{"$ref":"#/$defs/portRef"},"scheme":{"description":"HTTP or HTTPS.","type":"string","enum":["HTTP","HTTPS"],"default":"HTTP"}}},"tcp":{"description":"TCP connect.","type":"object","additionalProperties":false,"required":["port"],"properties":{"port":{"$ref":"#/$defs/portRef"}}},"exec":{"description":"Run a command in the container; healthy on exit 0.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"description":"Command and arguments (no shell unless you call one).","type":"array","minItems":1,"items":{"type":"string"}}}},"grpc":{"description":"gRPC health checking protocol.","type":"object","additionalProperties":false,"required":["port"],"properties":{"port":{"$ref":"#/$defs/portRef"},"service":{"description":"Service name sent in the health request.","type":"string"}}},"initialDelaySeconds":{"description":"Seconds before the first check.","type":"integer","minimum":0},"periodSeconds":{"description":"Seconds between checks (compose interval).","type":"integer","minimum":1},"timeoutSeconds":{"description":"Seconds before a check times out.","type":"integer","minimum":1},"failureThreshold":{"description":"Consecutive failures before unhealthy (compose retries).","type":"integer","minimum":1},"successThreshold":{"description":"Consecutive successes before healthy (readiness only).","type":"integer","minimum":1}}};
const schema54 = {"description":"A port of this service, by name (preferred) or number.","type":["string","integer"]};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func1.call(schema53.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.http !== undefined){
let data0 = data.http;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.port === undefined){
const err1 = {instancePath:instancePath+"/http",schemaPath:"#/properties/http/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'",schema:schema53.properties.http.required,parentSchema:schema53.properties.http,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key1 in data0){
if(!(((key1 === "path") || (key1 === "port")) || (key1 === "scheme"))){
const err2 = {instancePath:instancePath+"/http",schemaPath:"#/properties/http/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema53.properties.http,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.path !== undefined){
let data1 = data0.path;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/http/path",schemaPath:"#/properties/http/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.http.properties.path.type,parentSchema:schema53.properties.http.properties.path,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.port !== undefined){
let data2 = data0.port;
if((typeof data2 !== "string") && (!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2))))){
const err4 = {instancePath:instancePath+"/http/port",schemaPath:"#/$defs/portRef/type",keyword:"type",params:{type: schema54.type},message:"must be string,integer",schema:schema54.type,parentSchema:schema54,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.scheme !== undefined){
let data3 = data0.scheme;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/http/scheme",schemaPath:"#/properties/http/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.http.properties.scheme.type,parentSchema:schema53.properties.http.properties.scheme,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((data3 === "HTTP") || (data3 === "HTTPS"))){
const err6 = {instancePath:instancePath+"/http/scheme",schemaPath:"#/properties/http/properties/scheme/enum",keyword:"enum",params:{allowedValues: schema53.properties.http.properties.scheme.enum},message:"must be equal to one of the allowed values",schema:schema53.properties.http.properties.scheme.enum,parentSchema:schema53.properties.http.properties.scheme,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/http",schemaPath:"#/properties/http/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.properties.http.type,parentSchema:schema53.properties.http,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.tcp !== undefined){
let data4 = data.tcp;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.port === undefined){
const err8 = {instancePath:instancePath+"/tcp",schemaPath:"#/properties/tcp/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'",schema:schema53.properties.tcp.required,parentSchema:schema53.properties.tcp,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key2 in data4){
if(!(key2 === "port")){
const err9 = {instancePath:instancePath+"/tcp",schemaPath:"#/properties/tcp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema53.properties.tcp,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data4.port !== undefined){
let data5 = data4.port;
if((typeof data5 !== "string") && (!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5))))){
const err10 = {instancePath:instancePath+"/tcp/port",schemaPath:"#/$defs/portRef/type",keyword:"type",params:{type: schema54.type},message:"must be string,integer",schema:schema54.type,parentSchema:schema54,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/tcp",schemaPath:"#/properties/tcp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.properties.tcp.type,parentSchema:schema53.properties.tcp,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.exec !== undefined){
let data6 = data.exec;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.command === undefined){
const err12 = {instancePath:instancePath+"/exec",schemaPath:"#/properties/exec/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'",schema:schema53.properties.exec.required,parentSchema:schema53.properties.exec,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key3 in data6){
if(!(key3 === "command")){
const err13 = {instancePath:instancePath+"/exec",schemaPath:"#/properties/exec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema53.properties.exec,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data6.command !== undefined){
let data7 = data6.command;
if(Array.isArray(data7)){
if(data7.length < 1){
const err14 = {instancePath:instancePath+"/exec/command",schemaPath:"#/properties/exec/properties/command/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema53.properties.exec.properties.command,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
if(typeof data8 !== "string"){
const err15 = {instancePath:instancePath+"/exec/command/" + i0,schemaPath:"#/properties/exec/properties/command/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.exec.properties.command.items.type,parentSchema:schema53.properties.exec.properties.command.items,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/exec/command",schemaPath:"#/properties/exec/properties/command/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema53.properties.exec.properties.command.type,parentSchema:schema53.properties.exec.properties.command,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/exec",schemaPath:"#/properties/exec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.properties.exec.type,parentSchema:schema53.properties.exec,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.grpc !== undefined){
let data9 = data.grpc;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.port === undefined){
const err18 = {instancePath:instancePath+"/grpc",schemaPath:"#/properties/grpc/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'",schema:schema53.properties.grpc.required,parentSchema:schema53.properties.grpc,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
for(const key4 in data9){
if(!((key4 === "port") || (key4 === "service"))){
const err19 = {instancePath:instancePath+"/grpc",schemaPath:"#/properties/grpc/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema53.properties.grpc,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data9.port !== undefined){
let data10 = data9.port;
if((typeof data10 !== "string") && (!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10))))){
const err20 = {instancePath:instancePath+"/grpc/port",schemaPath:"#/$defs/portRef/type",keyword:"type",params:{type: schema54.type},message:"must be string,integer",schema:schema54.type,parentSchema:schema54,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data9.service !== undefined){
let data11 = data9.service;
if(typeof data11 !== "string"){
const err21 = {instancePath:instancePath+"/grpc/service",schemaPath:"#/properties/grpc/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.grpc.properties.service.type,parentSchema:schema53.properties.grpc.properties.service,data:data11};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/grpc",schemaPath:"#/properties/grpc/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.properties.grpc.type,parentSchema:schema53.properties.grpc,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.initialDelaySeconds !== undefined){
let data12 = data.initialDelaySeconds;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err23 = {instancePath:instancePath+"/initialDelaySeconds",schemaPath:"#/properties/initialDelaySeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema53.properties.initialDelaySeconds.type,parentSchema:schema53.properties.initialDelaySeconds,data:data12};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
const err24 = {instancePath:instancePath+"/initialDelaySeconds",schemaPath:"#/properties/initialDelaySeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema53.properties.initialDelaySeconds,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data.periodSeconds !== undefined){
let data13 = data.periodSeconds;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err25 = {instancePath:instancePath+"/periodSeconds",schemaPath:"#/properties/periodSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema53.properties.periodSeconds.type,parentSchema:schema53.properties.periodSeconds,data:data13};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err26 = {instancePath:instancePath+"/periodSeconds",schemaPath:"#/properties/periodSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema53.properties.periodSeconds,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
if(data.timeoutSeconds !== undefined){
let data14 = data.timeoutSeconds;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err27 = {instancePath:instancePath+"/timeoutSeconds",schemaPath:"#/properties/timeoutSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema53.properties.timeoutSeconds.type,parentSchema:schema53.properties.timeoutSeconds,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 1 || isNaN(data14)){
const err28 = {instancePath:instancePath+"/timeoutSeconds",schemaPath:"#/properties/timeoutSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema53.properties.timeoutSeconds,data:data14};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data.failureThreshold !== undefined){
let data15 = data.failureThreshold;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err29 = {instancePath:instancePath+"/failureThreshold",schemaPath:"#/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema53.properties.failureThreshold.type,parentSchema:schema53.properties.failureThreshold,data:data15};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 1 || isNaN(data15)){
const err30 = {instancePath:instancePath+"/failureThreshold",schemaPath:"#/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema53.properties.failureThreshold,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.successThreshold !== undefined){
let data16 = data.successThreshold;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err31 = {instancePath:instancePath+"/successThreshold",schemaPath:"#/properties/successThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema53.properties.successThreshold.type,parentSchema:schema53.properties.successThreshold,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 1 || isNaN(data16)){
const err32 = {instancePath:instancePath+"/successThreshold",schemaPath:"#/properties/successThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema53.properties.successThreshold,data:data16};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.type,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "liveness") || (key0 === "readiness")) || (key0 === "startup")) || (key0 === "compose"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.liveness !== undefined){
if(!(validate34(data.liveness, {instancePath:instancePath+"/liveness",parentData:data,parentDataProperty:"liveness",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.readiness !== undefined){
if(!(validate34(data.readiness, {instancePath:instancePath+"/readiness",parentData:data,parentDataProperty:"readiness",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.startup !== undefined){
if(!(validate34(data.startup, {instancePath:instancePath+"/startup",parentData:data,parentDataProperty:"startup",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.compose !== undefined){
let data3 = data.compose;
if(Array.isArray(data3)){
if(data3.length < 1){
const err1 = {instancePath:instancePath+"/compose",schemaPath:"#/properties/compose/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema52.properties.compose,data:data3};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 !== "string"){
const err2 = {instancePath:instancePath+"/compose/" + i0,schemaPath:"#/properties/compose/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.compose.items.type,parentSchema:schema52.properties.compose.items,data:data4};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/compose",schemaPath:"#/properties/compose/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema52.properties.compose.type,parentSchema:schema52.properties.compose,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema57 = {"description":"CPU and memory (Kubernetes quantities: cpu '250m' or '1', memory '256Mi').","type":"object","additionalProperties":false,"properties":{"requests":{"$ref":"#/$defs/resourceAmounts"},"limits":{"$ref":"#/$defs/resourceAmounts"}}};
const schema58 = {"description":"CPU and memory amounts.","type":"object","additionalProperties":false,"properties":{"cpu":{"description":"CPU as a Kubernetes quantity.","type":["string","number"],"examples":["250m"]},"memory":{"description":"Memory as a Kubernetes quantity.","type":"string","examples":["256Mi"]}}};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "requests") || (key0 === "limits"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema57,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.requests !== undefined){
let data0 = data.requests;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!((key1 === "cpu") || (key1 === "memory"))){
const err1 = {instancePath:instancePath+"/requests",schemaPath:"#/$defs/resourceAmounts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema58,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data0.cpu !== undefined){
let data1 = data0.cpu;
if((typeof data1 !== "string") && (!((typeof data1 == "number") && (isFinite(data1))))){
const err2 = {instancePath:instancePath+"/requests/cpu",schemaPath:"#/$defs/resourceAmounts/properties/cpu/type",keyword:"type",params:{type: schema58.properties.cpu.type},message:"must be string,number",schema:schema58.properties.cpu.type,parentSchema:schema58.properties.cpu,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.memory !== undefined){
let data2 = data0.memory;
if(typeof data2 !== "string"){
const err3 = {instancePath:instancePath+"/requests/memory",schemaPath:"#/$defs/resourceAmounts/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema58.properties.memory.type,parentSchema:schema58.properties.memory,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/requests",schemaPath:"#/$defs/resourceAmounts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema58.type,parentSchema:schema58,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.limits !== undefined){
let data3 = data.limits;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key2 in data3){
if(!((key2 === "cpu") || (key2 === "memory"))){
const err5 = {instancePath:instancePath+"/limits",schemaPath:"#/$defs/resourceAmounts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema58,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data3.cpu !== undefined){
let data4 = data3.cpu;
if((typeof data4 !== "string") && (!((typeof data4 == "number") && (isFinite(data4))))){
const err6 = {instancePath:instancePath+"/limits/cpu",schemaPath:"#/$defs/resourceAmounts/properties/cpu/type",keyword:"type",params:{type: schema58.properties.cpu.type},message:"must be string,number",schema:schema58.properties.cpu.type,parentSchema:schema58.properties.cpu,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data3.memory !== undefined){
let data5 = data3.memory;
if(typeof data5 !== "string"){
const err7 = {instancePath:instancePath+"/limits/memory",schemaPath:"#/$defs/resourceAmounts/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema58.properties.memory.type,parentSchema:schema58.properties.memory,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/limits",schemaPath:"#/$defs/resourceAmounts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema58.type,parentSchema:schema58,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema57.type,parentSchema:schema57,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema73 = {"description":"Escape hatch: RFC 6902 JSON patches applied last to the generated objects of this service.","type":"object","additionalProperties":false,"properties":{"compose":{"description":"Patch operations on this service's compose service object.","type":"array","items":{"$ref":"#/$defs/patchOperation"}},"kubernetes":{"description":"Patches on this service's Kubernetes objects, each aimed at one object by kind (and name, default the service name).","type":"array","items":{"type":"object","additionalProperties":false,"required":["kind","ops"],"properties":{"kind":{"description":"Kind of the target object, e.g. Deployment.","type":"string"},"name":{"description":"Name of the target object. Default: the service name.","type":"string"},"ops":{"description":"RFC 6902 operations.","type":"array","items":{"$ref":"#/$defs/patchOperation"}}}}}}};
const schema74 = {"description":"One RFC 6902 operation.","type":"object","additionalProperties":false,"required":["op","path"],"properties":{"op":{"description":"Operation.","type":"string","enum":["add","remove","replace","move","copy","test"]},"path":{"description":"JSON pointer to the target.","type":"string"},"from":{"description":"Source pointer (move, copy).","type":"string"},"value":{"description":"Value (add, replace, test)."}}};

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate41.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "compose") || (key0 === "kubernetes"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.compose !== undefined){
let data0 = data.compose;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.op === undefined){
const err1 = {instancePath:instancePath+"/compose/" + i0,schemaPath:"#/$defs/patchOperation/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema74.required,parentSchema:schema74,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data1.path === undefined){
const err2 = {instancePath:instancePath+"/compose/" + i0,schemaPath:"#/$defs/patchOperation/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema74.required,parentSchema:schema74,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data1){
if(!((((key1 === "op") || (key1 === "path")) || (key1 === "from")) || (key1 === "value"))){
const err3 = {instancePath:instancePath+"/compose/" + i0,schemaPath:"#/$defs/patchOperation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema74,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.op !== undefined){
let data2 = data1.op;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/compose/" + i0+"/op",schemaPath:"#/$defs/patchOperation/properties/op/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema74.properties.op.type,parentSchema:schema74.properties.op,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!((((((data2 === "add") || (data2 === "remove")) || (data2 === "replace")) || (data2 === "move")) || (data2 === "copy")) || (data2 === "test"))){
const err5 = {instancePath:instancePath+"/compose/" + i0+"/op",schemaPath:"#/$defs/patchOperation/properties/op/enum",keyword:"enum",params:{allowedValues: schema74.properties.op.enum},message:"must be equal to one of the allowed values",schema:schema74.properties.op.enum,parentSchema:schema74.properties.op,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.path !== undefined){
let data3 = data1.path;
if(typeof data3 !== "string"){
const err6 = {instancePath:instancePath+"/compose/" + i0+"/path",schemaPath:"#/$defs/patchOperation/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema74.properties.path.type,parentSchema:schema74.properties.path,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.from !== undefined){
let data4 = data1.from;
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/compose/" + i0+"/from",schemaPath:"#/$defs/patchOperation/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema74.properties.from.type,parentSchema:schema74.properties.from,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/compose/" + i0,schemaPath:"#/$defs/patchOperation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema74.type,parentSchema:schema74,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/compose",schemaPath:"#/properties/compose/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema73.properties.compose.type,parentSchema:schema73.properties.compose,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.kubernetes !== undefined){
let data5 = data.kubernetes;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.kind === undefined){
const err10 = {instancePath:instancePath+"/kubernetes/" + i1,schemaPath:"#/properties/kubernetes/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema73.properties.kubernetes.items.required,parentSchema:schema73.properties.kubernetes.items,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data6.ops === undefined){
const err11 = {instancePath:instancePath+"/kubernetes/" + i1,schemaPath:"#/properties/kubernetes/items/required",keyword:"required",params:{missingProperty: "ops"},message:"must have required property '"+"ops"+"'",schema:schema73.properties.kubernetes.items.required,parentSchema:schema73.properties.kubernetes.items,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key2 in data6){
if(!(((key2 === "kind") || (key2 === "name")) || (key2 === "ops"))){
const err12 = {instancePath:instancePath+"/kubernetes/" + i1,schemaPath:"#/properties/kubernetes/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema73.properties.kubernetes.items,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.kind !== undefined){
let data7 = data6.kind;
if(typeof data7 !== "string"){
const err13 = {instancePath:instancePath+"/kubernetes/" + i1+"/kind",schemaPath:"#/properties/kubernetes/items/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema73.properties.kubernetes.items.properties.kind.type,parentSchema:schema73.properties.kubernetes.items.properties.kind,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data6.name !== undefined){
let data8 = data6.name;
if(typeof data8 !== "string"){
const err14 = {instancePath:instancePath+"/kubernetes/" + i1+"/name",schemaPath:"#/properties/kubernetes/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema73.properties.kubernetes.items.properties.name.type,parentSchema:schema73.properties.kubernetes.items.properties.name,data:data8};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data6.ops !== undefined){
let data9 = data6.ops;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
let data10 = data9[i2];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.op === undefined){
const err15 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2,schemaPath:"#/$defs/patchOperation/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'",schema:schema74.required,parentSchema:schema74,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data10.path === undefined){
const err16 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2,schemaPath:"#/$defs/patchOperation/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema74.required,parentSchema:schema74,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key3 in data10){
if(!((((key3 === "op") || (key3 === "path")) || (key3 === "from")) || (key3 === "value"))){
const err17 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2,schemaPath:"#/$defs/patchOperation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema74,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data10.op !== undefined){
let data11 = data10.op;
if(typeof data11 !== "string"){
const err18 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2+"/op",schemaPath:"#/$defs/patchOperation/properties/op/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema74.properties.op.type,parentSchema:schema74.properties.op,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!((((((data11 === "add") || (data11 === "remove")) || (data11 === "replace")) || (data11 === "move")) || (data11 === "copy")) || (data11 === "test"))){
const err19 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2+"/op",schemaPath:"#/$defs/patchOperation/properties/op/enum",keyword:"enum",params:{allowedValues: schema74.properties.op.enum},message:"must be equal to one of the allowed values",schema:schema74.properties.op.enum,parentSchema:schema74.properties.op,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data10.path !== undefined){
let data12 = data10.path;
if(typeof data12 !== "string"){
const err20 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2+"/path",schemaPath:"#/$defs/patchOperation/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema74.properties.path.type,parentSchema:schema74.properties.path,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data10.from !== undefined){
let data13 = data10.from;
if(typeof data13 !== "string"){
const err21 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2+"/from",schemaPath:"#/$defs/patchOperation/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema74.properties.from.type,parentSchema:schema74.properties.from,data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops/" + i2,schemaPath:"#/$defs/patchOperation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema74.type,parentSchema:schema74,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/kubernetes/" + i1+"/ops",schemaPath:"#/properties/kubernetes/items/properties/ops/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema73.properties.kubernetes.items.properties.ops.type,parentSchema:schema73.properties.kubernetes.items.properties.ops,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/kubernetes/" + i1,schemaPath:"#/properties/kubernetes/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema73.properties.kubernetes.items.type,parentSchema:schema73.properties.kubernetes.items,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/properties/kubernetes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema73.properties.kubernetes.type,parentSchema:schema73.properties.kubernetes,data:data5};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema73.type,parentSchema:schema73,data};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
validate41.errors = vErrors;
return errors === 0;
}
validate41.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema76 = {"description":"Fields that replace or merge into the service spec in one environment. null removes a value.","type":"object","additionalProperties":false,"properties":{"description":{"$ref":"#/$defs/description"},"image":{"$ref":"#/$defs/image"},"build":{"$ref":"#/$defs/build"},"command":{"$ref":"#/$defs/command"},"args":{"$ref":"#/$defs/args"},"workingDir":{"$ref":"#/$defs/workingDir"},"user":{"$ref":"#/$defs/user"},"ports":{"description":"Port overrides merged by name (e.g. another ingress host).","type":"array","items":{"$ref":"#/$defs/portOverride"}},"env":{"description":"Env values merged into the service's env; null removes a variable.","type":"object","additionalProperties":{"anyOf":[{"$ref":"#/$defs/envValue"},{"type":"null"}]}},"envFiles":{"$ref":"#/$defs/envFiles"},"configs":{"$ref":"#/$defs/configs"},"secrets":{"$ref":"#/$defs/secrets"},"volumes":{"$ref":"#/$defs/volumes"},"health":{"$ref":"#/$defs/health"},"resources":{"$ref":"#/$defs/resources"},"replicas":{"$ref":"#/$defs/replicas"},"autoscaling":{"anyOf":[{"$ref":"#/$defs/autoscaling"},{"type":"null"}]},"disruption":{"$ref":"#/$defs/disruption"},"rollout":{"$ref":"#/$defs/rollout"},"terminationGracePeriodSeconds":{"$ref":"#/$defs/terminationGracePeriodSeconds"},"job":{"$ref":"#/$defs/job"},"schedule":{"$ref":"#/$defs/schedule"},"dependsOn":{"$ref":"#/$defs/dependsOn"},"allowFrom":{"$ref":"#/$defs/allowFrom"},"labels":{"$ref":"#/$defs/labels"},"annotations":{"$ref":"#/$defs/annotations"},"security":{"$ref":"#/$defs/security"},"external":{"anyOf":[{"$ref":"#/$defs/external"},{"type":"null"}]},"patches":{"$ref":"#/$defs/patches"}}};
const schema84 = {"description":"Override of one port, matched by name.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Name of the port to override.","type":"string"},"port":{"description":"New port number.","type":"integer","minimum":1,"maximum":65535},"protocol":{"description":"Transport protocol.","type":"string","enum":["TCP","UDP"]},"expose":{"description":"New exposure.","type":"string","enum":["internal","published","ingress"]},"hostPort":{"description":"New compose host port.","type":"integer","minimum":1,"maximum":65535},"ingress":{"description":"Replaces the port's routes.","type":"array","minItems":1,"items":{"$ref":"#/$defs/ingressRoute"}}}};

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "port")) || (key0 === "protocol")) || (key0 === "expose")) || (key0 === "hostPort")) || (key0 === "ingress"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema84.properties.name.type,parentSchema:schema84.properties.name,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.port !== undefined){
let data1 = data.port;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err3 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema84.properties.port.type,parentSchema:schema84.properties.port,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema84.properties.port,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err5 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema84.properties.port,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data.protocol !== undefined){
let data2 = data.protocol;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema84.properties.protocol.type,parentSchema:schema84.properties.protocol,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!((data2 === "TCP") || (data2 === "UDP"))){
const err7 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema84.properties.protocol.enum},message:"must be equal to one of the allowed values",schema:schema84.properties.protocol.enum,parentSchema:schema84.properties.protocol,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.expose !== undefined){
let data3 = data.expose;
if(typeof data3 !== "string"){
const err8 = {instancePath:instancePath+"/expose",schemaPath:"#/properties/expose/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema84.properties.expose.type,parentSchema:schema84.properties.expose,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(((data3 === "internal") || (data3 === "published")) || (data3 === "ingress"))){
const err9 = {instancePath:instancePath+"/expose",schemaPath:"#/properties/expose/enum",keyword:"enum",params:{allowedValues: schema84.properties.expose.enum},message:"must be equal to one of the allowed values",schema:schema84.properties.expose.enum,parentSchema:schema84.properties.expose,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.hostPort !== undefined){
let data4 = data.hostPort;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/hostPort",schemaPath:"#/properties/hostPort/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema84.properties.hostPort.type,parentSchema:schema84.properties.hostPort,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 65535 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/hostPort",schemaPath:"#/properties/hostPort/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema84.properties.hostPort,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/hostPort",schemaPath:"#/properties/hostPort/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema84.properties.hostPort,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.ingress !== undefined){
let data5 = data.ingress;
if(Array.isArray(data5)){
if(data5.length < 1){
const err13 = {instancePath:instancePath+"/ingress",schemaPath:"#/properties/ingress/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema84.properties.ingress,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
if(!((((key1 === "host") || (key1 === "path")) || (key1 === "pathType")) || (key1 === "tlsSecret"))){
const err14 = {instancePath:instancePath+"/ingress/" + i0,schemaPath:"#/$defs/ingressRoute/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data6.host !== undefined){
let data7 = data6.host;
if(typeof data7 !== "string"){
const err15 = {instancePath:instancePath+"/ingress/" + i0+"/host",schemaPath:"#/$defs/ingressRoute/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.host.type,parentSchema:schema42.properties.host,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data6.path !== undefined){
let data8 = data6.path;
if(typeof data8 !== "string"){
const err16 = {instancePath:instancePath+"/ingress/" + i0+"/path",schemaPath:"#/$defs/ingressRoute/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.path.type,parentSchema:schema42.properties.path,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.pathType !== undefined){
let data9 = data6.pathType;
if(typeof data9 !== "string"){
const err17 = {instancePath:instancePath+"/ingress/" + i0+"/pathType",schemaPath:"#/$defs/ingressRoute/properties/pathType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.pathType.type,parentSchema:schema42.properties.pathType,data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!(((data9 === "Prefix") || (data9 === "Exact")) || (data9 === "ImplementationSpecific"))){
const err18 = {instancePath:instancePath+"/ingress/" + i0+"/pathType",schemaPath:"#/$defs/ingressRoute/properties/pathType/enum",keyword:"enum",params:{allowedValues: schema42.properties.pathType.enum},message:"must be equal to one of the allowed values",schema:schema42.properties.pathType.enum,parentSchema:schema42.properties.pathType,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.tlsSecret !== undefined){
let data10 = data6.tlsSecret;
if(typeof data10 !== "string"){
const err19 = {instancePath:instancePath+"/ingress/" + i0+"/tlsSecret",schemaPath:"#/$defs/ingressRoute/properties/tlsSecret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.tlsSecret.type,parentSchema:schema42.properties.tlsSecret,data:data10};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/ingress/" + i0,schemaPath:"#/$defs/ingressRoute/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/ingress",schemaPath:"#/properties/ingress/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema84.properties.ingress.type,parentSchema:schema84.properties.ingress,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema84.type,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func1.call(schema76.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.type,parentSchema:schema32,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.image !== undefined){
let data1 = data.image;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err2 = {instancePath:instancePath+"/image",schemaPath:"#/$defs/image/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/image",schemaPath:"#/$defs/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.build !== undefined){
let data2 = data.build;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!((((key1 === "context") || (key1 === "dockerfile")) || (key1 === "target")) || (key1 === "args"))){
const err4 = {instancePath:instancePath+"/build",schemaPath:"#/$defs/build/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data2.context !== undefined){
let data3 = data2.context;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/build/context",schemaPath:"#/$defs/build/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.context.type,parentSchema:schema35.properties.context,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.dockerfile !== undefined){
let data4 = data2.dockerfile;
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/build/dockerfile",schemaPath:"#/$defs/build/properties/dockerfile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.dockerfile.type,parentSchema:schema35.properties.dockerfile,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.target !== undefined){
let data5 = data2.target;
if(typeof data5 !== "string"){
const err7 = {instancePath:instancePath+"/build/target",schemaPath:"#/$defs/build/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.target.type,parentSchema:schema35.properties.target,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.args !== undefined){
let data6 = data2.args;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
let data7 = data6[key2];
if(typeof data7 !== "string"){
const err8 = {instancePath:instancePath+"/build/args/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/build/properties/args/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.args.additionalProperties.type,parentSchema:schema35.properties.args.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/build/args",schemaPath:"#/$defs/build/properties/args/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.args.type,parentSchema:schema35.properties.args,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/build",schemaPath:"#/$defs/build/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.command !== undefined){
let data8 = data.command;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 !== "string"){
const err11 = {instancePath:instancePath+"/command/" + i0,schemaPath:"#/$defs/command/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.items.type,parentSchema:schema36.items,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/command",schemaPath:"#/$defs/command/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.type,parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.args !== undefined){
let data10 = data.args;
if(Array.isArray(data10)){
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
if(typeof data11 !== "string"){
const err13 = {instancePath:instancePath+"/args/" + i1,schemaPath:"#/$defs/args/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.items.type,parentSchema:schema37.items,data:data11};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/args",schemaPath:"#/$defs/args/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.type,parentSchema:schema37,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.workingDir !== undefined){
let data12 = data.workingDir;
if(typeof data12 !== "string"){
const err15 = {instancePath:instancePath+"/workingDir",schemaPath:"#/$defs/workingDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.type,parentSchema:schema38,data:data12};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.user !== undefined){
let data13 = data.user;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.uid === undefined){
const err16 = {instancePath:instancePath+"/user",schemaPath:"#/$defs/user/required",keyword:"required",params:{missingProperty: "uid"},message:"must have required property '"+"uid"+"'",schema:schema39.required,parentSchema:schema39,data:data13};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key3 in data13){
if(!((key3 === "uid") || (key3 === "gid"))){
const err17 = {instancePath:instancePath+"/user",schemaPath:"#/$defs/user/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data:data13};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data13.uid !== undefined){
let data14 = data13.uid;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err18 = {instancePath:instancePath+"/user/uid",schemaPath:"#/$defs/user/properties/uid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.uid.type,parentSchema:schema39.properties.uid,data:data14};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err19 = {instancePath:instancePath+"/user/uid",schemaPath:"#/$defs/user/properties/uid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema39.properties.uid,data:data14};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data13.gid !== undefined){
let data15 = data13.gid;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err20 = {instancePath:instancePath+"/user/gid",schemaPath:"#/$defs/user/properties/gid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.gid.type,parentSchema:schema39.properties.gid,data:data15};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 0 || isNaN(data15)){
const err21 = {instancePath:instancePath+"/user/gid",schemaPath:"#/$defs/user/properties/gid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema39.properties.gid,data:data15};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
else {
const err22 = {instancePath:instancePath+"/user",schemaPath:"#/$defs/user/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data:data13};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.ports !== undefined){
let data16 = data.ports;
if(Array.isArray(data16)){
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
if(!(validate44(data16[i2], {instancePath:instancePath+"/ports/" + i2,parentData:data16,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema76.properties.ports.type,parentSchema:schema76.properties.ports,data:data16};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.env !== undefined){
let data18 = data.env;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key4 in data18){
let data19 = data18[key4];
const _errs51 = errors;
let valid18 = false;
const _errs52 = errors;
const _errs54 = errors;
let valid20 = false;
const _errs55 = errors;
if(typeof data19 !== "string"){
const err24 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[0].type,parentSchema:schema44.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var _valid1 = _errs55 === errors;
valid20 = valid20 || _valid1;
const _errs57 = errors;
if(!((typeof data19 == "number") && (isFinite(data19)))){
const err25 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema44.anyOf[1].type,parentSchema:schema44.anyOf[1],data:data19};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid1 = _errs57 === errors;
valid20 = valid20 || _valid1;
const _errs59 = errors;
if(typeof data19 !== "boolean"){
const err26 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/2/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.anyOf[2].type,parentSchema:schema44.anyOf[2],data:data19};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid1 = _errs59 === errors;
valid20 = valid20 || _valid1;
const _errs61 = errors;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.secret === undefined){
const err27 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/3/required",keyword:"required",params:{missingProperty: "secret"},message:"must have required property '"+"secret"+"'",schema:schema44.anyOf[3].required,parentSchema:schema44.anyOf[3],data:data19};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key5 in data19){
if(!((key5 === "secret") || (key5 === "key"))){
const err28 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema44.anyOf[3],data:data19};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data19.secret !== undefined){
let data20 = data19.secret;
if(typeof data20 !== "string"){
const err29 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/secret",schemaPath:"#/$defs/envValue/anyOf/3/properties/secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[3].properties.secret.type,parentSchema:schema44.anyOf[3].properties.secret,data:data20};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data19.key !== undefined){
let data21 = data19.key;
if(typeof data21 !== "string"){
const err30 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/key",schemaPath:"#/$defs/envValue/anyOf/3/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[3].properties.key.type,parentSchema:schema44.anyOf[3].properties.key,data:data21};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.anyOf[3].type,parentSchema:schema44.anyOf[3],data:data19};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var _valid1 = _errs61 === errors;
valid20 = valid20 || _valid1;
if(_valid1){
var props0 = true;
}
const _errs68 = errors;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.config === undefined){
const err32 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema44.anyOf[4].required,parentSchema:schema44.anyOf[4],data:data19};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data19.key === undefined){
const err33 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema44.anyOf[4].required,parentSchema:schema44.anyOf[4],data:data19};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
for(const key6 in data19){
if(!((key6 === "config") || (key6 === "key"))){
const err34 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema44.anyOf[4],data:data19};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data19.config !== undefined){
let data22 = data19.config;
if(typeof data22 !== "string"){
const err35 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/config",schemaPath:"#/$defs/envValue/anyOf/4/properties/config/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[4].properties.config.type,parentSchema:schema44.anyOf[4].properties.config,data:data22};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data19.key !== undefined){
let data23 = data19.key;
if(typeof data23 !== "string"){
const err36 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/key",schemaPath:"#/$defs/envValue/anyOf/4/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.anyOf[4].properties.key.type,parentSchema:schema44.anyOf[4].properties.key,data:data23};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf/4/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.anyOf[4].type,parentSchema:schema44.anyOf[4],data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid1 = _errs68 === errors;
valid20 = valid20 || _valid1;
if(_valid1){
if(props0 !== true){
props0 = true;
}
}
if(!valid20){
const err38 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/envValue/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema44.anyOf,parentSchema:schema44,data:data19};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
else {
errors = _errs54;
if(vErrors !== null){
if(_errs54){
vErrors.length = _errs54;
}
else {
vErrors = null;
}
}
}
var _valid0 = _errs52 === errors;
valid18 = valid18 || _valid0;
const _errs75 = errors;
if(data19 !== null){
const err39 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/env/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema76.properties.env.additionalProperties.anyOf[1].type,parentSchema:schema76.properties.env.additionalProperties.anyOf[1],data:data19};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid0 = _errs75 === errors;
valid18 = valid18 || _valid0;
if(!valid18){
const err40 = {instancePath:instancePath+"/env/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/env/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema76.properties.env.additionalProperties.anyOf,parentSchema:schema76.properties.env.additionalProperties,data:data19};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs51;
if(vErrors !== null){
if(_errs51){
vErrors.length = _errs51;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err41 = {instancePath:instancePath+"/env",schemaPath:"#/properties/env/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema76.properties.env.type,parentSchema:schema76.properties.env,data:data18};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.envFiles !== undefined){
let data24 = data.envFiles;
if(Array.isArray(data24)){
const len3 = data24.length;
for(let i3=0; i3<len3; i3++){
let data25 = data24[i3];
if(typeof data25 !== "string"){
const err42 = {instancePath:instancePath+"/envFiles/" + i3,schemaPath:"#/$defs/envFiles/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.items.type,parentSchema:schema45.items,data:data25};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/envFiles",schemaPath:"#/$defs/envFiles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.type,parentSchema:schema45,data:data24};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.configs !== undefined){
if(!(validate27(data.configs, {instancePath:instancePath+"/configs",parentData:data,parentDataProperty:"configs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
}
if(data.secrets !== undefined){
if(!(validate29(data.secrets, {instancePath:instancePath+"/secrets",parentData:data,parentDataProperty:"secrets",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
if(data.volumes !== undefined){
if(!(validate31(data.volumes, {instancePath:instancePath+"/volumes",parentData:data,parentDataProperty:"volumes",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data.health !== undefined){
if(!(validate33(data.health, {instancePath:instancePath+"/health",parentData:data,parentDataProperty:"health",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
if(data.resources !== undefined){
if(!(validate39(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
}
if(data.replicas !== undefined){
let data31 = data.replicas;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
const err44 = {instancePath:instancePath+"/replicas",schemaPath:"#/$defs/replicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema60.type,parentSchema:schema60,data:data31};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 < 0 || isNaN(data31)){
const err45 = {instancePath:instancePath+"/replicas",schemaPath:"#/$defs/replicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema60,data:data31};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
if(data.autoscaling !== undefined){
let data32 = data.autoscaling;
const _errs91 = errors;
let valid27 = false;
const _errs92 = errors;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.maxReplicas === undefined){
const err46 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/$defs/autoscaling/required",keyword:"required",params:{missingProperty: "maxReplicas"},message:"must have required property '"+"maxReplicas"+"'",schema:schema61.required,parentSchema:schema61,data:data32};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
for(const key7 in data32){
if(!((((key7 === "minReplicas") || (key7 === "maxReplicas")) || (key7 === "cpuUtilization")) || (key7 === "memoryUtilization"))){
const err47 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/$defs/autoscaling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema61,data:data32};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data32.minReplicas !== undefined){
let data33 = data32.minReplicas;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
const err48 = {instancePath:instancePath+"/autoscaling/minReplicas",schemaPath:"#/$defs/autoscaling/properties/minReplicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.minReplicas.type,parentSchema:schema61.properties.minReplicas,data:data33};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 < 1 || isNaN(data33)){
const err49 = {instancePath:instancePath+"/autoscaling/minReplicas",schemaPath:"#/$defs/autoscaling/properties/minReplicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.minReplicas,data:data33};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
if(data32.maxReplicas !== undefined){
let data34 = data32.maxReplicas;
if(!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))){
const err50 = {instancePath:instancePath+"/autoscaling/maxReplicas",schemaPath:"#/$defs/autoscaling/properties/maxReplicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.maxReplicas.type,parentSchema:schema61.properties.maxReplicas,data:data34};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 < 1 || isNaN(data34)){
const err51 = {instancePath:instancePath+"/autoscaling/maxReplicas",schemaPath:"#/$defs/autoscaling/properties/maxReplicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.maxReplicas,data:data34};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
if(data32.cpuUtilization !== undefined){
let data35 = data32.cpuUtilization;
if(!(((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35))) && (isFinite(data35)))){
const err52 = {instancePath:instancePath+"/autoscaling/cpuUtilization",schemaPath:"#/$defs/autoscaling/properties/cpuUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.cpuUtilization.type,parentSchema:schema61.properties.cpuUtilization,data:data35};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if((typeof data35 == "number") && (isFinite(data35))){
if(data35 > 1000 || isNaN(data35)){
const err53 = {instancePath:instancePath+"/autoscaling/cpuUtilization",schemaPath:"#/$defs/autoscaling/properties/cpuUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema61.properties.cpuUtilization,data:data35};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data35 < 1 || isNaN(data35)){
const err54 = {instancePath:instancePath+"/autoscaling/cpuUtilization",schemaPath:"#/$defs/autoscaling/properties/cpuUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.cpuUtilization,data:data35};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
if(data32.memoryUtilization !== undefined){
let data36 = data32.memoryUtilization;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err55 = {instancePath:instancePath+"/autoscaling/memoryUtilization",schemaPath:"#/$defs/autoscaling/properties/memoryUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.memoryUtilization.type,parentSchema:schema61.properties.memoryUtilization,data:data36};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 > 1000 || isNaN(data36)){
const err56 = {instancePath:instancePath+"/autoscaling/memoryUtilization",schemaPath:"#/$defs/autoscaling/properties/memoryUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema61.properties.memoryUtilization,data:data36};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data36 < 1 || isNaN(data36)){
const err57 = {instancePath:instancePath+"/autoscaling/memoryUtilization",schemaPath:"#/$defs/autoscaling/properties/memoryUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.memoryUtilization,data:data36};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
}
else {
const err58 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/$defs/autoscaling/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema61.type,parentSchema:schema61,data:data32};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
var _valid2 = _errs92 === errors;
valid27 = valid27 || _valid2;
const _errs104 = errors;
if(data32 !== null){
const err59 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/properties/autoscaling/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema76.properties.autoscaling.anyOf[1].type,parentSchema:schema76.properties.autoscaling.anyOf[1],data:data32};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
var _valid2 = _errs104 === errors;
valid27 = valid27 || _valid2;
if(!valid27){
const err60 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/properties/autoscaling/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema76.properties.autoscaling.anyOf,parentSchema:schema76.properties.autoscaling,data:data32};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
else {
errors = _errs91;
if(vErrors !== null){
if(_errs91){
vErrors.length = _errs91;
}
else {
vErrors = null;
}
}
}
}
if(data.disruption !== undefined){
let data37 = data.disruption;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key8 in data37){
if(!(((key8 === "enabled") || (key8 === "minAvailable")) || (key8 === "maxUnavailable"))){
const err61 = {instancePath:instancePath+"/disruption",schemaPath:"#/$defs/disruption/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema62,data:data37};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data37.enabled !== undefined){
let data38 = data37.enabled;
if(typeof data38 !== "boolean"){
const err62 = {instancePath:instancePath+"/disruption/enabled",schemaPath:"#/$defs/disruption/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema62.properties.enabled.type,parentSchema:schema62.properties.enabled,data:data38};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data37.minAvailable !== undefined){
let data39 = data37.minAvailable;
if((!(((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39))) && (isFinite(data39)))) && (typeof data39 !== "string")){
const err63 = {instancePath:instancePath+"/disruption/minAvailable",schemaPath:"#/$defs/disruption/properties/minAvailable/type",keyword:"type",params:{type: schema62.properties.minAvailable.type},message:"must be integer,string",schema:schema62.properties.minAvailable.type,parentSchema:schema62.properties.minAvailable,data:data39};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data37.maxUnavailable !== undefined){
let data40 = data37.maxUnavailable;
if((!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))) && (typeof data40 !== "string")){
const err64 = {instancePath:instancePath+"/disruption/maxUnavailable",schemaPath:"#/$defs/disruption/properties/maxUnavailable/type",keyword:"type",params:{type: schema62.properties.maxUnavailable.type},message:"must be integer,string",schema:schema62.properties.maxUnavailable.type,parentSchema:schema62.properties.maxUnavailable,data:data40};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/disruption",schemaPath:"#/$defs/disruption/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema62.type,parentSchema:schema62,data:data37};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data.rollout !== undefined){
let data41 = data.rollout;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
for(const key9 in data41){
if(!(((key9 === "strategy") || (key9 === "maxSurge")) || (key9 === "maxUnavailable"))){
const err66 = {instancePath:instancePath+"/rollout",schemaPath:"#/$defs/rollout/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema63,data:data41};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data41.strategy !== undefined){
let data42 = data41.strategy;
if(typeof data42 !== "string"){
const err67 = {instancePath:instancePath+"/rollout/strategy",schemaPath:"#/$defs/rollout/properties/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema63.properties.strategy.type,parentSchema:schema63.properties.strategy,data:data42};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(!((data42 === "RollingUpdate") || (data42 === "Recreate"))){
const err68 = {instancePath:instancePath+"/rollout/strategy",schemaPath:"#/$defs/rollout/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema63.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema63.properties.strategy.enum,parentSchema:schema63.properties.strategy,data:data42};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data41.maxSurge !== undefined){
let data43 = data41.maxSurge;
if((!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))) && (typeof data43 !== "string")){
const err69 = {instancePath:instancePath+"/rollout/maxSurge",schemaPath:"#/$defs/rollout/properties/maxSurge/type",keyword:"type",params:{type: schema63.properties.maxSurge.type},message:"must be integer,string",schema:schema63.properties.maxSurge.type,parentSchema:schema63.properties.maxSurge,data:data43};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data41.maxUnavailable !== undefined){
let data44 = data41.maxUnavailable;
if((!(((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44))) && (isFinite(data44)))) && (typeof data44 !== "string")){
const err70 = {instancePath:instancePath+"/rollout/maxUnavailable",schemaPath:"#/$defs/rollout/properties/maxUnavailable/type",keyword:"type",params:{type: schema63.properties.maxUnavailable.type},message:"must be integer,string",schema:schema63.properties.maxUnavailable.type,parentSchema:schema63.properties.maxUnavailable,data:data44};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/rollout",schemaPath:"#/$defs/rollout/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema63.type,parentSchema:schema63,data:data41};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data.terminationGracePeriodSeconds !== undefined){
let data45 = data.terminationGracePeriodSeconds;
if(!(((typeof data45 == "number") && (!(data45 % 1) && !isNaN(data45))) && (isFinite(data45)))){
const err72 = {instancePath:instancePath+"/terminationGracePeriodSeconds",schemaPath:"#/$defs/terminationGracePeriodSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema64.type,parentSchema:schema64,data:data45};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if((typeof data45 == "number") && (isFinite(data45))){
if(data45 < 0 || isNaN(data45)){
const err73 = {instancePath:instancePath+"/terminationGracePeriodSeconds",schemaPath:"#/$defs/terminationGracePeriodSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema64,data:data45};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
if(data.job !== undefined){
let data46 = data.job;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
for(const key10 in data46){
if(!(((((key10 === "backoffLimit") || (key10 === "completions")) || (key10 === "parallelism")) || (key10 === "activeDeadlineSeconds")) || (key10 === "ttlSecondsAfterFinished"))){
const err74 = {instancePath:instancePath+"/job",schemaPath:"#/$defs/job/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema65,data:data46};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data46.backoffLimit !== undefined){
let data47 = data46.backoffLimit;
if(!(((typeof data47 == "number") && (!(data47 % 1) && !isNaN(data47))) && (isFinite(data47)))){
const err75 = {instancePath:instancePath+"/job/backoffLimit",schemaPath:"#/$defs/job/properties/backoffLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.backoffLimit.type,parentSchema:schema65.properties.backoffLimit,data:data47};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if((typeof data47 == "number") && (isFinite(data47))){
if(data47 < 0 || isNaN(data47)){
const err76 = {instancePath:instancePath+"/job/backoffLimit",schemaPath:"#/$defs/job/properties/backoffLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema65.properties.backoffLimit,data:data47};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
if(data46.completions !== undefined){
let data48 = data46.completions;
if(!(((typeof data48 == "number") && (!(data48 % 1) && !isNaN(data48))) && (isFinite(data48)))){
const err77 = {instancePath:instancePath+"/job/completions",schemaPath:"#/$defs/job/properties/completions/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.completions.type,parentSchema:schema65.properties.completions,data:data48};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if((typeof data48 == "number") && (isFinite(data48))){
if(data48 < 1 || isNaN(data48)){
const err78 = {instancePath:instancePath+"/job/completions",schemaPath:"#/$defs/job/properties/completions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema65.properties.completions,data:data48};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
if(data46.parallelism !== undefined){
let data49 = data46.parallelism;
if(!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))){
const err79 = {instancePath:instancePath+"/job/parallelism",schemaPath:"#/$defs/job/properties/parallelism/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.parallelism.type,parentSchema:schema65.properties.parallelism,data:data49};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 < 1 || isNaN(data49)){
const err80 = {instancePath:instancePath+"/job/parallelism",schemaPath:"#/$defs/job/properties/parallelism/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema65.properties.parallelism,data:data49};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
if(data46.activeDeadlineSeconds !== undefined){
let data50 = data46.activeDeadlineSeconds;
if(!(((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50))) && (isFinite(data50)))){
const err81 = {instancePath:instancePath+"/job/activeDeadlineSeconds",schemaPath:"#/$defs/job/properties/activeDeadlineSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.activeDeadlineSeconds.type,parentSchema:schema65.properties.activeDeadlineSeconds,data:data50};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 < 1 || isNaN(data50)){
const err82 = {instancePath:instancePath+"/job/activeDeadlineSeconds",schemaPath:"#/$defs/job/properties/activeDeadlineSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema65.properties.activeDeadlineSeconds,data:data50};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
}
if(data46.ttlSecondsAfterFinished !== undefined){
let data51 = data46.ttlSecondsAfterFinished;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err83 = {instancePath:instancePath+"/job/ttlSecondsAfterFinished",schemaPath:"#/$defs/job/properties/ttlSecondsAfterFinished/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.ttlSecondsAfterFinished.type,parentSchema:schema65.properties.ttlSecondsAfterFinished,data:data51};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 < 0 || isNaN(data51)){
const err84 = {instancePath:instancePath+"/job/ttlSecondsAfterFinished",schemaPath:"#/$defs/job/properties/ttlSecondsAfterFinished/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema65.properties.ttlSecondsAfterFinished,data:data51};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
}
else {
const err85 = {instancePath:instancePath+"/job",schemaPath:"#/$defs/job/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.type,parentSchema:schema65,data:data46};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data.schedule !== undefined){
let data52 = data.schedule;
if(data52 && typeof data52 == "object" && !Array.isArray(data52)){
if(data52.cron === undefined){
const err86 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/schedule/required",keyword:"required",params:{missingProperty: "cron"},message:"must have required property '"+"cron"+"'",schema:schema66.required,parentSchema:schema66,data:data52};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
for(const key11 in data52){
if(!((((((key11 === "cron") || (key11 === "timeZone")) || (key11 === "concurrencyPolicy")) || (key11 === "successfulJobsHistoryLimit")) || (key11 === "failedJobsHistoryLimit")) || (key11 === "suspend"))){
const err87 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/schedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema66,data:data52};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data52.cron !== undefined){
let data53 = data52.cron;
if(typeof data53 !== "string"){
const err88 = {instancePath:instancePath+"/schedule/cron",schemaPath:"#/$defs/schedule/properties/cron/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.cron.type,parentSchema:schema66.properties.cron,data:data53};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data52.timeZone !== undefined){
let data54 = data52.timeZone;
if(typeof data54 !== "string"){
const err89 = {instancePath:instancePath+"/schedule/timeZone",schemaPath:"#/$defs/schedule/properties/timeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.timeZone.type,parentSchema:schema66.properties.timeZone,data:data54};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data52.concurrencyPolicy !== undefined){
let data55 = data52.concurrencyPolicy;
if(typeof data55 !== "string"){
const err90 = {instancePath:instancePath+"/schedule/concurrencyPolicy",schemaPath:"#/$defs/schedule/properties/concurrencyPolicy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.concurrencyPolicy.type,parentSchema:schema66.properties.concurrencyPolicy,data:data55};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(!(((data55 === "Allow") || (data55 === "Forbid")) || (data55 === "Replace"))){
const err91 = {instancePath:instancePath+"/schedule/concurrencyPolicy",schemaPath:"#/$defs/schedule/properties/concurrencyPolicy/enum",keyword:"enum",params:{allowedValues: schema66.properties.concurrencyPolicy.enum},message:"must be equal to one of the allowed values",schema:schema66.properties.concurrencyPolicy.enum,parentSchema:schema66.properties.concurrencyPolicy,data:data55};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data52.successfulJobsHistoryLimit !== undefined){
let data56 = data52.successfulJobsHistoryLimit;
if(!(((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56))) && (isFinite(data56)))){
const err92 = {instancePath:instancePath+"/schedule/successfulJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/successfulJobsHistoryLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema66.properties.successfulJobsHistoryLimit.type,parentSchema:schema66.properties.successfulJobsHistoryLimit,data:data56};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if((typeof data56 == "number") && (isFinite(data56))){
if(data56 < 0 || isNaN(data56)){
const err93 = {instancePath:instancePath+"/schedule/successfulJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/successfulJobsHistoryLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema66.properties.successfulJobsHistoryLimit,data:data56};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
if(data52.failedJobsHistoryLimit !== undefined){
let data57 = data52.failedJobsHistoryLimit;
if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){
const err94 = {instancePath:instancePath+"/schedule/failedJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/failedJobsHistoryLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema66.properties.failedJobsHistoryLimit.type,parentSchema:schema66.properties.failedJobsHistoryLimit,data:data57};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if((typeof data57 == "number") && (isFinite(data57))){
if(data57 < 0 || isNaN(data57)){
const err95 = {instancePath:instancePath+"/schedule/failedJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/failedJobsHistoryLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema66.properties.failedJobsHistoryLimit,data:data57};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
if(data52.suspend !== undefined){
let data58 = data52.suspend;
if(typeof data58 !== "boolean"){
const err96 = {instancePath:instancePath+"/schedule/suspend",schemaPath:"#/$defs/schedule/properties/suspend/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema66.properties.suspend.type,parentSchema:schema66.properties.suspend,data:data58};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
else {
const err97 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/schedule/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data:data52};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data.dependsOn !== undefined){
let data59 = data.dependsOn;
if(Array.isArray(data59)){
const len4 = data59.length;
for(let i4=0; i4<len4; i4++){
let data60 = data59[i4];
const _errs163 = errors;
let valid42 = false;
const _errs164 = errors;
if(typeof data60 !== "string"){
const err98 = {instancePath:instancePath+"/dependsOn/" + i4,schemaPath:"#/$defs/dependsOn/items/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[0].type,parentSchema:schema67.items.anyOf[0],data:data60};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
var _valid3 = _errs164 === errors;
valid42 = valid42 || _valid3;
const _errs166 = errors;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
if(data60.service === undefined){
const err99 = {instancePath:instancePath+"/dependsOn/" + i4,schemaPath:"#/$defs/dependsOn/items/anyOf/1/required",keyword:"required",params:{missingProperty: "service"},message:"must have required property '"+"service"+"'",schema:schema67.items.anyOf[1].required,parentSchema:schema67.items.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
for(const key12 in data60){
if(!(((key12 === "service") || (key12 === "condition")) || (key12 === "port"))){
const err100 = {instancePath:instancePath+"/dependsOn/" + i4,schemaPath:"#/$defs/dependsOn/items/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema67.items.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data60.service !== undefined){
let data61 = data60.service;
if(typeof data61 !== "string"){
const err101 = {instancePath:instancePath+"/dependsOn/" + i4+"/service",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[1].properties.service.type,parentSchema:schema67.items.anyOf[1].properties.service,data:data61};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data60.condition !== undefined){
let data62 = data60.condition;
if(typeof data62 !== "string"){
const err102 = {instancePath:instancePath+"/dependsOn/" + i4+"/condition",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[1].properties.condition.type,parentSchema:schema67.items.anyOf[1].properties.condition,data:data62};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
if(!(((data62 === "started") || (data62 === "healthy")) || (data62 === "completed"))){
const err103 = {instancePath:instancePath+"/dependsOn/" + i4+"/condition",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/condition/enum",keyword:"enum",params:{allowedValues: schema67.items.anyOf[1].properties.condition.enum},message:"must be equal to one of the allowed values",schema:schema67.items.anyOf[1].properties.condition.enum,parentSchema:schema67.items.anyOf[1].properties.condition,data:data62};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data60.port !== undefined){
let data63 = data60.port;
if(typeof data63 !== "string"){
const err104 = {instancePath:instancePath+"/dependsOn/" + i4+"/port",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/port/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[1].properties.port.type,parentSchema:schema67.items.anyOf[1].properties.port,data:data63};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
else {
const err105 = {instancePath:instancePath+"/dependsOn/" + i4,schemaPath:"#/$defs/dependsOn/items/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema67.items.anyOf[1].type,parentSchema:schema67.items.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
var _valid3 = _errs166 === errors;
valid42 = valid42 || _valid3;
if(!valid42){
const err106 = {instancePath:instancePath+"/dependsOn/" + i4,schemaPath:"#/$defs/dependsOn/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema67.items.anyOf,parentSchema:schema67.items,data:data60};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
else {
errors = _errs163;
if(vErrors !== null){
if(_errs163){
vErrors.length = _errs163;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err107 = {instancePath:instancePath+"/dependsOn",schemaPath:"#/$defs/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema67.type,parentSchema:schema67,data:data59};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data.allowFrom !== undefined){
let data64 = data.allowFrom;
if(Array.isArray(data64)){
const len5 = data64.length;
for(let i5=0; i5<len5; i5++){
let data65 = data64[i5];
if(typeof data65 !== "string"){
const err108 = {instancePath:instancePath+"/allowFrom/" + i5,schemaPath:"#/$defs/allowFrom/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.items.type,parentSchema:schema68.items,data:data65};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
}
else {
const err109 = {instancePath:instancePath+"/allowFrom",schemaPath:"#/$defs/allowFrom/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema68.type,parentSchema:schema68,data:data64};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data.labels !== undefined){
let data66 = data.labels;
if(data66 && typeof data66 == "object" && !Array.isArray(data66)){
for(const key13 in data66){
let data67 = data66[key13];
if(typeof data67 !== "string"){
const err110 = {instancePath:instancePath+"/labels/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema69.additionalProperties.type,parentSchema:schema69.additionalProperties,data:data67};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
}
else {
const err111 = {instancePath:instancePath+"/labels",schemaPath:"#/$defs/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema69.type,parentSchema:schema69,data:data66};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data.annotations !== undefined){
let data68 = data.annotations;
if(data68 && typeof data68 == "object" && !Array.isArray(data68)){
for(const key14 in data68){
let data69 = data68[key14];
if(typeof data69 !== "string"){
const err112 = {instancePath:instancePath+"/annotations/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/annotations/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema70.additionalProperties.type,parentSchema:schema70.additionalProperties,data:data69};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
}
else {
const err113 = {instancePath:instancePath+"/annotations",schemaPath:"#/$defs/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema70.type,parentSchema:schema70,data:data68};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
if(data.security !== undefined){
let data70 = data.security;
if(data70 && typeof data70 == "object" && !Array.isArray(data70)){
for(const key15 in data70){
if(!((((key15 === "profile") || (key15 === "readOnlyRootFilesystem")) || (key15 === "addCapabilities")) || (key15 === "automountServiceAccountToken"))){
const err114 = {instancePath:instancePath+"/security",schemaPath:"#/$defs/security/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema71,data:data70};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data70.profile !== undefined){
let data71 = data70.profile;
if(typeof data71 !== "string"){
const err115 = {instancePath:instancePath+"/security/profile",schemaPath:"#/$defs/security/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.profile.type,parentSchema:schema71.properties.profile,data:data71};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
if(!(((data71 === "restricted") || (data71 === "baseline")) || (data71 === "privileged"))){
const err116 = {instancePath:instancePath+"/security/profile",schemaPath:"#/$defs/security/properties/profile/enum",keyword:"enum",params:{allowedValues: schema71.properties.profile.enum},message:"must be equal to one of the allowed values",schema:schema71.properties.profile.enum,parentSchema:schema71.properties.profile,data:data71};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data70.readOnlyRootFilesystem !== undefined){
let data72 = data70.readOnlyRootFilesystem;
if(typeof data72 !== "boolean"){
const err117 = {instancePath:instancePath+"/security/readOnlyRootFilesystem",schemaPath:"#/$defs/security/properties/readOnlyRootFilesystem/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema71.properties.readOnlyRootFilesystem.type,parentSchema:schema71.properties.readOnlyRootFilesystem,data:data72};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data70.addCapabilities !== undefined){
let data73 = data70.addCapabilities;
if(Array.isArray(data73)){
const len6 = data73.length;
for(let i6=0; i6<len6; i6++){
let data74 = data73[i6];
if(typeof data74 !== "string"){
const err118 = {instancePath:instancePath+"/security/addCapabilities/" + i6,schemaPath:"#/$defs/security/properties/addCapabilities/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.addCapabilities.items.type,parentSchema:schema71.properties.addCapabilities.items,data:data74};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
}
else {
const err119 = {instancePath:instancePath+"/security/addCapabilities",schemaPath:"#/$defs/security/properties/addCapabilities/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema71.properties.addCapabilities.type,parentSchema:schema71.properties.addCapabilities,data:data73};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data70.automountServiceAccountToken !== undefined){
let data75 = data70.automountServiceAccountToken;
if(typeof data75 !== "boolean"){
const err120 = {instancePath:instancePath+"/security/automountServiceAccountToken",schemaPath:"#/$defs/security/properties/automountServiceAccountToken/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema71.properties.automountServiceAccountToken.type,parentSchema:schema71.properties.automountServiceAccountToken,data:data75};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
}
else {
const err121 = {instancePath:instancePath+"/security",schemaPath:"#/$defs/security/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema71.type,parentSchema:schema71,data:data70};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
if(data.external !== undefined){
let data76 = data.external;
const _errs207 = errors;
let valid55 = false;
const _errs208 = errors;
if(data76 && typeof data76 == "object" && !Array.isArray(data76)){
if(data76.host === undefined){
const err122 = {instancePath:instancePath+"/external",schemaPath:"#/$defs/external/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema72.required,parentSchema:schema72,data:data76};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
for(const key16 in data76){
if(!(key16 === "host")){
const err123 = {instancePath:instancePath+"/external",schemaPath:"#/$defs/external/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema72,data:data76};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data76.host !== undefined){
let data77 = data76.host;
if(typeof data77 !== "string"){
const err124 = {instancePath:instancePath+"/external/host",schemaPath:"#/$defs/external/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema72.properties.host.type,parentSchema:schema72.properties.host,data:data77};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
}
else {
const err125 = {instancePath:instancePath+"/external",schemaPath:"#/$defs/external/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema72.type,parentSchema:schema72,data:data76};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
var _valid4 = _errs208 === errors;
valid55 = valid55 || _valid4;
const _errs214 = errors;
if(data76 !== null){
const err126 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema76.properties.external.anyOf[1].type,parentSchema:schema76.properties.external.anyOf[1],data:data76};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
var _valid4 = _errs214 === errors;
valid55 = valid55 || _valid4;
if(!valid55){
const err127 = {instancePath:instancePath+"/external",schemaPath:"#/properties/external/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema76.properties.external.anyOf,parentSchema:schema76.properties.external,data:data76};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
else {
errors = _errs207;
if(vErrors !== null){
if(_errs207){
vErrors.length = _errs207;
}
else {
vErrors = null;
}
}
}
}
if(data.patches !== undefined){
if(!(validate41(data.patches, {instancePath:instancePath+"/patches",parentData:data,parentDataProperty:"patches",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
}
}
else {
const err128 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema76.type,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://twinform.dev/schemas/service.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema31.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.name.type,parentSchema:schema31.properties.name,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/description",schemaPath:"#/$defs/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.type,parentSchema:schema32,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.workload !== undefined){
let data2 = data.workload;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/workload",schemaPath:"#/$defs/workload/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!(((((data2 === "service") || (data2 === "stateful")) || (data2 === "job")) || (data2 === "cronjob")) || (data2 === "daemon"))){
const err5 = {instancePath:instancePath+"/workload",schemaPath:"#/$defs/workload/enum",keyword:"enum",params:{allowedValues: schema33.enum},message:"must be equal to one of the allowed values",schema:schema33.enum,parentSchema:schema33,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.image !== undefined){
let data3 = data.image;
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err6 = {instancePath:instancePath+"/image",schemaPath:"#/$defs/image/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/image",schemaPath:"#/$defs/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.build !== undefined){
let data4 = data.build;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
if(!((((key1 === "context") || (key1 === "dockerfile")) || (key1 === "target")) || (key1 === "args"))){
const err8 = {instancePath:instancePath+"/build",schemaPath:"#/$defs/build/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data4.context !== undefined){
let data5 = data4.context;
if(typeof data5 !== "string"){
const err9 = {instancePath:instancePath+"/build/context",schemaPath:"#/$defs/build/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.context.type,parentSchema:schema35.properties.context,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data4.dockerfile !== undefined){
let data6 = data4.dockerfile;
if(typeof data6 !== "string"){
const err10 = {instancePath:instancePath+"/build/dockerfile",schemaPath:"#/$defs/build/properties/dockerfile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.dockerfile.type,parentSchema:schema35.properties.dockerfile,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data4.target !== undefined){
let data7 = data4.target;
if(typeof data7 !== "string"){
const err11 = {instancePath:instancePath+"/build/target",schemaPath:"#/$defs/build/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.target.type,parentSchema:schema35.properties.target,data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data4.args !== undefined){
let data8 = data4.args;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key2 in data8){
let data9 = data8[key2];
if(typeof data9 !== "string"){
const err12 = {instancePath:instancePath+"/build/args/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/build/properties/args/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.args.additionalProperties.type,parentSchema:schema35.properties.args.additionalProperties,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/build/args",schemaPath:"#/$defs/build/properties/args/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.args.type,parentSchema:schema35.properties.args,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/build",schemaPath:"#/$defs/build/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.command !== undefined){
let data10 = data.command;
if(Array.isArray(data10)){
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
let data11 = data10[i0];
if(typeof data11 !== "string"){
const err15 = {instancePath:instancePath+"/command/" + i0,schemaPath:"#/$defs/command/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.items.type,parentSchema:schema36.items,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/command",schemaPath:"#/$defs/command/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.type,parentSchema:schema36,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.args !== undefined){
let data12 = data.args;
if(Array.isArray(data12)){
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
if(typeof data13 !== "string"){
const err17 = {instancePath:instancePath+"/args/" + i1,schemaPath:"#/$defs/args/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.items.type,parentSchema:schema37.items,data:data13};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/args",schemaPath:"#/$defs/args/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.type,parentSchema:schema37,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.workingDir !== undefined){
let data14 = data.workingDir;
if(typeof data14 !== "string"){
const err19 = {instancePath:instancePath+"/workingDir",schemaPath:"#/$defs/workingDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.type,parentSchema:schema38,data:data14};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.user !== undefined){
let data15 = data.user;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.uid === undefined){
const err20 = {instancePath:instancePath+"/user",schemaPath:"#/$defs/user/required",keyword:"required",params:{missingProperty: "uid"},message:"must have required property '"+"uid"+"'",schema:schema39.required,parentSchema:schema39,data:data15};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key3 in data15){
if(!((key3 === "uid") || (key3 === "gid"))){
const err21 = {instancePath:instancePath+"/user",schemaPath:"#/$defs/user/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data:data15};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data15.uid !== undefined){
let data16 = data15.uid;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err22 = {instancePath:instancePath+"/user/uid",schemaPath:"#/$defs/user/properties/uid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.uid.type,parentSchema:schema39.properties.uid,data:data16};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err23 = {instancePath:instancePath+"/user/uid",schemaPath:"#/$defs/user/properties/uid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema39.properties.uid,data:data16};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
if(data15.gid !== undefined){
let data17 = data15.gid;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err24 = {instancePath:instancePath+"/user/gid",schemaPath:"#/$defs/user/properties/gid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.gid.type,parentSchema:schema39.properties.gid,data:data17};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err25 = {instancePath:instancePath+"/user/gid",schemaPath:"#/$defs/user/properties/gid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema39.properties.gid,data:data17};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
}
else {
const err26 = {instancePath:instancePath+"/user",schemaPath:"#/$defs/user/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data:data15};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.ports !== undefined){
if(!(validate21(data.ports, {instancePath:instancePath+"/ports",parentData:data,parentDataProperty:"ports",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.env !== undefined){
if(!(validate25(data.env, {instancePath:instancePath+"/env",parentData:data,parentDataProperty:"env",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
if(data.envFiles !== undefined){
let data20 = data.envFiles;
if(Array.isArray(data20)){
const len2 = data20.length;
for(let i2=0; i2<len2; i2++){
let data21 = data20[i2];
if(typeof data21 !== "string"){
const err27 = {instancePath:instancePath+"/envFiles/" + i2,schemaPath:"#/$defs/envFiles/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.items.type,parentSchema:schema45.items,data:data21};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/envFiles",schemaPath:"#/$defs/envFiles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.type,parentSchema:schema45,data:data20};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.configs !== undefined){
if(!(validate27(data.configs, {instancePath:instancePath+"/configs",parentData:data,parentDataProperty:"configs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
}
if(data.secrets !== undefined){
if(!(validate29(data.secrets, {instancePath:instancePath+"/secrets",parentData:data,parentDataProperty:"secrets",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
if(data.volumes !== undefined){
if(!(validate31(data.volumes, {instancePath:instancePath+"/volumes",parentData:data,parentDataProperty:"volumes",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data.health !== undefined){
if(!(validate33(data.health, {instancePath:instancePath+"/health",parentData:data,parentDataProperty:"health",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
if(data.resources !== undefined){
if(!(validate39(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
}
if(data.replicas !== undefined){
let data27 = data.replicas;
if(!(((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27))) && (isFinite(data27)))){
const err29 = {instancePath:instancePath+"/replicas",schemaPath:"#/$defs/replicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema60.type,parentSchema:schema60,data:data27};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 < 0 || isNaN(data27)){
const err30 = {instancePath:instancePath+"/replicas",schemaPath:"#/$defs/replicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema60,data:data27};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.autoscaling !== undefined){
let data28 = data.autoscaling;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.maxReplicas === undefined){
const err31 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/$defs/autoscaling/required",keyword:"required",params:{missingProperty: "maxReplicas"},message:"must have required property '"+"maxReplicas"+"'",schema:schema61.required,parentSchema:schema61,data:data28};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
for(const key4 in data28){
if(!((((key4 === "minReplicas") || (key4 === "maxReplicas")) || (key4 === "cpuUtilization")) || (key4 === "memoryUtilization"))){
const err32 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/$defs/autoscaling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema61,data:data28};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data28.minReplicas !== undefined){
let data29 = data28.minReplicas;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
const err33 = {instancePath:instancePath+"/autoscaling/minReplicas",schemaPath:"#/$defs/autoscaling/properties/minReplicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.minReplicas.type,parentSchema:schema61.properties.minReplicas,data:data29};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 < 1 || isNaN(data29)){
const err34 = {instancePath:instancePath+"/autoscaling/minReplicas",schemaPath:"#/$defs/autoscaling/properties/minReplicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.minReplicas,data:data29};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data28.maxReplicas !== undefined){
let data30 = data28.maxReplicas;
if(!(((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30))) && (isFinite(data30)))){
const err35 = {instancePath:instancePath+"/autoscaling/maxReplicas",schemaPath:"#/$defs/autoscaling/properties/maxReplicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.maxReplicas.type,parentSchema:schema61.properties.maxReplicas,data:data30};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if((typeof data30 == "number") && (isFinite(data30))){
if(data30 < 1 || isNaN(data30)){
const err36 = {instancePath:instancePath+"/autoscaling/maxReplicas",schemaPath:"#/$defs/autoscaling/properties/maxReplicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.maxReplicas,data:data30};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
if(data28.cpuUtilization !== undefined){
let data31 = data28.cpuUtilization;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
const err37 = {instancePath:instancePath+"/autoscaling/cpuUtilization",schemaPath:"#/$defs/autoscaling/properties/cpuUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.cpuUtilization.type,parentSchema:schema61.properties.cpuUtilization,data:data31};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 > 1000 || isNaN(data31)){
const err38 = {instancePath:instancePath+"/autoscaling/cpuUtilization",schemaPath:"#/$defs/autoscaling/properties/cpuUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema61.properties.cpuUtilization,data:data31};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data31 < 1 || isNaN(data31)){
const err39 = {instancePath:instancePath+"/autoscaling/cpuUtilization",schemaPath:"#/$defs/autoscaling/properties/cpuUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.cpuUtilization,data:data31};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
if(data28.memoryUtilization !== undefined){
let data32 = data28.memoryUtilization;
if(!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))){
const err40 = {instancePath:instancePath+"/autoscaling/memoryUtilization",schemaPath:"#/$defs/autoscaling/properties/memoryUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema61.properties.memoryUtilization.type,parentSchema:schema61.properties.memoryUtilization,data:data32};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 > 1000 || isNaN(data32)){
const err41 = {instancePath:instancePath+"/autoscaling/memoryUtilization",schemaPath:"#/$defs/autoscaling/properties/memoryUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema61.properties.memoryUtilization,data:data32};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data32 < 1 || isNaN(data32)){
const err42 = {instancePath:instancePath+"/autoscaling/memoryUtilization",schemaPath:"#/$defs/autoscaling/properties/memoryUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema61.properties.memoryUtilization,data:data32};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
}
else {
const err43 = {instancePath:instancePath+"/autoscaling",schemaPath:"#/$defs/autoscaling/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema61.type,parentSchema:schema61,data:data28};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.disruption !== undefined){
let data33 = data.disruption;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
for(const key5 in data33){
if(!(((key5 === "enabled") || (key5 === "minAvailable")) || (key5 === "maxUnavailable"))){
const err44 = {instancePath:instancePath+"/disruption",schemaPath:"#/$defs/disruption/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema62,data:data33};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data33.enabled !== undefined){
let data34 = data33.enabled;
if(typeof data34 !== "boolean"){
const err45 = {instancePath:instancePath+"/disruption/enabled",schemaPath:"#/$defs/disruption/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema62.properties.enabled.type,parentSchema:schema62.properties.enabled,data:data34};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data33.minAvailable !== undefined){
let data35 = data33.minAvailable;
if((!(((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35))) && (isFinite(data35)))) && (typeof data35 !== "string")){
const err46 = {instancePath:instancePath+"/disruption/minAvailable",schemaPath:"#/$defs/disruption/properties/minAvailable/type",keyword:"type",params:{type: schema62.properties.minAvailable.type},message:"must be integer,string",schema:schema62.properties.minAvailable.type,parentSchema:schema62.properties.minAvailable,data:data35};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data33.maxUnavailable !== undefined){
let data36 = data33.maxUnavailable;
if((!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))) && (typeof data36 !== "string")){
const err47 = {instancePath:instancePath+"/disruption/maxUnavailable",schemaPath:"#/$defs/disruption/properties/maxUnavailable/type",keyword:"type",params:{type: schema62.properties.maxUnavailable.type},message:"must be integer,string",schema:schema62.properties.maxUnavailable.type,parentSchema:schema62.properties.maxUnavailable,data:data36};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/disruption",schemaPath:"#/$defs/disruption/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema62.type,parentSchema:schema62,data:data33};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.rollout !== undefined){
let data37 = data.rollout;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key6 in data37){
if(!(((key6 === "strategy") || (key6 === "maxSurge")) || (key6 === "maxUnavailable"))){
const err49 = {instancePath:instancePath+"/rollout",schemaPath:"#/$defs/rollout/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema63,data:data37};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data37.strategy !== undefined){
let data38 = data37.strategy;
if(typeof data38 !== "string"){
const err50 = {instancePath:instancePath+"/rollout/strategy",schemaPath:"#/$defs/rollout/properties/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema63.properties.strategy.type,parentSchema:schema63.properties.strategy,data:data38};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(!((data38 === "RollingUpdate") || (data38 === "Recreate"))){
const err51 = {instancePath:instancePath+"/rollout/strategy",schemaPath:"#/$defs/rollout/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema63.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema63.properties.strategy.enum,parentSchema:schema63.properties.strategy,data:data38};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data37.maxSurge !== undefined){
let data39 = data37.maxSurge;
if((!(((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39))) && (isFinite(data39)))) && (typeof data39 !== "string")){
const err52 = {instancePath:instancePath+"/rollout/maxSurge",schemaPath:"#/$defs/rollout/properties/maxSurge/type",keyword:"type",params:{type: schema63.properties.maxSurge.type},message:"must be integer,string",schema:schema63.properties.maxSurge.type,parentSchema:schema63.properties.maxSurge,data:data39};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data37.maxUnavailable !== undefined){
let data40 = data37.maxUnavailable;
if((!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))) && (typeof data40 !== "string")){
const err53 = {instancePath:instancePath+"/rollout/maxUnavailable",schemaPath:"#/$defs/rollout/properties/maxUnavailable/type",keyword:"type",params:{type: schema63.properties.maxUnavailable.type},message:"must be integer,string",schema:schema63.properties.maxUnavailable.type,parentSchema:schema63.properties.maxUnavailable,data:data40};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/rollout",schemaPath:"#/$defs/rollout/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema63.type,parentSchema:schema63,data:data37};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data.terminationGracePeriodSeconds !== undefined){
let data41 = data.terminationGracePeriodSeconds;
if(!(((typeof data41 == "number") && (!(data41 % 1) && !isNaN(data41))) && (isFinite(data41)))){
const err55 = {instancePath:instancePath+"/terminationGracePeriodSeconds",schemaPath:"#/$defs/terminationGracePeriodSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema64.type,parentSchema:schema64,data:data41};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if((typeof data41 == "number") && (isFinite(data41))){
if(data41 < 0 || isNaN(data41)){
const err56 = {instancePath:instancePath+"/terminationGracePeriodSeconds",schemaPath:"#/$defs/terminationGracePeriodSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema64,data:data41};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
if(data.job !== undefined){
let data42 = data.job;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
for(const key7 in data42){
if(!(((((key7 === "backoffLimit") || (key7 === "completions")) || (key7 === "parallelism")) || (key7 === "activeDeadlineSeconds")) || (key7 === "ttlSecondsAfterFinished"))){
const err57 = {instancePath:instancePath+"/job",schemaPath:"#/$defs/job/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema65,data:data42};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data42.backoffLimit !== undefined){
let data43 = data42.backoffLimit;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
const err58 = {instancePath:instancePath+"/job/backoffLimit",schemaPath:"#/$defs/job/properties/backoffLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.backoffLimit.type,parentSchema:schema65.properties.backoffLimit,data:data43};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 < 0 || isNaN(data43)){
const err59 = {instancePath:instancePath+"/job/backoffLimit",schemaPath:"#/$defs/job/properties/backoffLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema65.properties.backoffLimit,data:data43};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
if(data42.completions !== undefined){
let data44 = data42.completions;
if(!(((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44))) && (isFinite(data44)))){
const err60 = {instancePath:instancePath+"/job/completions",schemaPath:"#/$defs/job/properties/completions/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.completions.type,parentSchema:schema65.properties.completions,data:data44};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 < 1 || isNaN(data44)){
const err61 = {instancePath:instancePath+"/job/completions",schemaPath:"#/$defs/job/properties/completions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema65.properties.completions,data:data44};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
if(data42.parallelism !== undefined){
let data45 = data42.parallelism;
if(!(((typeof data45 == "number") && (!(data45 % 1) && !isNaN(data45))) && (isFinite(data45)))){
const err62 = {instancePath:instancePath+"/job/parallelism",schemaPath:"#/$defs/job/properties/parallelism/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.parallelism.type,parentSchema:schema65.properties.parallelism,data:data45};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if((typeof data45 == "number") && (isFinite(data45))){
if(data45 < 1 || isNaN(data45)){
const err63 = {instancePath:instancePath+"/job/parallelism",schemaPath:"#/$defs/job/properties/parallelism/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema65.properties.parallelism,data:data45};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
if(data42.activeDeadlineSeconds !== undefined){
let data46 = data42.activeDeadlineSeconds;
if(!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))){
const err64 = {instancePath:instancePath+"/job/activeDeadlineSeconds",schemaPath:"#/$defs/job/properties/activeDeadlineSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.activeDeadlineSeconds.type,parentSchema:schema65.properties.activeDeadlineSeconds,data:data46};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 < 1 || isNaN(data46)){
const err65 = {instancePath:instancePath+"/job/activeDeadlineSeconds",schemaPath:"#/$defs/job/properties/activeDeadlineSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema65.properties.activeDeadlineSeconds,data:data46};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
if(data42.ttlSecondsAfterFinished !== undefined){
let data47 = data42.ttlSecondsAfterFinished;
if(!(((typeof data47 == "number") && (!(data47 % 1) && !isNaN(data47))) && (isFinite(data47)))){
const err66 = {instancePath:instancePath+"/job/ttlSecondsAfterFinished",schemaPath:"#/$defs/job/properties/ttlSecondsAfterFinished/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.ttlSecondsAfterFinished.type,parentSchema:schema65.properties.ttlSecondsAfterFinished,data:data47};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if((typeof data47 == "number") && (isFinite(data47))){
if(data47 < 0 || isNaN(data47)){
const err67 = {instancePath:instancePath+"/job/ttlSecondsAfterFinished",schemaPath:"#/$defs/job/properties/ttlSecondsAfterFinished/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema65.properties.ttlSecondsAfterFinished,data:data47};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
}
else {
const err68 = {instancePath:instancePath+"/job",schemaPath:"#/$defs/job/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.type,parentSchema:schema65,data:data42};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.schedule !== undefined){
let data48 = data.schedule;
if(data48 && typeof data48 == "object" && !Array.isArray(data48)){
if(data48.cron === undefined){
const err69 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/schedule/required",keyword:"required",params:{missingProperty: "cron"},message:"must have required property '"+"cron"+"'",schema:schema66.required,parentSchema:schema66,data:data48};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
for(const key8 in data48){
if(!((((((key8 === "cron") || (key8 === "timeZone")) || (key8 === "concurrencyPolicy")) || (key8 === "successfulJobsHistoryLimit")) || (key8 === "failedJobsHistoryLimit")) || (key8 === "suspend"))){
const err70 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/schedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema66,data:data48};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data48.cron !== undefined){
let data49 = data48.cron;
if(typeof data49 !== "string"){
const err71 = {instancePath:instancePath+"/schedule/cron",schemaPath:"#/$defs/schedule/properties/cron/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.cron.type,parentSchema:schema66.properties.cron,data:data49};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data48.timeZone !== undefined){
let data50 = data48.timeZone;
if(typeof data50 !== "string"){
const err72 = {instancePath:instancePath+"/schedule/timeZone",schemaPath:"#/$defs/schedule/properties/timeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.timeZone.type,parentSchema:schema66.properties.timeZone,data:data50};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data48.concurrencyPolicy !== undefined){
let data51 = data48.concurrencyPolicy;
if(typeof data51 !== "string"){
const err73 = {instancePath:instancePath+"/schedule/concurrencyPolicy",schemaPath:"#/$defs/schedule/properties/concurrencyPolicy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.concurrencyPolicy.type,parentSchema:schema66.properties.concurrencyPolicy,data:data51};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if(!(((data51 === "Allow") || (data51 === "Forbid")) || (data51 === "Replace"))){
const err74 = {instancePath:instancePath+"/schedule/concurrencyPolicy",schemaPath:"#/$defs/schedule/properties/concurrencyPolicy/enum",keyword:"enum",params:{allowedValues: schema66.properties.concurrencyPolicy.enum},message:"must be equal to one of the allowed values",schema:schema66.properties.concurrencyPolicy.enum,parentSchema:schema66.properties.concurrencyPolicy,data:data51};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data48.successfulJobsHistoryLimit !== undefined){
let data52 = data48.successfulJobsHistoryLimit;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
const err75 = {instancePath:instancePath+"/schedule/successfulJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/successfulJobsHistoryLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema66.properties.successfulJobsHistoryLimit.type,parentSchema:schema66.properties.successfulJobsHistoryLimit,data:data52};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 < 0 || isNaN(data52)){
const err76 = {instancePath:instancePath+"/schedule/successfulJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/successfulJobsHistoryLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema66.properties.successfulJobsHistoryLimit,data:data52};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
if(data48.failedJobsHistoryLimit !== undefined){
let data53 = data48.failedJobsHistoryLimit;
if(!(((typeof data53 == "number") && (!(data53 % 1) && !isNaN(data53))) && (isFinite(data53)))){
const err77 = {instancePath:instancePath+"/schedule/failedJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/failedJobsHistoryLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema66.properties.failedJobsHistoryLimit.type,parentSchema:schema66.properties.failedJobsHistoryLimit,data:data53};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if((typeof data53 == "number") && (isFinite(data53))){
if(data53 < 0 || isNaN(data53)){
const err78 = {instancePath:instancePath+"/schedule/failedJobsHistoryLimit",schemaPath:"#/$defs/schedule/properties/failedJobsHistoryLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema66.properties.failedJobsHistoryLimit,data:data53};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
if(data48.suspend !== undefined){
let data54 = data48.suspend;
if(typeof data54 !== "boolean"){
const err79 = {instancePath:instancePath+"/schedule/suspend",schemaPath:"#/$defs/schedule/properties/suspend/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema66.properties.suspend.type,parentSchema:schema66.properties.suspend,data:data54};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/schedule/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data:data48};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data.dependsOn !== undefined){
let data55 = data.dependsOn;
if(Array.isArray(data55)){
const len3 = data55.length;
for(let i3=0; i3<len3; i3++){
let data56 = data55[i3];
const _errs133 = errors;
let valid34 = false;
const _errs134 = errors;
if(typeof data56 !== "string"){
const err81 = {instancePath:instancePath+"/dependsOn/" + i3,schemaPath:"#/$defs/dependsOn/items/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[0].type,parentSchema:schema67.items.anyOf[0],data:data56};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
var _valid0 = _errs134 === errors;
valid34 = valid34 || _valid0;
const _errs136 = errors;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56.service === undefined){
const err82 = {instancePath:instancePath+"/dependsOn/" + i3,schemaPath:"#/$defs/dependsOn/items/anyOf/1/required",keyword:"required",params:{missingProperty: "service"},message:"must have required property '"+"service"+"'",schema:schema67.items.anyOf[1].required,parentSchema:schema67.items.anyOf[1],data:data56};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
for(const key9 in data56){
if(!(((key9 === "service") || (key9 === "condition")) || (key9 === "port"))){
const err83 = {instancePath:instancePath+"/dependsOn/" + i3,schemaPath:"#/$defs/dependsOn/items/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema67.items.anyOf[1],data:data56};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data56.service !== undefined){
let data57 = data56.service;
if(typeof data57 !== "string"){
const err84 = {instancePath:instancePath+"/dependsOn/" + i3+"/service",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[1].properties.service.type,parentSchema:schema67.items.anyOf[1].properties.service,data:data57};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data56.condition !== undefined){
let data58 = data56.condition;
if(typeof data58 !== "string"){
const err85 = {instancePath:instancePath+"/dependsOn/" + i3+"/condition",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[1].properties.condition.type,parentSchema:schema67.items.anyOf[1].properties.condition,data:data58};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(!(((data58 === "started") || (data58 === "healthy")) || (data58 === "completed"))){
const err86 = {instancePath:instancePath+"/dependsOn/" + i3+"/condition",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/condition/enum",keyword:"enum",params:{allowedValues: schema67.items.anyOf[1].properties.condition.enum},message:"must be equal to one of the allowed values",schema:schema67.items.anyOf[1].properties.condition.enum,parentSchema:schema67.items.anyOf[1].properties.condition,data:data58};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data56.port !== undefined){
let data59 = data56.port;
if(typeof data59 !== "string"){
const err87 = {instancePath:instancePath+"/dependsOn/" + i3+"/port",schemaPath:"#/$defs/dependsOn/items/anyOf/1/properties/port/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema67.items.anyOf[1].properties.port.type,parentSchema:schema67.items.anyOf[1].properties.port,data:data59};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
}
else {
const err88 = {instancePath:instancePath+"/dependsOn/" + i3,schemaPath:"#/$defs/dependsOn/items/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema67.items.anyOf[1].type,parentSchema:schema67.items.anyOf[1],data:data56};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
var _valid0 = _errs136 === errors;
valid34 = valid34 || _valid0;
if(!valid34){
const err89 = {instancePath:instancePath+"/dependsOn/" + i3,schemaPath:"#/$defs/dependsOn/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema67.items.anyOf,parentSchema:schema67.items,data:data56};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
else {
errors = _errs133;
if(vErrors !== null){
if(_errs133){
vErrors.length = _errs133;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err90 = {instancePath:instancePath+"/dependsOn",schemaPath:"#/$defs/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema67.type,parentSchema:schema67,data:data55};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data.allowFrom !== undefined){
let data60 = data.allowFrom;
if(Array.isArray(data60)){
const len4 = data60.length;
for(let i4=0; i4<len4; i4++){
let data61 = data60[i4];
if(typeof data61 !== "string"){
const err91 = {instancePath:instancePath+"/allowFrom/" + i4,schemaPath:"#/$defs/allowFrom/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.items.type,parentSchema:schema68.items,data:data61};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
}
else {
const err92 = {instancePath:instancePath+"/allowFrom",schemaPath:"#/$defs/allowFrom/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema68.type,parentSchema:schema68,data:data60};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data.labels !== undefined){
let data62 = data.labels;
if(data62 && typeof data62 == "object" && !Array.isArray(data62)){
for(const key10 in data62){
let data63 = data62[key10];
if(typeof data63 !== "string"){
const err93 = {instancePath:instancePath+"/labels/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema69.additionalProperties.type,parentSchema:schema69.additionalProperties,data:data63};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
else {
const err94 = {instancePath:instancePath+"/labels",schemaPath:"#/$defs/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema69.type,parentSchema:schema69,data:data62};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data.annotations !== undefined){
let data64 = data.annotations;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
for(const key11 in data64){
let data65 = data64[key11];
if(typeof data65 !== "string"){
const err95 = {instancePath:instancePath+"/annotations/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/annotations/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema70.additionalProperties.type,parentSchema:schema70.additionalProperties,data:data65};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
else {
const err96 = {instancePath:instancePath+"/annotations",schemaPath:"#/$defs/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema70.type,parentSchema:schema70,data:data64};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data.security !== undefined){
let data66 = data.security;
if(data66 && typeof data66 == "object" && !Array.isArray(data66)){
for(const key12 in data66){
if(!((((key12 === "profile") || (key12 === "readOnlyRootFilesystem")) || (key12 === "addCapabilities")) || (key12 === "automountServiceAccountToken"))){
const err97 = {instancePath:instancePath+"/security",schemaPath:"#/$defs/security/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema71,data:data66};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data66.profile !== undefined){
let data67 = data66.profile;
if(typeof data67 !== "string"){
const err98 = {instancePath:instancePath+"/security/profile",schemaPath:"#/$defs/security/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.profile.type,parentSchema:schema71.properties.profile,data:data67};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
if(!(((data67 === "restricted") || (data67 === "baseline")) || (data67 === "privileged"))){
const err99 = {instancePath:instancePath+"/security/profile",schemaPath:"#/$defs/security/properties/profile/enum",keyword:"enum",params:{allowedValues: schema71.properties.profile.enum},message:"must be equal to one of the allowed values",schema:schema71.properties.profile.enum,parentSchema:schema71.properties.profile,data:data67};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data66.readOnlyRootFilesystem !== undefined){
let data68 = data66.readOnlyRootFilesystem;
if(typeof data68 !== "boolean"){
const err100 = {instancePath:instancePath+"/security/readOnlyRootFilesystem",schemaPath:"#/$defs/security/properties/readOnlyRootFilesystem/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema71.properties.readOnlyRootFilesystem.type,parentSchema:schema71.properties.readOnlyRootFilesystem,data:data68};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data66.addCapabilities !== undefined){
let data69 = data66.addCapabilities;
if(Array.isArray(data69)){
const len5 = data69.length;
for(let i5=0; i5<len5; i5++){
let data70 = data69[i5];
if(typeof data70 !== "string"){
const err101 = {instancePath:instancePath+"/security/addCapabilities/" + i5,schemaPath:"#/$defs/security/properties/addCapabilities/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.properties.addCapabilities.items.type,parentSchema:schema71.properties.addCapabilities.items,data:data70};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
else {
const err102 = {instancePath:instancePath+"/security/addCapabilities",schemaPath:"#/$defs/security/properties/addCapabilities/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema71.properties.addCapabilities.type,parentSchema:schema71.properties.addCapabilities,data:data69};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data66.automountServiceAccountToken !== undefined){
let data71 = data66.automountServiceAccountToken;
if(typeof data71 !== "boolean"){
const err103 = {instancePath:instancePath+"/security/automountServiceAccountToken",schemaPath:"#/$defs/security/properties/automountServiceAccountToken/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema71.properties.automountServiceAccountToken.type,parentSchema:schema71.properties.automountServiceAccountToken,data:data71};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/security",schemaPath:"#/$defs/security/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema71.type,parentSchema:schema71,data:data66};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data.external !== undefined){
let data72 = data.external;
if(data72 && typeof data72 == "object" && !Array.isArray(data72)){
if(data72.host === undefined){
const err105 = {instancePath:instancePath+"/external",schemaPath:"#/$defs/external/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema72.required,parentSchema:schema72,data:data72};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
for(const key13 in data72){
if(!(key13 === "host")){
const err106 = {instancePath:instancePath+"/external",schemaPath:"#/$defs/external/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema72,data:data72};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data72.host !== undefined){
let data73 = data72.host;
if(typeof data73 !== "string"){
const err107 = {instancePath:instancePath+"/external/host",schemaPath:"#/$defs/external/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema72.properties.host.type,parentSchema:schema72.properties.host,data:data73};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath:instancePath+"/external",schemaPath:"#/$defs/external/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema72.type,parentSchema:schema72,data:data72};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data.patches !== undefined){
if(!(validate41(data.patches, {instancePath:instancePath+"/patches",parentData:data,parentDataProperty:"patches",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
}
if(data.environments !== undefined){
let data75 = data.environments;
if(data75 && typeof data75 == "object" && !Array.isArray(data75)){
for(const key14 in data75){
if(!(validate43(data75[key14], {instancePath:instancePath+"/environments/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data75,parentDataProperty:key14,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
}
}
else {
const err109 = {instancePath:instancePath+"/environments",schemaPath:"#/properties/environments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.environments.type,parentSchema:schema31.properties.environments,data:data75};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
}
else {
const err110 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.project = validate53;
const schema101 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://twinform.dev/schemas/project.schema.json","title":"ProjectSpec","description":"twinform.yaml: the project file at the root of a repo. It names the project, its environments, where service specs live and where generated files go.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Project name (DNS-1123 label). Used as the compose project name and the app.kubernetes.io/part-of label.","type":"string","examples":["govapp"]},"description":{"description":"Free text for people.","type":"string"},"namespace":{"description":"Kubernetes namespace of every generated object (DNS-1123 label). Omit to leave objects namespace-less.","type":"string","examples":["govapp"]},"serviceFiles":{"description":"Glob patterns (relative to this file) that find service spec files. Default ['services/*/service.yaml'].","type":"array","items":{"type":"string"},"default":["services/*/service.yaml"]},"services":{"description":"Service specs written inline here instead of in their own files.","type":"array","items":{"$ref":"service.schema.json"}},"environments":{"description":"Environments, keyed by name (DNS-1123 label). Each gets a kustomize overlay; the one marked local is what docker-compose.yml renders. Default: dev (local).","type":"object","additionalProperties":{"$ref":"#/$defs/environment"},"examples":[{"dev":{"local":true},"prod":{"namespace":"govapp-prod"}}]},"output":{"description":"Where generated files go, relative to this file.","type":"object","additionalProperties":false,"properties":{"compose":{"description":"Compose file path. Default docker-compose.yml.","type":"string","default":"docker-compose.yml"},"kubernetes":{"description":"Folder for Kubernetes manifests (base/ and overlays/ inside). Default k8s.","type":"string","default":"k8s"}}},"kubernetes":{"description":"Settings for the Kubernetes output.","type":"object","additionalProperties":false,"properties":{"waitImage":{"description":"Image of the init containers that wait for dependencies; it needs a shell and nc. Pin it.","type":"string","default":"busybox:1.37.0"},"ingressClassName":{"description":"ingressClassName of generated Ingress objects.","type":"string","examples":["nginx"]},"ingressControllerNamespace":{"description":"Namespace of the ingress controller, allowed through NetworkPolicies to ingress-exposed ports. Default ingress-nginx.","type":"string","default":"ingress-nginx"},"networkPolicies":{"description":"Generate NetworkPolicies (default deny ingress + allow rules). Default true. Compose mirrors them with one network per service, joined by its callers; when false, every compose service shares the default network.","type":"boolean","default":true}}},"compose":{"description":"Settings for the compose output.","type":"object","additionalProperties":false,"properties":{"proxy":{"description":"Local reverse proxy that routes the same hosts and paths as the Kubernetes Ingress. Generated when any port is exposed by ingress, unless enabled is false.","type":"object","additionalProperties":false,"properties":{"enabled":{"description":"Generate the proxy service.","type":"boolean","default":true},"image":{"description":"Proxy image (nginx-compatible, running as non-root and listening on 8080 inside). Pin it.","type":"string","default":"nginxinc/nginx-unprivileged:1.27.3-alpine"},"port":{"description":"Host port the proxy listens on.","type":"integer","minimum":1,"maximum":65535,"default":8080}}}}},"secretStore":{"description":"When set, each secret a service uses also gets an external-secrets.io/v1 ExternalSecret reading it from this store.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"SecretStore or ClusterSecretStore name.","type":"string"},"kind":{"description":"Store kind.","type":"string","enum":["SecretStore","ClusterSecretStore"],"default":"ClusterSecretStore"},"refreshInterval":{"description":"How often to refresh.","type":"string","default":"1h"}}},"templates":{"description":"Folder of project service templates (relative to this file); they override built-in templates of the same name.","type":"string","examples":["templates/services"]}},"$defs":{"environment":{"description":"One environment.","type":"object","additionalProperties":false,"properties":{"description":{"description":"Free text for people.","type":"string"},"local":{"description":"docker-compose.yml renders this environment. Exactly one environment is local (default: dev, or the first).","type":"boolean"},"namespace":{"description":"Namespace for this environment's overlay (overrides the project namespace).","type":"string"}}}}};
const schema102 = {"description":"One environment.","type":"object","additionalProperties":false,"properties":{"description":{"description":"Free text for people.","type":"string"},"local":{"description":"docker-compose.yml renders this environment. Exactly one environment is local (default: dev, or the first).","type":"boolean"},"namespace":{"description":"Namespace for this environment's overlay (overrides the project namespace).","type":"string"}}};

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://twinform.dev/schemas/project.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema101.required,parentSchema:schema101,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema101.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema101,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.name.type,parentSchema:schema101.properties.name,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.description.type,parentSchema:schema101.properties.description,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.namespace !== undefined){
let data2 = data.namespace;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/namespace",schemaPath:"#/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.namespace.type,parentSchema:schema101.properties.namespace,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.serviceFiles !== undefined){
let data3 = data.serviceFiles;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 !== "string"){
const err5 = {instancePath:instancePath+"/serviceFiles/" + i0,schemaPath:"#/properties/serviceFiles/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.serviceFiles.items.type,parentSchema:schema101.properties.serviceFiles.items,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/serviceFiles",schemaPath:"#/properties/serviceFiles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema101.properties.serviceFiles.type,parentSchema:schema101.properties.serviceFiles,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.services !== undefined){
let data5 = data.services;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
if(!(validate20(data5[i1], {instancePath:instancePath+"/services/" + i1,parentData:data5,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema101.properties.services.type,parentSchema:schema101.properties.services,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.environments !== undefined){
let data7 = data.environments;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key1 in data7){
let data8 = data7[key1];
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key2 in data8){
if(!(((key2 === "description") || (key2 === "local")) || (key2 === "namespace"))){
const err8 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/environment/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema102,data:data8};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data8.description !== undefined){
let data9 = data8.description;
if(typeof data9 !== "string"){
const err9 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/$defs/environment/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema102.properties.description.type,parentSchema:schema102.properties.description,data:data9};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data8.local !== undefined){
let data10 = data8.local;
if(typeof data10 !== "boolean"){
const err10 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/local",schemaPath:"#/$defs/environment/properties/local/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema102.properties.local.type,parentSchema:schema102.properties.local,data:data10};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data8.namespace !== undefined){
let data11 = data8.namespace;
if(typeof data11 !== "string"){
const err11 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/namespace",schemaPath:"#/$defs/environment/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema102.properties.namespace.type,parentSchema:schema102.properties.namespace,data:data11};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/environments/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/environment/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema102.type,parentSchema:schema102,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/environments",schemaPath:"#/properties/environments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema101.properties.environments.type,parentSchema:schema101.properties.environments,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.output !== undefined){
let data12 = data.output;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key3 in data12){
if(!((key3 === "compose") || (key3 === "kubernetes"))){
const err14 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema101.properties.output,data:data12};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data12.compose !== undefined){
let data13 = data12.compose;
if(typeof data13 !== "string"){
const err15 = {instancePath:instancePath+"/output/compose",schemaPath:"#/properties/output/properties/compose/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.output.properties.compose.type,parentSchema:schema101.properties.output.properties.compose,data:data13};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data12.kubernetes !== undefined){
let data14 = data12.kubernetes;
if(typeof data14 !== "string"){
const err16 = {instancePath:instancePath+"/output/kubernetes",schemaPath:"#/properties/output/properties/kubernetes/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.output.properties.kubernetes.type,parentSchema:schema101.properties.output.properties.kubernetes,data:data14};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema101.properties.output.type,parentSchema:schema101.properties.output,data:data12};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.kubernetes !== undefined){
let data15 = data.kubernetes;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key4 in data15){
if(!((((key4 === "waitImage") || (key4 === "ingressClassName")) || (key4 === "ingressControllerNamespace")) || (key4 === "networkPolicies"))){
const err18 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/properties/kubernetes/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema101.properties.kubernetes,data:data15};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data15.waitImage !== undefined){
let data16 = data15.waitImage;
if(typeof data16 !== "string"){
const err19 = {instancePath:instancePath+"/kubernetes/waitImage",schemaPath:"#/properties/kubernetes/properties/waitImage/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.kubernetes.properties.waitImage.type,parentSchema:schema101.properties.kubernetes.properties.waitImage,data:data16};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data15.ingressClassName !== undefined){
let data17 = data15.ingressClassName;
if(typeof data17 !== "string"){
const err20 = {instancePath:instancePath+"/kubernetes/ingressClassName",schemaPath:"#/properties/kubernetes/properties/ingressClassName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.kubernetes.properties.ingressClassName.type,parentSchema:schema101.properties.kubernetes.properties.ingressClassName,data:data17};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data15.ingressControllerNamespace !== undefined){
let data18 = data15.ingressControllerNamespace;
if(typeof data18 !== "string"){
const err21 = {instancePath:instancePath+"/kubernetes/ingressControllerNamespace",schemaPath:"#/properties/kubernetes/properties/ingressControllerNamespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.kubernetes.properties.ingressControllerNamespace.type,parentSchema:schema101.properties.kubernetes.properties.ingressControllerNamespace,data:data18};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data15.networkPolicies !== undefined){
let data19 = data15.networkPolicies;
if(typeof data19 !== "boolean"){
const err22 = {instancePath:instancePath+"/kubernetes/networkPolicies",schemaPath:"#/properties/kubernetes/properties/networkPolicies/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema101.properties.kubernetes.properties.networkPolicies.type,parentSchema:schema101.properties.kubernetes.properties.networkPolicies,data:data19};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/properties/kubernetes/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema101.properties.kubernetes.type,parentSchema:schema101.properties.kubernetes,data:data15};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.compose !== undefined){
let data20 = data.compose;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key5 in data20){
if(!(key5 === "proxy")){
const err24 = {instancePath:instancePath+"/compose",schemaPath:"#/properties/compose/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema101.properties.compose,data:data20};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data20.proxy !== undefined){
let data21 = data20.proxy;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key6 in data21){
if(!(((key6 === "enabled") || (key6 === "image")) || (key6 === "port"))){
const err25 = {instancePath:instancePath+"/compose/proxy",schemaPath:"#/properties/compose/properties/proxy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema101.properties.compose.properties.proxy,data:data21};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data21.enabled !== undefined){
let data22 = data21.enabled;
if(typeof data22 !== "boolean"){
const err26 = {instancePath:instancePath+"/compose/proxy/enabled",schemaPath:"#/properties/compose/properties/proxy/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema101.properties.compose.properties.proxy.properties.enabled.type,parentSchema:schema101.properties.compose.properties.proxy.properties.enabled,data:data22};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data21.image !== undefined){
let data23 = data21.image;
if(typeof data23 !== "string"){
const err27 = {instancePath:instancePath+"/compose/proxy/image",schemaPath:"#/properties/compose/properties/proxy/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.compose.properties.proxy.properties.image.type,parentSchema:schema101.properties.compose.properties.proxy.properties.image,data:data23};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data21.port !== undefined){
let data24 = data21.port;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err28 = {instancePath:instancePath+"/compose/proxy/port",schemaPath:"#/properties/compose/properties/proxy/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema101.properties.compose.properties.proxy.properties.port.type,parentSchema:schema101.properties.compose.properties.proxy.properties.port,data:data24};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 > 65535 || isNaN(data24)){
const err29 = {instancePath:instancePath+"/compose/proxy/port",schemaPath:"#/properties/compose/properties/proxy/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema101.properties.compose.properties.proxy.properties.port,data:data24};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data24 < 1 || isNaN(data24)){
const err30 = {instancePath:instancePath+"/compose/proxy/port",schemaPath:"#/properties/compose/properties/proxy/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema101.properties.compose.properties.proxy.properties.port,data:data24};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
}
else {
const err31 = {instancePath:instancePath+"/compose/proxy",schemaPath:"#/properties/compose/properties/proxy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema101.properties.compose.properties.proxy.type,parentSchema:schema101.properties.compose.properties.proxy,data:data21};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/compose",schemaPath:"#/properties/compose/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema101.properties.compose.type,parentSchema:schema101.properties.compose,data:data20};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.secretStore !== undefined){
let data25 = data.secretStore;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.name === undefined){
const err33 = {instancePath:instancePath+"/secretStore",schemaPath:"#/properties/secretStore/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema101.properties.secretStore.required,parentSchema:schema101.properties.secretStore,data:data25};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
for(const key7 in data25){
if(!(((key7 === "name") || (key7 === "kind")) || (key7 === "refreshInterval"))){
const err34 = {instancePath:instancePath+"/secretStore",schemaPath:"#/properties/secretStore/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema101.properties.secretStore,data:data25};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data25.name !== undefined){
let data26 = data25.name;
if(typeof data26 !== "string"){
const err35 = {instancePath:instancePath+"/secretStore/name",schemaPath:"#/properties/secretStore/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.secretStore.properties.name.type,parentSchema:schema101.properties.secretStore.properties.name,data:data26};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data25.kind !== undefined){
let data27 = data25.kind;
if(typeof data27 !== "string"){
const err36 = {instancePath:instancePath+"/secretStore/kind",schemaPath:"#/properties/secretStore/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.secretStore.properties.kind.type,parentSchema:schema101.properties.secretStore.properties.kind,data:data27};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(!((data27 === "SecretStore") || (data27 === "ClusterSecretStore"))){
const err37 = {instancePath:instancePath+"/secretStore/kind",schemaPath:"#/properties/secretStore/properties/kind/enum",keyword:"enum",params:{allowedValues: schema101.properties.secretStore.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema101.properties.secretStore.properties.kind.enum,parentSchema:schema101.properties.secretStore.properties.kind,data:data27};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data25.refreshInterval !== undefined){
let data28 = data25.refreshInterval;
if(typeof data28 !== "string"){
const err38 = {instancePath:instancePath+"/secretStore/refreshInterval",schemaPath:"#/properties/secretStore/properties/refreshInterval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.secretStore.properties.refreshInterval.type,parentSchema:schema101.properties.secretStore.properties.refreshInterval,data:data28};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/secretStore",schemaPath:"#/properties/secretStore/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema101.properties.secretStore.type,parentSchema:schema101.properties.secretStore,data:data25};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.templates !== undefined){
let data29 = data.templates;
if(typeof data29 !== "string"){
const err40 = {instancePath:instancePath+"/templates",schemaPath:"#/properties/templates/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema101.properties.templates.type,parentSchema:schema101.properties.templates,data:data29};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema101.type,parentSchema:schema101,data};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.schemas = JSON.parse("{\"service\":{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"https://twinform.dev/schemas/service.schema.json\",\"title\":\"ServiceSpec\",\"description\":\"One microservice, described once. twinform generates its docker-compose service and its Kubernetes objects from this file.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\"],\"properties\":{\"name\":{\"description\":\"Service name: a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 52 characters). It names the compose service, the Kubernetes workload and Service, and is the host name other services use.\",\"type\":\"string\",\"examples\":[\"backend\"]},\"description\":{\"$ref\":\"#/$defs/description\"},\"workload\":{\"$ref\":\"#/$defs/workload\"},\"image\":{\"$ref\":\"#/$defs/image\"},\"build\":{\"$ref\":\"#/$defs/build\"},\"command\":{\"$ref\":\"#/$defs/command\"},\"args\":{\"$ref\":\"#/$defs/args\"},\"workingDir\":{\"$ref\":\"#/$defs/workingDir\"},\"user\":{\"$ref\":\"#/$defs/user\"},\"ports\":{\"$ref\":\"#/$defs/ports\"},\"env\":{\"$ref\":\"#/$defs/env\"},\"envFiles\":{\"$ref\":\"#/$defs/envFiles\"},\"configs\":{\"$ref\":\"#/$defs/configs\"},\"secrets\":{\"$ref\":\"#/$defs/secrets\"},\"volumes\":{\"$ref\":\"#/$defs/volumes\"},\"health\":{\"$ref\":\"#/$defs/health\"},\"resources\":{\"$ref\":\"#/$defs/resources\"},\"replicas\":{\"$ref\":\"#/$defs/replicas\"},\"autoscaling\":{\"$ref\":\"#/$defs/autoscaling\"},\"disruption\":{\"$ref\":\"#/$defs/disruption\"},\"rollout\":{\"$ref\":\"#/$defs/rollout\"},\"terminationGracePeriodSeconds\":{\"$ref\":\"#/$defs/terminationGracePeriodSeconds\"},\"job\":{\"$ref\":\"#/$defs/job\"},\"schedule\":{\"$ref\":\"#/$defs/schedule\"},\"dependsOn\":{\"$ref\":\"#/$defs/dependsOn\"},\"allowFrom\":{\"$ref\":\"#/$defs/allowFrom\"},\"labels\":{\"$ref\":\"#/$defs/labels\"},\"annotations\":{\"$ref\":\"#/$defs/annotations\"},\"security\":{\"$ref\":\"#/$defs/security\"},\"external\":{\"$ref\":\"#/$defs/external\"},\"patches\":{\"$ref\":\"#/$defs/patches\"},\"environments\":{\"description\":\"Per-environment overrides, keyed by an environment name declared in twinform.yaml. Objects merge key by key; lists of named items (ports, configs, secrets, volumes) merge by name; other lists replace; null removes a value.\",\"type\":\"object\",\"additionalProperties\":{\"$ref\":\"#/$defs/environmentOverride\"},\"examples\":[{\"prod\":{\"replicas\":3,\"env\":{\"LOG_LEVEL\":\"warn\"}}}]}},\"$defs\":{\"description\":{\"description\":\"Free text for people; not rendered into the outputs.\",\"type\":\"string\"},\"workload\":{\"description\":\"What kind of workload this is. service: long-running (Deployment); stateful: stable identity and per-replica storage (StatefulSet + headless Service); job: runs to completion (Job); cronjob: runs on a schedule (CronJob); daemon: one per node (DaemonSet; one instance in compose).\",\"type\":\"string\",\"enum\":[\"service\",\"stateful\",\"job\",\"cronjob\",\"daemon\"],\"default\":\"service\"},\"image\":{\"description\":\"Container image reference. Required unless build is given; with build, it names the image that compose builds and Kubernetes pulls.\",\"type\":\"string\",\"minLength\":1,\"examples\":[\"ghcr.io/govapp/backend:1.4.2\",\"postgres:16.4-alpine\"]},\"build\":{\"description\":\"Build the image locally (compose only; Kubernetes pulls image). context and dockerfile are relative to the service file's folder.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"context\":{\"description\":\"Build context folder, relative to the service file. Default '.'.\",\"type\":\"string\",\"default\":\".\"},\"dockerfile\":{\"description\":\"Dockerfile path relative to the context. Default 'Dockerfile'.\",\"type\":\"string\"},\"target\":{\"description\":\"Multi-stage build target.\",\"type\":\"string\"},\"args\":{\"description\":\"Build arguments.\",\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}}},\"command\":{\"description\":\"Replaces the image's entrypoint (compose entrypoint, Kubernetes command).\",\"type\":\"array\",\"items\":{\"type\":\"string\"},\"examples\":[[\"node\",\"dist/server.js\"]]},\"args\":{\"description\":\"Replaces the image's default arguments (compose command, Kubernetes args).\",\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"workingDir\":{\"description\":\"Working directory inside the container.\",\"type\":\"string\"},\"user\":{\"description\":\"Numeric user and group the process runs as (compose user 'uid:gid'; Kubernetes runAsUser/runAsGroup, and fsGroup so volumes are writable).\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"uid\"],\"properties\":{\"uid\":{\"description\":\"User id; must not be 0 under the restricted profile.\",\"type\":\"integer\",\"minimum\":0},\"gid\":{\"description\":\"Group id; defaults to uid.\",\"type\":\"integer\",\"minimum\":0}}},\"ports\":{\"description\":\"Ports the container listens on. Each has a name that probes, ingress routes and references use, so a renumbered port cannot break them.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/port\"}},\"port\":{\"description\":\"One named container port.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\",\"port\"],\"properties\":{\"name\":{\"description\":\"Port name: an IANA service name (lowercase letters, digits and '-', at most 15 characters, at least one letter).\",\"type\":\"string\",\"examples\":[\"http\"]},\"port\":{\"description\":\"Port number the container listens on. The Kubernetes Service exposes the same number.\",\"type\":\"integer\",\"minimum\":1,\"maximum\":65535},\"protocol\":{\"description\":\"Transport protocol.\",\"type\":\"string\",\"enum\":[\"TCP\",\"UDP\"],\"default\":\"TCP\"},\"expose\":{\"description\":\"Who can reach the port. internal: other services only (compose expose, Kubernetes ClusterIP Service); published: also the developer's machine (compose ports host:container); ingress: routed by HTTP host/path (Kubernetes Ingress, and the local reverse proxy in compose).\",\"type\":\"string\",\"enum\":[\"internal\",\"published\",\"ingress\"],\"default\":\"internal\"},\"hostPort\":{\"description\":\"Host port in compose for published and ingress ports. Default: the same number as port.\",\"type\":\"integer\",\"minimum\":1,\"maximum\":65535},\"ingress\":{\"description\":\"HTTP routes to this port (required when expose is ingress).\",\"type\":\"array\",\"minItems\":1,\"items\":{\"$ref\":\"#/$defs/ingressRoute\"}}}},\"ingressRoute\":{\"description\":\"One HTTP route: host (optional) and path.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"host\":{\"description\":\"Host name (DNS subdomain). Omit to match any host.\",\"type\":\"string\",\"examples\":[\"govapp.example.gov\"]},\"path\":{\"description\":\"Path prefix or exact path, starting with '/'.\",\"type\":\"string\",\"default\":\"/\",\"examples\":[\"/api\"]},\"pathType\":{\"description\":\"How path matches (Kubernetes Ingress pathType).\",\"type\":\"string\",\"enum\":[\"Prefix\",\"Exact\",\"ImplementationSpecific\"],\"default\":\"Prefix\"},\"tlsSecret\":{\"description\":\"Name of the Kubernetes TLS Secret for host (created out of band); requires host.\",\"type\":\"string\"}}},\"env\":{\"description\":\"Environment variables. A string may reference another service's address as ${service.port} (host:port), ${service.port.host} or ${service.port.port}; write $$ for a literal $. An object reads the value from a secret or a config entry.\",\"type\":\"object\",\"additionalProperties\":{\"$ref\":\"#/$defs/envValue\"},\"examples\":[{\"API_URL\":\"http://${backend.http}\",\"LOG_LEVEL\":\"info\",\"DB_PASSWORD\":{\"secret\":\"db-password\"}}]},\"envValue\":{\"description\":\"A literal (numbers and booleans are written as strings), a reference to a secret key, or a reference to a config entry.\",\"anyOf\":[{\"type\":\"string\"},{\"type\":\"number\"},{\"type\":\"boolean\"},{\"type\":\"object\",\"description\":\"Read the value from a secret (never written into generated files).\",\"additionalProperties\":false,\"required\":[\"secret\"],\"properties\":{\"secret\":{\"description\":\"Secret name (declared in this service's secrets list or used only for env).\",\"type\":\"string\"},\"key\":{\"description\":\"Key inside the secret. Default: the secret name.\",\"type\":\"string\"}}},{\"type\":\"object\",\"description\":\"Read the value from an env file of this service.\",\"additionalProperties\":false,\"required\":[\"config\",\"key\"],\"properties\":{\"config\":{\"description\":\"Name of a ConfigMap created from one of this service's envFiles (the file name without extension).\",\"type\":\"string\"},\"key\":{\"description\":\"Key in that env file.\",\"type\":\"string\"}}}]},\"envFiles\":{\"description\":\"Env files (KEY=value lines) relative to the service file: compose env_file, and one ConfigMap per file consumed with envFrom.\",\"type\":\"array\",\"items\":{\"type\":\"string\"},\"examples\":[[\"config/app.env\"]]},\"configs\":{\"description\":\"Config files mounted into the container: compose configs, and a ConfigMap mounted at the same path with the same mode.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/config\"}},\"config\":{\"description\":\"One config file, from a file next to the service file or inline content.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\",\"mountPath\"],\"properties\":{\"name\":{\"description\":\"Config name (DNS-1123 label); names the ConfigMap '<service>-<name>'.\",\"type\":\"string\"},\"mountPath\":{\"description\":\"Absolute path of the file inside the container.\",\"type\":\"string\",\"examples\":[\"/etc/nginx/conf.d/default.conf\"]},\"file\":{\"description\":\"Source file, relative to the service file.\",\"type\":\"string\"},\"content\":{\"description\":\"Inline file content (instead of file).\",\"type\":\"string\"},\"mode\":{\"description\":\"File mode as an octal string.\",\"type\":\"string\",\"pattern\":\"^0?[0-7]{3}$\",\"examples\":[\"0444\"]}}},\"secrets\":{\"description\":\"Secret files mounted into the container. Values never enter the spec or generated files: compose reads ./secrets/<name> (git-ignored), Kubernetes mounts a Secret created out of band.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/secretMount\"}},\"secretMount\":{\"description\":\"One secret mounted as a file.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\"],\"properties\":{\"name\":{\"description\":\"Secret name (DNS-1123 subdomain).\",\"type\":\"string\"},\"key\":{\"description\":\"Key inside the Kubernetes Secret holding the file content. Default: the secret name.\",\"type\":\"string\"},\"mountPath\":{\"description\":\"Path of the file inside the container. Default /run/secrets/<name> (the same in both targets).\",\"type\":\"string\"}}},\"volumes\":{\"description\":\"Volumes mounted into the container.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/volume\"}},\"volume\":{\"description\":\"One volume. persistent: survives restarts (compose named volume; PVC, or a claim template for stateful); ephemeral: scratch space (compose anonymous volume; emptyDir); tmpfs: in memory (compose tmpfs; emptyDir medium Memory); bind: a host folder (compose only, for local development).\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\",\"mountPath\"],\"properties\":{\"name\":{\"description\":\"Volume name (DNS-1123 label).\",\"type\":\"string\"},\"mountPath\":{\"description\":\"Absolute mount path in the container.\",\"type\":\"string\"},\"type\":{\"description\":\"Volume type.\",\"type\":\"string\",\"enum\":[\"persistent\",\"ephemeral\",\"tmpfs\",\"bind\"],\"default\":\"persistent\"},\"size\":{\"description\":\"Size as a Kubernetes quantity (required for persistent; optional limit for ephemeral and tmpfs).\",\"type\":\"string\",\"examples\":[\"10Gi\"]},\"accessMode\":{\"description\":\"PVC access mode.\",\"type\":\"string\",\"enum\":[\"ReadWriteOnce\",\"ReadOnlyMany\",\"ReadWriteMany\",\"ReadWriteOncePod\"],\"default\":\"ReadWriteOnce\"},\"storageClass\":{\"description\":\"Storage class name; omit for the cluster default.\",\"type\":\"string\"},\"readOnly\":{\"description\":\"Mount read-only.\",\"type\":\"boolean\",\"default\":false},\"subPath\":{\"description\":\"Mount only this sub-path of the volume.\",\"type\":\"string\"},\"source\":{\"description\":\"Host path for bind volumes, relative to the service file.\",\"type\":\"string\"}}},\"health\":{\"description\":\"Health checks: Kubernetes probes, and one compose healthcheck (from readiness, else liveness, else startup).\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"liveness\":{\"$ref\":\"#/$defs/probe\"},\"readiness\":{\"$ref\":\"#/$defs/probe\"},\"startup\":{\"$ref\":\"#/$defs/probe\"},\"compose\":{\"description\":\"Overrides the compose healthcheck test, e.g. for images without a shell: [\\\"CMD\\\", \\\"/app/healthcheck\\\"]; [\\\"NONE\\\"] disables it.\",\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\"}}}},\"probe\":{\"description\":\"One probe: exactly one of http, tcp, exec, grpc, plus timing.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"http\":{\"description\":\"HTTP GET; healthy on a 2xx or 3xx status.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"port\"],\"properties\":{\"path\":{\"description\":\"Request path.\",\"type\":\"string\",\"default\":\"/\"},\"port\":{\"$ref\":\"#/$defs/portRef\"},\"scheme\":{\"description\":\"HTTP or HTTPS.\",\"type\":\"string\",\"enum\":[\"HTTP\",\"HTTPS\"],\"default\":\"HTTP\"}}},\"tcp\":{\"description\":\"TCP connect.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"port\"],\"properties\":{\"port\":{\"$ref\":\"#/$defs/portRef\"}}},\"exec\":{\"description\":\"Run a command in the container; healthy on exit 0.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"command\"],\"properties\":{\"command\":{\"description\":\"Command and arguments (no shell unless you call one).\",\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\"}}}},\"grpc\":{\"description\":\"gRPC health checking protocol.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"port\"],\"properties\":{\"port\":{\"$ref\":\"#/$defs/portRef\"},\"service\":{\"description\":\"Service name sent in the health request.\",\"type\":\"string\"}}},\"initialDelaySeconds\":{\"description\":\"Seconds before the first check.\",\"type\":\"integer\",\"minimum\":0},\"periodSeconds\":{\"description\":\"Seconds between checks (compose interval).\",\"type\":\"integer\",\"minimum\":1},\"timeoutSeconds\":{\"description\":\"Seconds before a check times out.\",\"type\":\"integer\",\"minimum\":1},\"failureThreshold\":{\"description\":\"Consecutive failures before unhealthy (compose retries).\",\"type\":\"integer\",\"minimum\":1},\"successThreshold\":{\"description\":\"Consecutive successes before healthy (readiness only).\",\"type\":\"integer\",\"minimum\":1}}},\"portRef\":{\"description\":\"A port of this service, by name (preferred) or number.\",\"type\":[\"string\",\"integer\"]},\"resources\":{\"description\":\"CPU and memory (Kubernetes quantities: cpu '250m' or '1', memory '256Mi').\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"requests\":{\"$ref\":\"#/$defs/resourceAmounts\"},\"limits\":{\"$ref\":\"#/$defs/resourceAmounts\"}}},\"resourceAmounts\":{\"description\":\"CPU and memory amounts.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"cpu\":{\"description\":\"CPU as a Kubernetes quantity.\",\"type\":[\"string\",\"number\"],\"examples\":[\"250m\"]},\"memory\":{\"description\":\"Memory as a Kubernetes quantity.\",\"type\":\"string\",\"examples\":[\"256Mi\"]}}},\"replicas\":{\"description\":\"Number of instances (Kubernetes replicas, compose deploy.replicas). Not allowed together with autoscaling.\",\"type\":\"integer\",\"minimum\":0},\"autoscaling\":{\"description\":\"Horizontal autoscaling (autoscaling/v2 HPA). The workload then has no replicas field; compose runs minReplicas.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"maxReplicas\"],\"properties\":{\"minReplicas\":{\"description\":\"Lower bound.\",\"type\":\"integer\",\"minimum\":1,\"default\":1},\"maxReplicas\":{\"description\":\"Upper bound.\",\"type\":\"integer\",\"minimum\":1},\"cpuUtilization\":{\"description\":\"Target average CPU utilization, percent of requests.\",\"type\":\"integer\",\"minimum\":1,\"maximum\":1000},\"memoryUtilization\":{\"description\":\"Target average memory utilization, percent of requests.\",\"type\":\"integer\",\"minimum\":1,\"maximum\":1000}}},\"disruption\":{\"description\":\"PodDisruptionBudget. Generated automatically (maxUnavailable 1) when replicas or minReplicas > 1; set one field to choose, or enabled: false to omit.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"enabled\":{\"description\":\"Generate the PodDisruptionBudget.\",\"type\":\"boolean\"},\"minAvailable\":{\"description\":\"Pods that must stay available (number or percent).\",\"type\":[\"integer\",\"string\"]},\"maxUnavailable\":{\"description\":\"Pods that may be unavailable (number or percent).\",\"type\":[\"integer\",\"string\"]}}},\"rollout\":{\"description\":\"Rolling update settings (Deployment strategy).\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"strategy\":{\"description\":\"RollingUpdate or Recreate.\",\"type\":\"string\",\"enum\":[\"RollingUpdate\",\"Recreate\"],\"default\":\"RollingUpdate\"},\"maxSurge\":{\"description\":\"Extra pods during a rollout (number or percent).\",\"type\":[\"integer\",\"string\"]},\"maxUnavailable\":{\"description\":\"Pods that may be down during a rollout (number or percent).\",\"type\":[\"integer\",\"string\"]}}},\"terminationGracePeriodSeconds\":{\"description\":\"Seconds between SIGTERM and SIGKILL (Kubernetes terminationGracePeriodSeconds, compose stop_grace_period).\",\"type\":\"integer\",\"minimum\":0},\"job\":{\"description\":\"Settings for workload job (and for each run of a cronjob).\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"backoffLimit\":{\"description\":\"Retries before the job fails.\",\"type\":\"integer\",\"minimum\":0},\"completions\":{\"description\":\"Successful pods needed.\",\"type\":\"integer\",\"minimum\":1},\"parallelism\":{\"description\":\"Pods running at once.\",\"type\":\"integer\",\"minimum\":1},\"activeDeadlineSeconds\":{\"description\":\"Time limit for the whole job.\",\"type\":\"integer\",\"minimum\":1},\"ttlSecondsAfterFinished\":{\"description\":\"Delete the finished job after this many seconds.\",\"type\":\"integer\",\"minimum\":0}}},\"schedule\":{\"description\":\"Schedule of a cronjob (required for workload cronjob).\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"cron\"],\"properties\":{\"cron\":{\"description\":\"Cron expression.\",\"type\":\"string\",\"examples\":[\"0 3 * * *\"]},\"timeZone\":{\"description\":\"IANA time zone name.\",\"type\":\"string\",\"examples\":[\"Europe/Berlin\"]},\"concurrencyPolicy\":{\"description\":\"What to do when a run is still going.\",\"type\":\"string\",\"enum\":[\"Allow\",\"Forbid\",\"Replace\"],\"default\":\"Forbid\"},\"successfulJobsHistoryLimit\":{\"description\":\"Finished successful jobs to keep.\",\"type\":\"integer\",\"minimum\":0},\"failedJobsHistoryLimit\":{\"description\":\"Failed jobs to keep.\",\"type\":\"integer\",\"minimum\":0},\"suspend\":{\"description\":\"Pause the schedule.\",\"type\":\"boolean\"}}},\"dependsOn\":{\"description\":\"Services this one needs. compose depends_on with condition; Kubernetes init containers that wait for each dependency's Service port (and may call it, for NetworkPolicy).\",\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"string\",\"description\":\"Service name; condition started.\"},{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"service\"],\"properties\":{\"service\":{\"description\":\"Name of the service depended on.\",\"type\":\"string\"},\"condition\":{\"description\":\"started: the container runs; healthy: its health check passes (Kubernetes: its Service port accepts connections); completed: a job finished successfully.\",\"type\":\"string\",\"enum\":[\"started\",\"healthy\",\"completed\"],\"default\":\"started\"},\"port\":{\"description\":\"Which port of the dependency to wait for (name). Default: its first port.\",\"type\":\"string\"}}}]}},\"allowFrom\":{\"description\":\"Services allowed to call this one besides those that depend on it (NetworkPolicy ingress rules; compose shared networks).\",\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"labels\":{\"description\":\"Extra labels on every object of this service (and compose labels).\",\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},\"annotations\":{\"description\":\"Extra annotations on the pod template (Kubernetes only).\",\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},\"security\":{\"description\":\"Security context. By default pods meet the Kubernetes restricted Pod Security Standard and compose drops all capabilities with no-new-privileges. Set profile to opt out explicitly.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"profile\":{\"description\":\"restricted (default): non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp. baseline: no runAsNonRoot requirement and default capabilities kept (for images that must start as root). privileged: no restrictions (documented opt-out).\",\"type\":\"string\",\"enum\":[\"restricted\",\"baseline\",\"privileged\"],\"default\":\"restricted\"},\"readOnlyRootFilesystem\":{\"description\":\"Mount the container's root filesystem read-only.\",\"type\":\"boolean\",\"default\":false},\"addCapabilities\":{\"description\":\"Capabilities to add back (restricted allows only NET_BIND_SERVICE).\",\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"automountServiceAccountToken\":{\"description\":\"Mount the service account token (default false).\",\"type\":\"boolean\",\"default\":false}}},\"external\":{\"description\":\"The service is provided outside the cluster in this environment (e.g. a managed database): Kubernetes gets an ExternalName Service pointing at host instead of a workload; compose still runs the container if it is local. Usually set under environments.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"host\"],\"properties\":{\"host\":{\"description\":\"DNS name of the external endpoint.\",\"type\":\"string\",\"examples\":[\"govapp.abc123.eu-west-1.rds.amazonaws.com\"]}}},\"patches\":{\"description\":\"Escape hatch: RFC 6902 JSON patches applied last to the generated objects of this service.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"compose\":{\"description\":\"Patch operations on this service's compose service object.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/patchOperation\"}},\"kubernetes\":{\"description\":\"Patches on this service's Kubernetes objects, each aimed at one object by kind (and name, default the service name).\",\"type\":\"array\",\"items\":{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"kind\",\"ops\"],\"properties\":{\"kind\":{\"description\":\"Kind of the target object, e.g. Deployment.\",\"type\":\"string\"},\"name\":{\"description\":\"Name of the target object. Default: the service name.\",\"type\":\"string\"},\"ops\":{\"description\":\"RFC 6902 operations.\",\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/patchOperation\"}}}}}}},\"patchOperation\":{\"description\":\"One RFC 6902 operation.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"op\",\"path\"],\"properties\":{\"op\":{\"description\":\"Operation.\",\"type\":\"string\",\"enum\":[\"add\",\"remove\",\"replace\",\"move\",\"copy\",\"test\"]},\"path\":{\"description\":\"JSON pointer to the target.\",\"type\":\"string\"},\"from\":{\"description\":\"Source pointer (move, copy).\",\"type\":\"string\"},\"value\":{\"description\":\"Value (add, replace, test).\"}}},\"environmentOverride\":{\"description\":\"Fields that replace or merge into the service spec in one environment. null removes a value.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"description\":{\"$ref\":\"#/$defs/description\"},\"image\":{\"$ref\":\"#/$defs/image\"},\"build\":{\"$ref\":\"#/$defs/build\"},\"command\":{\"$ref\":\"#/$defs/command\"},\"args\":{\"$ref\":\"#/$defs/args\"},\"workingDir\":{\"$ref\":\"#/$defs/workingDir\"},\"user\":{\"$ref\":\"#/$defs/user\"},\"ports\":{\"description\":\"Port overrides merged by name (e.g. another ingress host).\",\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/portOverride\"}},\"env\":{\"description\":\"Env values merged into the service's env; null removes a variable.\",\"type\":\"object\",\"additionalProperties\":{\"anyOf\":[{\"$ref\":\"#/$defs/envValue\"},{\"type\":\"null\"}]}},\"envFiles\":{\"$ref\":\"#/$defs/envFiles\"},\"configs\":{\"$ref\":\"#/$defs/configs\"},\"secrets\":{\"$ref\":\"#/$defs/secrets\"},\"volumes\":{\"$ref\":\"#/$defs/volumes\"},\"health\":{\"$ref\":\"#/$defs/health\"},\"resources\":{\"$ref\":\"#/$defs/resources\"},\"replicas\":{\"$ref\":\"#/$defs/replicas\"},\"autoscaling\":{\"anyOf\":[{\"$ref\":\"#/$defs/autoscaling\"},{\"type\":\"null\"}]},\"disruption\":{\"$ref\":\"#/$defs/disruption\"},\"rollout\":{\"$ref\":\"#/$defs/rollout\"},\"terminationGracePeriodSeconds\":{\"$ref\":\"#/$defs/terminationGracePeriodSeconds\"},\"job\":{\"$ref\":\"#/$defs/job\"},\"schedule\":{\"$ref\":\"#/$defs/schedule\"},\"dependsOn\":{\"$ref\":\"#/$defs/dependsOn\"},\"allowFrom\":{\"$ref\":\"#/$defs/allowFrom\"},\"labels\":{\"$ref\":\"#/$defs/labels\"},\"annotations\":{\"$ref\":\"#/$defs/annotations\"},\"security\":{\"$ref\":\"#/$defs/security\"},\"external\":{\"anyOf\":[{\"$ref\":\"#/$defs/external\"},{\"type\":\"null\"}]},\"patches\":{\"$ref\":\"#/$defs/patches\"}}},\"portOverride\":{\"description\":\"Override of one port, matched by name.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\"],\"properties\":{\"name\":{\"description\":\"Name of the port to override.\",\"type\":\"string\"},\"port\":{\"description\":\"New port number.\",\"type\":\"integer\",\"minimum\":1,\"maximum\":65535},\"protocol\":{\"description\":\"Transport protocol.\",\"type\":\"string\",\"enum\":[\"TCP\",\"UDP\"]},\"expose\":{\"description\":\"New exposure.\",\"type\":\"string\",\"enum\":[\"internal\",\"published\",\"ingress\"]},\"hostPort\":{\"description\":\"New compose host port.\",\"type\":\"integer\",\"minimum\":1,\"maximum\":65535},\"ingress\":{\"description\":\"Replaces the port's routes.\",\"type\":\"array\",\"minItems\":1,\"items\":{\"$ref\":\"#/$defs/ingressRoute\"}}}}}},\"project\":{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"https://twinform.dev/schemas/project.schema.json\",\"title\":\"ProjectSpec\",\"description\":\"twinform.yaml: the project file at the root of a repo. It names the project, its environments, where service specs live and where generated files go.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\"],\"properties\":{\"name\":{\"description\":\"Project name (DNS-1123 label). Used as the compose project name and the app.kubernetes.io/part-of label.\",\"type\":\"string\",\"examples\":[\"govapp\"]},\"description\":{\"description\":\"Free text for people.\",\"type\":\"string\"},\"namespace\":{\"description\":\"Kubernetes namespace of every generated object (DNS-1123 label). Omit to leave objects namespace-less.\",\"type\":\"string\",\"examples\":[\"govapp\"]},\"serviceFiles\":{\"description\":\"Glob patterns (relative to this file) that find service spec files. Default ['services/*/service.yaml'].\",\"type\":\"array\",\"items\":{\"type\":\"string\"},\"default\":[\"services/*/service.yaml\"]},\"services\":{\"description\":\"Service specs written inline here instead of in their own files.\",\"type\":\"array\",\"items\":{\"$ref\":\"service.schema.json\"}},\"environments\":{\"description\":\"Environments, keyed by name (DNS-1123 label). Each gets a kustomize overlay; the one marked local is what docker-compose.yml renders. Default: dev (local).\",\"type\":\"object\",\"additionalProperties\":{\"$ref\":\"#/$defs/environment\"},\"examples\":[{\"dev\":{\"local\":true},\"prod\":{\"namespace\":\"govapp-prod\"}}]},\"output\":{\"description\":\"Where generated files go, relative to this file.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"compose\":{\"description\":\"Compose file path. Default docker-compose.yml.\",\"type\":\"string\",\"default\":\"docker-compose.yml\"},\"kubernetes\":{\"description\":\"Folder for Kubernetes manifests (base/ and overlays/ inside). Default k8s.\",\"type\":\"string\",\"default\":\"k8s\"}}},\"kubernetes\":{\"description\":\"Settings for the Kubernetes output.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"waitImage\":{\"description\":\"Image of the init containers that wait for dependencies; it needs a shell and nc. Pin it.\",\"type\":\"string\",\"default\":\"busybox:1.37.0\"},\"ingressClassName\":{\"description\":\"ingressClassName of generated Ingress objects.\",\"type\":\"string\",\"examples\":[\"nginx\"]},\"ingressControllerNamespace\":{\"description\":\"Namespace of the ingress controller, allowed through NetworkPolicies to ingress-exposed ports. Default ingress-nginx.\",\"type\":\"string\",\"default\":\"ingress-nginx\"},\"networkPolicies\":{\"description\":\"Generate NetworkPolicies (default deny ingress + allow rules). Default true. Compose mirrors them with one network per service, joined by its callers; when false, every compose service shares the default network.\",\"type\":\"boolean\",\"default\":true}}},\"compose\":{\"description\":\"Settings for the compose output.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"proxy\":{\"description\":\"Local reverse proxy that routes the same hosts and paths as the Kubernetes Ingress. Generated when any port is exposed by ingress, unless enabled is false.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"enabled\":{\"description\":\"Generate the proxy service.\",\"type\":\"boolean\",\"default\":true},\"image\":{\"description\":\"Proxy image (nginx-compatible, running as non-root and listening on 8080 inside). Pin it.\",\"type\":\"string\",\"default\":\"nginxinc/nginx-unprivileged:1.27.3-alpine\"},\"port\":{\"description\":\"Host port the proxy listens on.\",\"type\":\"integer\",\"minimum\":1,\"maximum\":65535,\"default\":8080}}}}},\"secretStore\":{\"description\":\"When set, each secret a service uses also gets an external-secrets.io/v1 ExternalSecret reading it from this store.\",\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\"],\"properties\":{\"name\":{\"description\":\"SecretStore or ClusterSecretStore name.\",\"type\":\"string\"},\"kind\":{\"description\":\"Store kind.\",\"type\":\"string\",\"enum\":[\"SecretStore\",\"ClusterSecretStore\"],\"default\":\"ClusterSecretStore\"},\"refreshInterval\":{\"description\":\"How often to refresh.\",\"type\":\"string\",\"default\":\"1h\"}}},\"templates\":{\"description\":\"Folder of project service templates (relative to this file); they override built-in templates of the same name.\",\"type\":\"string\",\"examples\":[\"templates/services\"]}},\"$defs\":{\"environment\":{\"description\":\"One environment.\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"description\":{\"description\":\"Free text for people.\",\"type\":\"string\"},\"local\":{\"description\":\"docker-compose.yml renders this environment. Exactly one environment is local (default: dev, or the first).\",\"type\":\"boolean\"},\"namespace\":{\"description\":\"Namespace for this environment's overlay (overrides the project namespace).\",\"type\":\"string\"}}}}}}");
