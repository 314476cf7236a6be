import type {
  Config,
  Probe,
  ResourceAmounts,
  Resources,
  SecretMount,
  Security,
  Volume,
  Workload,
} from '@twinform/spec';
import {
  LABEL_COMPONENT,
  LABEL_MANAGED_BY,
  LABEL_NAME,
  LABEL_PART_OF,
  LABEL_VERSION,
  CONFIG_HASH_ANNOTATION,
} from '../names';
import type { ImportContext } from './context';
import {
  asArray,
  asNumber,
  asObject,
  asString,
  describeValue,
  isPlainObject,
  own,
  recordOrigin,
  uniqueName,
  type Draft,
  type DraftEnv,
  type FieldSource,
  type PlainObject,
  stringMap,
  valueAt,
} from './draft';
import { toDnsLabel } from './names';
import { consumeMetadata } from './network';
import { pointerOf, type SourceObject } from './parse';

/** Objects the pods refer to, by namespace and name. */
export interface ObjectIndex {
  find(
    kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim',
    namespace: string,
    name: string,
  ): SourceObject | undefined;
  /** Services (by name) whose pods use each claim, filled while importing. */
  claimUsers: Map<SourceObject, string[]>;
}

export const WORKLOAD_KINDS: Record<string, Workload> = {
  Deployment: 'service',
  ReplicaSet: 'service',
  ReplicationController: 'service',
  StatefulSet: 'stateful',
  DaemonSet: 'daemon',
  Job: 'job',
  CronJob: 'cronjob',
  Pod: 'service',
};

/** Labels twinform sets itself on every object; the spec never carries them. */
export const MANAGED_LABELS = [LABEL_NAME, LABEL_PART_OF, LABEL_MANAGED_BY, LABEL_COMPONENT, LABEL_VERSION];

const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const DEFAULT_FILE_MODE = 0o644;

export const octalMode = (mode: number): string => `0${mode.toString(8).padStart(3, '0')}`;

/** Maps the pod template of one workload object into a draft service spec. */
export class WorkloadImporter {
  private readonly podPointer: string;
  private readonly templatePointer: string;
  private readonly pod: PlainObject;
  private readonly source: SourceObject;
  private containerPointer = '';
  private container: PlainObject = {};

  constructor(
    private readonly context: ImportContext,
    private readonly index: ObjectIndex,
    private readonly draft: Draft,
  ) {
    this.source = draft.object;
    this.podPointer = draft.podPointer;
    this.templatePointer = draft.templatePointer;
    this.pod = asObject(valueAt(this.source, this.podPointer));
  }

  private from(pointer: string): FieldSource {
    return { object: this.source, pointer };
  }

  private origin(specPointer: string, pointer: string): void {
    recordOrigin(this.draft, specPointer, this.from(pointer));
  }

  private consume(...pointers: string[]): void {
    this.context.consume(this.source, ...pointers);
  }

  private loss(pointer: string, message: string, hint?: string): void {
    this.context.loss(this.source, pointer, message, hint);
  }

  private note(pointer: string, message: string, hint?: string): void {
    this.context.note(this.source, pointer, message, hint);
  }

  run(): void {
    this.metadata();
    this.containers();
    if (Object.keys(this.container).length === 0) return;
    this.image();
    this.env();
    this.volumes();
    this.probes();
    this.resources();
    this.security();
    this.controller();
    this.podSettings();
  }

  private metadata(): void {
    const { draft, source } = this;
    this.consume('/apiVersion', '/kind', '/metadata/name', '/metadata/namespace');
    this.origin('/name', '/metadata/name');
    const labels = new Map<string, string>();
    const labelSources = new Map<string, string>();
    const addLabels = (pointer: string): void => {
      for (const [key, value] of Object.entries(stringMap(valueAt(source, pointer)))) {
        const labelPointer = `${pointer}${pointerOf(key)}`;
        this.consume(labelPointer);
        if (MANAGED_LABELS.includes(key)) continue;
        const existing = labels.get(key);
        if (existing !== undefined && existing !== value) {
          this.loss(
            labelPointer,
            `label ${key}=${value} differs from ${key}=${existing} on the workload; the spec has one set of labels for every object`,
            'give the pods and the workload the same value',
          );
          continue;
        }
        if (existing === undefined) {
          labels.set(key, value);
          labelSources.set(key, labelPointer);
        }
      }
    };
    addLabels('/metadata/labels');
    if (this.templatePointer !== '') addLabels(`${this.templatePointer}/metadata/labels`);
    this.consume(`${this.templatePointer}/metadata/name`);
    if (labels.size > 0) {
      // fromEntries defines keys (a `__proto__` label stays a label).
      draft.spec.labels = Object.fromEntries(labels);
      for (const [key, pointer] of labelSources) this.origin(`/labels${pointerOf(key)}`, pointer);
    }
    const annotationsPointer = `${this.templatePointer}/metadata/annotations`;
    const annotations = new Map<string, string>();
    for (const [key, value] of Object.entries(stringMap(valueAt(source, annotationsPointer)))) {
      const pointer = `${annotationsPointer}${pointerOf(key)}`;
      this.consume(pointer);
      if (key === CONFIG_HASH_ANNOTATION || key === 'kubectl.kubernetes.io/restartedAt') continue;
      annotations.set(key, value);
      this.origin(`/annotations${pointerOf(key)}`, pointer);
    }
    if (annotations.size > 0) draft.spec.annotations = Object.fromEntries(annotations);
  }

  private containers(): void {
    const containers = asArray(this.pod.containers);
    const pointer = `${this.podPointer}/containers`;
    if (containers.length === 0) {
      this.context.report(
        'error',
        'missing-field',
        this.source,
        pointer,
        'the pod has no containers; nothing to import',
      );
      this.consume(this.podPointer);
      return;
    }
    const named = containers.findIndex((container) => asObject(container).name === this.source.name);
    const main = named >= 0 ? named : 0;
    containers.forEach((container, index) => {
      if (index === main) return;
      const item = asObject(container);
      this.loss(
        `${pointer}/${index}`,
        `sidecar container ${describeValue(item.name ?? index)} (image ${describeValue(item.image ?? '?')}) is not imported: a service has one container`,
        'make the sidecar its own service, or add it back with a `patches.kubernetes` entry',
      );
    });
    this.containerPointer = `${pointer}/${main}`;
    this.draft.containerPointer = this.containerPointer;
    this.container = asObject(containers[main]);
    const name = asString(this.container.name);
    this.consume(`${this.containerPointer}/name`);
    if (name !== undefined && name !== this.draft.name) {
      this.note(
        `${this.containerPointer}/name`,
        `container name ${name} becomes ${this.draft.name}: generated containers are named after their service`,
      );
    }
  }

  private image(): void {
    const c = this.containerPointer;
    const image = asString(this.container.image);
    if (image !== undefined) {
      this.draft.spec.image = image;
      this.consume(`${c}/image`);
      this.origin('/image', `${c}/image`);
      const policy = asString(this.container.imagePullPolicy);
      if (policy !== undefined) {
        const tag = /:([^/:@]+)$/.exec(image.split('@')[0] as string)?.[1];
        const defaultPolicy = image.includes('@')
          ? 'IfNotPresent'
          : tag === undefined || tag === 'latest'
            ? 'Always'
            : 'IfNotPresent';
        if (policy === defaultPolicy) this.consume(`${c}/imagePullPolicy`);
      }
    } else {
      this.context.report(
        'error',
        'missing-field',
        this.source,
        c,
        'the container has no image',
        'give the container an image',
      );
    }
    for (const field of ['command', 'args'] as const) {
      const list = this.container[field];
      if (Array.isArray(list)) {
        this.draft.spec[field] = list.map((item) => asString(item) ?? '');
        this.consume(`${c}/${field}`);
        this.origin(`/${field}`, `${c}/${field}`);
      }
    }
    const workingDir = asString(this.container.workingDir);
    if (workingDir !== undefined) {
      this.draft.spec.workingDir = workingDir;
      this.consume(`${c}/workingDir`);
      this.origin('/workingDir', `${c}/workingDir`);
    }
    asArray(this.container.ports).forEach((item, index) => {
      const port = asObject(item);
      const pointer = `${c}/ports/${index}`;
      const number = asNumber(port.containerPort);
      if (number === undefined) return;
      if (!isPortNumber(number)) {
        this.context.invalid(
          this.source,
          `${pointer}/containerPort`,
          `containerPort ${number} is not a port number (a whole number from 1 to 65535); the API server rejects it`,
          'give the port the container listens on',
        );
        this.consume(pointer);
        return;
      }
      this.consume(`${pointer}/containerPort`, `${pointer}/name`, `${pointer}/protocol`);
      const protocol = asString(port.protocol) ?? 'TCP';
      if (protocol !== 'TCP' && protocol !== 'UDP') {
        this.loss(
          `${pointer}/protocol`,
          `protocol ${protocol} of port ${number} is not supported by the spec (TCP or UDP)`,
        );
        return;
      }
      if (port.hostPort !== undefined) {
        this.loss(
          `${pointer}/hostPort`,
          `hostPort ${describeValue(port.hostPort)} binds the node's port; the spec exposes ports through Services, ingress or compose only`,
          'expose the port with a Service (spec ports) or an ingress route instead',
        );
      }
      if (port.hostIP !== undefined)
        this.loss(`${pointer}/hostIP`, 'hostIP binds a node address; the spec has no node bindings');
      const name = asString(port.name);
      const existing = this.draft.ports.find(
        (candidate) => candidate.number === number && candidate.protocol === protocol,
      );
      if (existing) {
        if (name !== undefined) existing.names.push(name);
        return;
      }
      this.draft.ports.push({
        number,
        protocol,
        names: name === undefined ? [] : [name],
        name: '',
        expose: 'internal',
        routes: [],
        routeSources: [],
        source: this.from(`${pointer}/containerPort`),
      });
    });
  }

  /** env and envFrom: literals (references resolved later), secret and config keys, env files. */
  private env(): void {
    const c = this.containerPointer;
    const entries: DraftEnv[] = [];
    const envFromKeys = new Map<string, SourceObject>();
    asArray(this.container.envFrom).forEach((item, index) => {
      const pointer = `${c}/envFrom/${index}`;
      const envFrom = asObject(item);
      if (envFrom.prefix !== undefined) {
        this.loss(
          `${pointer}/prefix`,
          `envFrom prefix ${describeValue(envFrom.prefix)} is not supported by the spec; variables keep their plain names`,
        );
      }
      const configRef = asObject(envFrom.configMapRef);
      const secretRef = asObject(envFrom.secretRef);
      const refName = asString(configRef.name) ?? asString(secretRef.name);
      const kind =
        envFrom.configMapRef !== undefined ? 'ConfigMap' : envFrom.secretRef !== undefined ? 'Secret' : undefined;
      if (kind === undefined || refName === undefined) return;
      const refPointer = `${pointer}/${kind === 'ConfigMap' ? 'configMapRef' : 'secretRef'}`;
      this.consume(`${refPointer}/name`);
      if ((kind === 'ConfigMap' ? configRef : secretRef).optional === true) {
        this.note(`${refPointer}/optional`, `optional ${kind} ${refName}: the generated pod requires it to exist`);
      }
      const referenced = this.index.find(kind, this.source.namespace, refName);
      if (!referenced) {
        this.loss(
          refPointer,
          `${kind} ${refName} is not among the inputs, so the variables it provides are unknown and not imported`,
          `pass the file that defines ${kind} ${refName} too`,
        );
        return;
      }
      if (kind === 'Secret') {
        const keys = Object.keys({
          ...asObject(referenced.value.data),
          ...asObject(referenced.value.stringData),
        }).sort();
        for (const key of keys) {
          entries.push({ name: key, value: { secret: refName, key }, source: this.from(refPointer) });
        }
        this.note(
          refPointer,
          `every key of Secret ${refName} becomes its own env entry ({secret, key}); values stay out of the spec`,
        );
        return;
      }
      envFromKeys.set(refName, referenced);
      this.envFile(referenced, refName, pointer, entries);
    });
    asArray(this.container.env).forEach((item, index) => {
      const pointer = `${c}/env/${index}`;
      const env = asObject(item);
      const name = asString(env.name);
      if (name === undefined) return;
      if (!isEnvName(name)) {
        this.context.invalid(
          this.source,
          `${pointer}/name`,
          `env variable name ${JSON.stringify(name)} is not valid: the API server and compose reject names with '=', spaces or control characters`,
          "use letters, digits and '_' (e.g. RUN_MODE)",
        );
        this.consume(pointer);
        return;
      }
      this.consume(`${pointer}/name`);
      const source = this.from(pointer);
      const keep = (entry: DraftEnv): void => {
        const previous = entries.findIndex((candidate) => candidate.name === name);
        if (previous >= 0) {
          if (entries[previous]!.source.pointer.startsWith(`${c}/env/`)) {
            this.note(pointer, `env ${name} is set twice; the last value wins (as in Kubernetes)`);
          }
          entries.splice(previous, 1);
        }
        entries.push(entry);
      };
      if (env.valueFrom === undefined) {
        const value = asString(env.value) ?? '';
        this.consume(`${pointer}/value`);
        keep({ name, literal: value, source });
        return;
      }
      const valueFrom = asObject(env.valueFrom);
      const fromPointer = `${pointer}/valueFrom`;
      if (valueFrom.secretKeyRef !== undefined) {
        const ref = asObject(valueFrom.secretKeyRef);
        const secret = asString(ref.name);
        const key = asString(ref.key);
        if (secret === undefined || key === undefined) return;
        this.consume(`${fromPointer}/secretKeyRef/name`, `${fromPointer}/secretKeyRef/key`);
        if (ref.optional === true) {
          this.note(
            `${fromPointer}/secretKeyRef/optional`,
            `optional secret key ${secret}/${key}: the generated pod requires it`,
          );
        }
        keep({ name, value: key === secret ? { secret } : { secret, key }, source });
        return;
      }
      if (valueFrom.configMapKeyRef !== undefined) {
        const ref = asObject(valueFrom.configMapKeyRef);
        const configMap = asString(ref.name);
        const key = asString(ref.key);
        if (configMap === undefined || key === undefined) return;
        const refPointer = `${fromPointer}/configMapKeyRef`;
        this.consume(`${refPointer}/name`, `${refPointer}/key`, `${refPointer}/optional`);
        const envFileName = this.draft.envFileConfigs.get(configMap);
        if (envFileName !== undefined) {
          keep({ name, value: { config: envFileName, key }, source });
          return;
        }
        const referenced = envFromKeys.get(configMap) ?? this.index.find('ConfigMap', this.source.namespace, configMap);
        const data = referenced ? stringMap(referenced.value.data) : undefined;
        const literal = data === undefined ? undefined : own(data, key);
        if (referenced && literal !== undefined) {
          this.context.consume(referenced, `/data${pointerOf(key)}`);
          keep({ name, literal, source });
          this.note(
            refPointer,
            `env ${name} reads key ${key} of ConfigMap ${configMap}; the spec keeps the value as a literal`,
            `to keep it in a ConfigMap, consume ${configMap} with envFrom so it becomes an env file`,
          );
          return;
        }
        this.loss(
          refPointer,
          referenced
            ? `ConfigMap ${configMap} has no key ${key}; env ${name} is not imported`
            : `ConfigMap ${configMap} is not among the inputs; env ${name} is not imported`,
          referenced ? 'fix the key name' : `pass the file that defines ConfigMap ${configMap} too`,
        );
        return;
      }
      const kind = Object.keys(valueFrom)[0];
      this.loss(
        fromPointer,
        kind === undefined
          ? `env ${name} has an empty valueFrom; not imported`
          : `env ${name} comes from ${kind} (${describeValue(own(valueFrom, kind))}); the spec has no downward-API values`,
        'read the value in the application, or add the variable back with a `patches.kubernetes` entry',
      );
    });
    this.draft.env = entries;
  }

  /** A ConfigMap consumed with envFrom becomes an env file `<name>.env` (KEY=value lines). */
  private envFile(configMap: SourceObject, name: string, pointer: string, entries: DraftEnv[]): void {
    const data = stringMap(configMap.value.data);
    const lines: string[] = [];
    const unrepresentable = Object.entries(data).filter(([, value]) => envFileLine('K', value) === undefined);
    if (configMap.value.binaryData !== undefined) {
      this.context.loss(
        configMap,
        '/binaryData',
        'binaryData cannot be consumed as environment variables and is not imported',
      );
    }
    if (unrepresentable.length > 0) {
      for (const [key, value] of Object.entries(data)) {
        this.context.consume(configMap, `/data${pointerOf(key)}`);
        entries.push({ name: key, literal: value, source: this.from(pointer) });
      }
      this.note(
        pointer,
        `ConfigMap ${name} has values an env file cannot hold (line breaks in ${unrepresentable.map(([key]) => key).join(', ')}); its keys become literal env entries`,
      );
      return;
    }
    for (const key of Object.keys(data).sort()) {
      lines.push(envFileLine(key, data[key] as string) as string);
      this.draft.envFileValues.set(key, data[key] as string);
      this.context.consume(configMap, `/data${pointerOf(key)}`);
    }
    consumeMetadata(this.context, configMap, this.draft, MANAGED_LABELS);
    const configName = this.shortName(name);
    const taken = new Set([
      ...this.draft.envFileConfigs.values(),
      ...(this.draft.spec.configs ?? []).map((config) => config.name),
    ]);
    const unique = uniqueName(configName, taken);
    const file = `${unique}.env`;
    this.draft.envFileConfigs.set(name, unique);
    this.draft.assets[file] = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    const envFiles = (this.draft.spec.envFiles ??= []);
    recordOrigin(this.draft, `/envFiles/${envFiles.length}`, { object: configMap, pointer: '/data' });
    envFiles.push(file);
  }

  /** A ConfigMap named '<service>-<name>' (twinform's own naming) is known as '<name>'. */
  private shortName(configMapName: string): string {
    const prefix = `${this.draft.name}-`;
    const short = configMapName.startsWith(prefix) ? configMapName.slice(prefix.length) : configMapName;
    return toDnsLabel(short, 63) ?? 'config';
  }

  private volumes(): void {
    const c = this.containerPointer;
    const volumes = asArray(this.pod.volumes).map((item) => asObject(item));
    const volumePointer = (name: string): string =>
      `${this.podPointer}/volumes/${volumes.findIndex((v) => v.name === name)}`;
    const claimTemplates = asArray(asObject(valueAt(this.source, '/spec')).volumeClaimTemplates).map((item) =>
      asObject(item),
    );
    const mountedVolumes = new Map<string, string>();
    asArray(this.container.volumeMounts).forEach((item, index) => {
      const mount = asObject(item);
      const pointer = `${c}/volumeMounts/${index}`;
      const name = asString(mount.name);
      const mountPath = asString(mount.mountPath);
      if (name === undefined || mountPath === undefined) return;
      this.consume(`${pointer}/name`, `${pointer}/mountPath`);
      if (mount.subPathExpr !== undefined) {
        this.loss(
          `${pointer}/subPathExpr`,
          'subPathExpr (a sub-path from env variables) is not supported by the spec; the whole volume is mounted',
        );
      }
      if (mount.mountPropagation !== undefined && mount.mountPropagation !== 'None') {
        this.loss(
          `${pointer}/mountPropagation`,
          `mount propagation ${describeValue(mount.mountPropagation)} is not supported by the spec`,
        );
      }
      const subPath = asString(mount.subPath);
      const readOnly = mount.readOnly === true;
      const volume = volumes.find((candidate) => candidate.name === name);
      const template = claimTemplates.findIndex((candidate) => asObject(candidate.metadata).name === name);
      if (!volume && template < 0) {
        this.context.report(
          'error',
          'unresolved-reference',
          this.source,
          `${pointer}/name`,
          `volume mount ${name} names no volume of the pod; not imported`,
          'declare the volume in spec.volumes (Kubernetes rejects this pod too)',
        );
        return;
      }
      const previous = mountedVolumes.get(name);
      if (!volume) {
        if (previous !== undefined) {
          this.loss(
            pointer,
            `claim template ${name} is mounted a second time (at ${mountPath}); the spec mounts each volume once`,
          );
          return;
        }
        mountedVolumes.set(name, mountPath);
        this.claimTemplate(claimTemplates[template] as PlainObject, template, pointer, mountPath, subPath, readOnly);
        this.consume(`${pointer}/readOnly`, `${pointer}/subPath`);
        return;
      }
      const vPointer = volumePointer(name);
      this.consume(`${vPointer}/name`, `${pointer}/readOnly`);
      if (volume.configMap !== undefined) {
        this.configMapMount(volume, vPointer, pointer, mountPath, subPath);
        return;
      }
      if (volume.secret !== undefined) {
        this.secretMount(volume, vPointer, pointer, mountPath, subPath);
        return;
      }
      if (previous !== undefined && (volume.persistentVolumeClaim !== undefined || volume.emptyDir !== undefined)) {
        this.loss(
          pointer,
          `volume ${name} is mounted a second time (at ${mountPath}, first at ${previous}); the spec mounts each volume once, so this mount is not imported`,
          'mount the volume once at a common parent folder',
        );
        return;
      }
      mountedVolumes.set(name, mountPath);
      this.consume(`${pointer}/subPath`);
      if (volume.persistentVolumeClaim !== undefined) {
        this.claimMount(volume, vPointer, pointer, mountPath, subPath, readOnly);
      } else if (volume.emptyDir !== undefined) {
        const emptyDir = asObject(volume.emptyDir);
        const spec: Volume = { name: this.volumeName(name), mountPath };
        spec.type = emptyDir.medium === 'Memory' ? 'tmpfs' : 'ephemeral';
        this.consume(`${vPointer}/emptyDir`);
        if (emptyDir.medium !== undefined && emptyDir.medium !== 'Memory' && emptyDir.medium !== '') {
          this.loss(
            `${vPointer}/emptyDir/medium`,
            `emptyDir medium ${describeValue(emptyDir.medium)} is not supported by the spec`,
          );
        }
        const size = portableQuantity(emptyDir.sizeLimit);
        if (size !== undefined) spec.size = size;
        else if (emptyDir.sizeLimit !== undefined) {
          this.loss(
            `${vPointer}/emptyDir/sizeLimit`,
            `sizeLimit ${describeValue(emptyDir.sizeLimit)} is not a Kubernetes quantity both outputs can carry; the volume has no size limit`,
            "write it like '64Mi'",
          );
        }
        this.addVolume(spec, readOnly, subPath, pointer);
      } else {
        const type = Object.keys(volume).find((key) => key !== 'name') ?? 'unknown';
        this.consume(`${pointer}/subPath`);
        this.loss(
          vPointer,
          type === 'hostPath'
            ? `hostPath volume ${name}${asObject(volume.hostPath).path === undefined ? '' : ` (${describeValue(asObject(volume.hostPath).path)})`} reads the node's files; the spec has no node volumes, so the mount at ${mountPath} is not imported`
            : `${type} volume ${name} is not supported by the spec; the mount at ${mountPath} is not imported`,
          type === 'hostPath'
            ? 'use a persistent volume, or a bind volume for local development'
            : 'use a persistent, ephemeral or tmpfs volume, a config or a secret instead',
        );
        this.consume(pointer);
      }
    });
    // Volumes only other containers mount are covered by those containers' loss lines.
    const otherMounts = new Set<string>();
    for (const field of ['containers', 'initContainers'] as const) {
      asArray(this.pod[field]).forEach((container) => {
        if (container === this.container) return;
        for (const mount of asArray(asObject(container).volumeMounts)) {
          const name = asString(asObject(mount).name);
          if (name !== undefined) otherMounts.add(name);
        }
      });
    }
    volumes.forEach((volume, index) => {
      const name = asString(volume.name);
      if (
        name !== undefined &&
        otherMounts.has(name) &&
        !this.source.consumed.has(`${this.podPointer}/volumes/${index}/name`)
      ) {
        this.consume(`${this.podPointer}/volumes/${index}`);
      }
    });
    claimTemplates.forEach((claim, index) => {
      const name = asString(asObject(claim.metadata).name);
      if (name !== undefined && !mountedVolumes.has(name)) {
        this.loss(
          `/spec/volumeClaimTemplates/${index}`,
          `claim template ${name} is not mounted by the main container; not imported`,
        );
      }
    });
  }

  private volumeName(name: string): string {
    const taken = new Set((this.draft.spec.volumes ?? []).map((volume) => volume.name));
    return uniqueName(toDnsLabel(name, 63) ?? 'data', taken);
  }

  private addVolume(spec: Volume, readOnly: boolean, subPath: string | undefined, mountPointer: string): void {
    if (readOnly) spec.readOnly = true;
    if (subPath !== undefined && subPath !== '') spec.subPath = subPath;
    const volumes = (this.draft.spec.volumes ??= []);
    this.origin(`/volumes/${volumes.length}`, mountPointer);
    volumes.push(spec);
  }

  private claimTemplate(
    claim: PlainObject,
    index: number,
    mountPointer: string,
    mountPath: string,
    subPath: string | undefined,
    readOnly: boolean,
  ): void {
    const pointer = `/spec/volumeClaimTemplates/${index}`;
    const name = asString(asObject(claim.metadata).name) as string;
    this.consume(`${pointer}/metadata/name`, `${pointer}/apiVersion`, `${pointer}/kind`);
    const spec: Volume = { name: this.volumeName(name), mountPath, type: 'persistent' };
    this.claimSpec(this.source, `${pointer}/spec`, asObject(claim.spec), spec);
    this.addVolume(spec, readOnly, subPath, mountPointer);
  }

  private claimMount(
    volume: PlainObject,
    vPointer: string,
    mountPointer: string,
    mountPath: string,
    subPath: string | undefined,
    readOnly: boolean,
  ): void {
    const claimName = asString(asObject(volume.persistentVolumeClaim).claimName) ?? '';
    this.consume(`${vPointer}/persistentVolumeClaim`);
    const name = asString(volume.name) as string;
    const spec: Volume = { name: this.volumeName(name), mountPath, type: 'persistent' };
    if (asObject(volume.persistentVolumeClaim).readOnly === true) readOnly = true;
    const claim = this.index.find('PersistentVolumeClaim', this.source.namespace, claimName);
    if (this.draft.workload === 'stateful') {
      this.note(
        `${vPointer}/persistentVolumeClaim`,
        `claim ${claimName} becomes a claim template: every replica of the stateful service gets its own volume`,
      );
    }
    if (claim) {
      this.claimSpec(claim, '/spec', asObject(claim.value.spec), spec);
      consumeMetadata(this.context, claim, this.draft, MANAGED_LABELS);
      const users = this.index.claimUsers.get(claim) ?? [];
      users.push(this.draft.name);
      this.index.claimUsers.set(claim, users);
      const generatedName = `${this.draft.name}-${spec.name}`;
      if (claimName !== generatedName && this.draft.workload !== 'stateful') {
        this.note(
          `${vPointer}/persistentVolumeClaim/claimName`,
          `the generated claim is named ${generatedName}, not ${claimName}: data already in ${claimName} is not reused`,
          `copy the data over, or bind the new claim to the old volume before switching`,
        );
      }
    } else {
      spec.size = '1Gi';
      this.loss(
        `${vPointer}/persistentVolumeClaim`,
        `PersistentVolumeClaim ${claimName} is not among the inputs, so its size is unknown; the spec asks for 1Gi`,
        'pass the file that defines the claim, or set the size in the spec',
      );
    }
    this.addVolume(spec, readOnly, subPath, mountPointer);
  }

  private claimSpec(object: SourceObject, pointer: string, claim: PlainObject, spec: Volume): void {
    const size = portableQuantity(asObject(asObject(claim.resources).requests).storage);
    if (size !== undefined) {
      spec.size = size;
      this.context.consume(object, `${pointer}/resources/requests/storage`);
    } else {
      spec.size = '1Gi';
      this.context.loss(
        object,
        pointer,
        'the claim requests no storage size; the spec asks for 1Gi',
        'set the size in the spec',
      );
    }
    const modes = asArray(claim.accessModes).map((mode) => asString(mode));
    const mode = modes[0];
    if (
      mode === 'ReadWriteOnce' ||
      mode === 'ReadOnlyMany' ||
      mode === 'ReadWriteMany' ||
      mode === 'ReadWriteOncePod'
    ) {
      spec.accessMode = mode;
      this.context.consume(object, `${pointer}/accessModes/0`);
    }
    if (modes.length > 1) {
      this.context.loss(
        object,
        `${pointer}/accessModes`,
        `the claim lists ${modes.length} access modes; the spec keeps the first (${describeValue(mode)})`,
      );
    }
    const storageClass = asString(claim.storageClassName);
    if (storageClass !== undefined) {
      spec.storageClass = storageClass;
      this.context.consume(object, `${pointer}/storageClassName`);
    }
    if (claim.volumeMode === 'Filesystem') this.context.consume(object, `${pointer}/volumeMode`);
  }

  /** ConfigMap volumes become config files: one per key (a directory mount turns into one file per key). */
  private configMapMount(
    volume: PlainObject,
    vPointer: string,
    mountPointer: string,
    mountPath: string,
    subPath: string | undefined,
  ): void {
    const source = asObject(volume.configMap);
    const name = asString(source.name) ?? '';
    const configMap = this.index.find('ConfigMap', this.source.namespace, name);
    this.consume(`${vPointer}/configMap/name`, `${mountPointer}/subPath`);
    if (source.optional === true)
      this.note(`${vPointer}/configMap/optional`, `optional ConfigMap ${name}: the generated pod requires it`);
    if (!configMap) {
      this.loss(
        mountPointer,
        `ConfigMap ${name} is not among the inputs, so the files mounted at ${mountPath} are unknown and not imported`,
        `pass the file that defines ConfigMap ${name} too`,
      );
      return;
    }
    consumeMetadata(this.context, configMap, this.draft, MANAGED_LABELS);
    if (configMap.value.binaryData !== undefined) {
      this.context.loss(
        configMap,
        '/binaryData',
        'binaryData (binary files) is not supported by the spec and is not imported',
      );
    }
    const data = stringMap(configMap.value.data);
    const defaultMode = asNumber(source.defaultMode);
    this.consume(`${vPointer}/configMap/defaultMode`);
    const items = asArray(source.items).map((item) => asObject(item));
    let files: Array<{ key: string; path: string; mode?: number; itemPointer?: string }>;
    if (items.length > 0) {
      this.consume(`${vPointer}/configMap/items`);
      files = items.map((item, index) => {
        const file: { key: string; path: string; mode?: number; itemPointer?: string } = {
          key: asString(item.key) ?? '',
          path: asString(item.path) ?? asString(item.key) ?? '',
          itemPointer: `${vPointer}/configMap/items/${index}`,
        };
        const mode = asNumber(item.mode);
        if (mode !== undefined) file.mode = mode;
        return file;
      });
    } else {
      files = Object.keys(data).map((key) => ({ key, path: key }));
    }
    if (subPath !== undefined && subPath !== '') {
      const file = files.find((candidate) => candidate.path === subPath || candidate.path.startsWith(`${subPath}/`));
      files = file ? [{ ...file, path: '' }] : [];
      if (!file) {
        this.loss(mountPointer, `sub-path ${subPath} is no file of ConfigMap ${name}; the mount is not imported`);
        return;
      }
    } else if (files.length > 1 || (files.length === 1 && items.length === 0)) {
      this.note(
        mountPointer,
        `ConfigMap ${name} is mounted as a folder at ${mountPath}; it becomes ${files.length} config file(s) mounted one by one (keys added to the ConfigMap later will not appear)`,
      );
    }
    for (const file of files) {
      const content = data[file.key];
      if (content === undefined) {
        this.loss(file.itemPointer ?? mountPointer, `ConfigMap ${name} has no key ${file.key}; not imported`);
        continue;
      }
      this.context.consume(configMap, `/data${pointerOf(file.key)}`);
      const configs = (this.draft.spec.configs ??= []);
      const single = files.length === 1;
      const taken = new Set([...configs.map((config) => config.name), ...this.draft.envFileConfigs.values()]);
      const baseName = single ? this.shortName(name) : (toDnsLabel(file.key, 63) ?? 'config');
      const configName = uniqueName(baseName, taken);
      const config: Config = {
        name: configName,
        mountPath: file.path === '' ? mountPath : `${mountPath.replace(/\/+$/, '')}/${file.path}`,
      };
      config.file = this.assetPath(configName, file.key);
      this.draft.assets[config.file] = content;
      const mode = file.mode ?? defaultMode;
      if (mode !== undefined) config.mode = octalMode(mode);
      recordOrigin(this.draft, `/configs/${configs.length}`, { object: this.source, pointer: mountPointer });
      recordOrigin(this.draft, `/configs/${configs.length}/file`, {
        object: configMap,
        pointer: `/data${pointerOf(file.key)}`,
      });
      configs.push(config);
    }
  }

  /** The asset keeps the ConfigMap key as its file name (the generator uses it as the key again). */
  private assetPath(configName: string, key: string): string {
    const safe = isDataKey(key) && key !== 'service.yaml' && key !== '__proto__';
    if (safe && !Object.hasOwn(this.draft.assets, key)) return key;
    const candidate = `${configName}/${safe ? key : 'content'}`;
    return uniqueName(candidate, new Set(Object.keys(this.draft.assets)), 255);
  }

  /** Secret volumes become secret mounts (names and keys only; values never enter the spec). */
  private secretMount(
    volume: PlainObject,
    vPointer: string,
    mountPointer: string,
    mountPath: string,
    subPath: string | undefined,
  ): void {
    const source = asObject(volume.secret);
    const name = asString(source.secretName) ?? '';
    this.consume(`${vPointer}/secret/secretName`, `${mountPointer}/subPath`);
    if (source.optional === true)
      this.note(`${vPointer}/secret/optional`, `optional Secret ${name}: the generated pod requires it`);
    const mode = asNumber(source.defaultMode);
    if (mode !== undefined && mode !== DEFAULT_FILE_MODE) {
      this.loss(
        `${vPointer}/secret/defaultMode`,
        `secret file mode ${octalMode(mode)} is not supported by the spec (files get the default 0644)`,
      );
    } else this.consume(`${vPointer}/secret/defaultMode`);
    const items = asArray(source.items).map((item) => asObject(item));
    let files: Array<{ key: string; path: string; pointer: string }>;
    if (items.length > 0) {
      this.consume(`${vPointer}/secret/items`);
      files = items.map((item, index) => ({
        key: asString(item.key) ?? '',
        path: asString(item.path) ?? asString(item.key) ?? '',
        pointer: `${vPointer}/secret/items/${index}`,
      }));
    } else {
      const secret = this.index.find('Secret', this.source.namespace, name);
      if (!secret) {
        if (subPath !== undefined && subPath !== '') {
          files = [{ key: subPath, path: subPath, pointer: mountPointer }];
        } else {
          this.loss(
            mountPointer,
            `Secret ${name} is mounted as a folder at ${mountPath}, but it is not among the inputs, so its keys (the file names) are unknown; not imported`,
            `pass the file that defines Secret ${name} (its keys are read, never its values), or mount single keys with items`,
          );
          return;
        }
      } else {
        const keys = Object.keys({ ...asObject(secret.value.data), ...asObject(secret.value.stringData) }).sort();
        files = keys.map((key) => ({ key, path: key, pointer: mountPointer }));
      }
    }
    if (subPath !== undefined && subPath !== '') {
      const file = files.find((candidate) => candidate.path === subPath);
      files = file ? [{ ...file, path: '' }] : [];
    }
    const secrets = (this.draft.spec.secrets ??= []);
    files.forEach((file) => {
      if (secrets.some((secret) => secret.name === name)) {
        this.loss(
          file.pointer,
          `key ${file.key} of Secret ${name} is not imported: the spec mounts one key per secret (the first one, ${secrets.find((secret) => secret.name === name)?.key ?? name})`,
          'mount the other keys from separate Secrets, or add them back with a `patches.kubernetes` entry',
        );
        return;
      }
      const target = file.path === '' ? mountPath : `${mountPath.replace(/\/+$/, '')}/${file.path}`;
      const mount: SecretMount = { name };
      if (file.key !== name) mount.key = file.key;
      if (target !== `/run/secrets/${name}`) mount.mountPath = target;
      recordOrigin(this.draft, `/secrets/${secrets.length}`, { object: this.source, pointer: mountPointer });
      secrets.push(mount);
    });
  }

  private probes(): void {
    const c = this.containerPointer;
    for (const kind of ['liveness', 'readiness', 'startup'] as const) {
      const pointer = `${c}/${kind}Probe`;
      const value = this.container[`${kind}Probe`];
      if (!isPlainObject(value)) continue;
      const probe: Probe = {};
      let port: { value: string | number; protocol: 'http' | 'tcp' | 'grpc' } | undefined;
      if (isPlainObject(value.httpGet)) {
        const http = value.httpGet;
        const portValue = asNumber(http.port) ?? asString(http.port) ?? 0;
        const path = asString(http.path);
        probe.http = path !== undefined ? { path, port: portValue } : { port: portValue };
        if (http.scheme === 'HTTPS' || http.scheme === 'HTTP') probe.http.scheme = http.scheme;
        this.consume(`${pointer}/httpGet/port`, `${pointer}/httpGet/path`, `${pointer}/httpGet/scheme`);
        if (http.host !== undefined)
          this.loss(
            `${pointer}/httpGet/host`,
            `the probe calls host ${describeValue(http.host)}; the spec probes the pod itself`,
          );
        if (http.httpHeaders !== undefined) {
          this.loss(
            `${pointer}/httpGet/httpHeaders`,
            `the ${kind} probe sends HTTP headers (${asArray(http.httpHeaders)
              .map((header) => describeValue(asObject(header).name ?? header))
              .join(', ')}); the spec's http probe sends none`,
            'make the health endpoint work without the headers, or add them back with a `patches.kubernetes` entry',
          );
        }
        port = { value: portValue, protocol: 'http' };
      } else if (isPlainObject(value.tcpSocket)) {
        const portValue = asNumber(value.tcpSocket.port) ?? asString(value.tcpSocket.port) ?? 0;
        probe.tcp = { port: portValue };
        this.consume(`${pointer}/tcpSocket/port`);
        if (value.tcpSocket.host !== undefined)
          this.loss(`${pointer}/tcpSocket/host`, 'the probe connects to another host; the spec probes the pod itself');
        port = { value: portValue, protocol: 'tcp' };
      } else if (isPlainObject(value.exec)) {
        const command = asArray(value.exec.command).map((item) => asString(item) ?? '');
        if (command.length === 0) continue;
        probe.exec = { command: command as [string, ...string[]] };
        this.consume(`${pointer}/exec/command`);
      } else if (isPlainObject(value.grpc)) {
        const portValue = asNumber(value.grpc.port) ?? 0;
        probe.grpc = { port: portValue };
        const service = asString(value.grpc.service);
        if (service !== undefined) probe.grpc.service = service;
        this.consume(`${pointer}/grpc/port`, `${pointer}/grpc/service`);
        port = { value: portValue, protocol: 'grpc' };
      } else {
        continue;
      }
      for (const field of ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold'] as const) {
        const number = asNumber(value[field]);
        if (number === undefined) continue;
        this.consume(`${pointer}/${field}`);
        if ((field === 'periodSeconds' || field === 'timeoutSeconds' || field === 'failureThreshold') && number < 1)
          continue;
        probe[field] = number;
      }
      const success = asNumber(value.successThreshold);
      if (success !== undefined) {
        this.consume(`${pointer}/successThreshold`);
        if (kind === 'readiness' && success >= 1) probe.successThreshold = success;
      }
      if (value.terminationGracePeriodSeconds !== undefined) {
        this.loss(`${pointer}/terminationGracePeriodSeconds`, 'a per-probe grace period is not supported by the spec');
      }
      this.draft.probes.push({ kind, probe, ...(port ? { port } : {}), source: this.from(pointer) });
    }
  }

  private resources(): void {
    const c = this.containerPointer;
    const resources = asObject(this.container.resources);
    const result: Resources = {};
    for (const side of ['requests', 'limits'] as const) {
      const amounts: ResourceAmounts = {};
      for (const [resource, value] of Object.entries(asObject(resources[side]))) {
        const pointer = `${c}/resources/${side}${pointerOf(resource)}`;
        const quantity = portableQuantity(value);
        if ((resource === 'cpu' || resource === 'memory') && quantity === undefined) {
          this.loss(
            pointer,
            `${side} of ${resource} (${describeValue(value)}) is not a Kubernetes quantity both outputs can carry; not imported`,
            `write it like ${resource === 'cpu' ? "'250m' or '1'" : "'256Mi' or '1Gi'"}`,
          );
        } else if (resource === 'cpu') {
          amounts.cpu = typeof value === 'number' ? value : (quantity as string);
          this.consume(pointer);
        } else if (resource === 'memory') {
          amounts.memory = quantity as string;
          this.consume(pointer);
        } else {
          this.loss(
            pointer,
            `${side} of ${resource} (${describeValue(value)}) is not supported by the spec (cpu and memory only)`,
          );
        }
      }
      if (isPlainObject(resources[side])) {
        result[side] = amounts;
        this.consume(`${c}/resources/${side}`);
        this.origin(`/resources/${side}`, `${c}/resources/${side}`);
      }
    }
    if (Object.keys(result).length > 0) this.draft.spec.resources = result;
  }

  /** Pod and container security contexts → user and a security profile (restricted unless the pod needs less). */
  private security(): void {
    const c = this.containerPointer;
    const podPointer = `${this.podPointer}/securityContext`;
    const containerPointer = `${c}/securityContext`;
    const pod = asObject(this.pod.securityContext);
    const container = asObject(this.container.securityContext);
    const pick = (field: string): { value: unknown; pointer: string } | undefined => {
      if (container[field] !== undefined) return { value: container[field], pointer: `${containerPointer}/${field}` };
      if (pod[field] !== undefined) return { value: pod[field], pointer: `${podPointer}/${field}` };
      return undefined;
    };
    const consumeBoth = (field: string): void => this.consume(`${podPointer}/${field}`, `${containerPointer}/${field}`);
    const security: Security = {};
    const uid = pick('runAsUser');
    const gid = pick('runAsGroup');
    consumeBoth('runAsUser');
    consumeBoth('runAsGroup');
    const uidNumber = asNumber(uid?.value);
    const gidNumber = asNumber(gid?.value);
    if (uidNumber !== undefined) {
      this.draft.spec.user =
        gidNumber !== undefined && gidNumber !== uidNumber ? { uid: uidNumber, gid: gidNumber } : { uid: uidNumber };
      this.origin('/user', uid!.pointer);
    } else if (gid !== undefined) {
      this.loss(
        gid.pointer,
        'runAsGroup without runAsUser is not supported by the spec (user needs a uid)',
        'set runAsUser too, or put user: {uid, gid} in the spec',
      );
    }
    const fsGroup = asNumber(pod.fsGroup);
    this.consume(`${podPointer}/fsGroup`);
    if (fsGroup !== undefined) {
      const expected = this.draft.spec.user ? (this.draft.spec.user.gid ?? this.draft.spec.user.uid) : undefined;
      if (expected !== fsGroup) {
        this.loss(
          `${podPointer}/fsGroup`,
          expected === undefined
            ? `fsGroup ${fsGroup} without runAsUser is not supported by the spec (its fsGroup is the user's group)`
            : `fsGroup ${fsGroup} differs from the group ${expected} the process runs as; the spec uses one group for both`,
          'set the same group for runAsGroup and fsGroup',
        );
      }
    }

    const capabilities = asObject(container.capabilities);
    const added = asArray(capabilities.add).map((item) => asString(item) ?? '');
    const dropped = asArray(capabilities.drop).map((item) => (asString(item) ?? '').toUpperCase());
    const dropsAll = dropped.includes('ALL');
    const privileged = container.privileged === true;
    const seccomp = asString(asObject(pick('seccompProfile')?.value).type);
    const runAsNonRoot = pick('runAsNonRoot');
    const escalation = container.allowPrivilegeEscalation;
    const hardened = escalation === false || seccomp === 'RuntimeDefault' || runAsNonRoot?.value === true || dropsAll;
    let profile: 'restricted' | 'baseline' | 'privileged';
    if (this.draft.generated) {
      // twinform's own output: runAsNonRoot only under restricted, a seccomp profile unless privileged.
      profile = runAsNonRoot?.value === true ? 'restricted' : seccomp === 'RuntimeDefault' ? 'baseline' : 'privileged';
    } else if (privileged || seccomp === 'Unconfined' || added.some((cap) => !BASELINE_CAPABILITIES.has(cap)))
      profile = 'privileged';
    else if (
      uidNumber === 0 ||
      runAsNonRoot?.value === false ||
      escalation === true ||
      added.some((cap) => cap !== 'NET_BIND_SERVICE') ||
      (hardened && runAsNonRoot?.value !== true && (uidNumber === undefined || uidNumber === 0) && !dropsAll)
    ) {
      profile = 'baseline';
    } else profile = 'restricted';
    consumeBoth('runAsNonRoot');
    consumeBoth('seccompProfile');
    this.consume(
      `${containerPointer}/allowPrivilegeEscalation`,
      `${containerPointer}/privileged`,
      `${containerPointer}/capabilities/add`,
    );
    if (seccomp === 'Localhost') {
      this.loss(
        pick('seccompProfile')!.pointer,
        'a Localhost seccomp profile is not supported by the spec; pods get RuntimeDefault',
      );
    }
    if (dropsAll || profile === 'privileged' || dropped.length === 0)
      this.consume(`${containerPointer}/capabilities/drop`);
    else if (profile === 'restricted') this.consume(`${containerPointer}/capabilities/drop`);
    else {
      this.loss(
        `${containerPointer}/capabilities/drop`,
        `dropping only ${dropped.join(', ')} is not supported by the spec: profile ${profile} keeps the default capabilities`,
        'drop ALL (and add back what the image needs) to use the restricted profile',
      );
    }
    if (profile !== 'restricted') {
      security.profile = profile;
      const reason =
        profile === 'privileged'
          ? privileged
            ? 'the container is privileged'
            : seccomp === 'Unconfined'
              ? 'seccomp is Unconfined'
              : this.draft.generated
                ? 'twinform generated it without a security context'
                : `it adds capabilities beyond the baseline set (${added.filter((cap) => !BASELINE_CAPABILITIES.has(cap)).join(', ')})`
          : uidNumber === 0
            ? 'it runs as root (runAsUser 0)'
            : runAsNonRoot?.value === false
              ? 'runAsNonRoot is false'
              : escalation === true
                ? 'it allows privilege escalation'
                : added.some((cap) => cap !== 'NET_BIND_SERVICE')
                  ? `it adds capabilities (${added.join(', ')})`
                  : 'it may run as root (no runAsNonRoot, no non-root user)';
      if (!this.draft.generated) {
        this.note(
          containerPointer,
          `security profile ${profile}: ${reason}; the generated pod does not meet the restricted Pod Security Standard`,
          'run the image as a non-root user and drop capabilities to use the default restricted profile',
        );
      }
      this.origin('/security/profile', containerPointer);
    } else if (runAsNonRoot?.value !== true && (uidNumber === undefined || uidNumber === 0) && !this.draft.generated) {
      this.context.report(
        'info',
        'advice',
        this.source,
        c,
        'the manifest does not say the container runs as non-root; the spec uses the restricted profile (runAsNonRoot, no privilege escalation, all capabilities dropped)',
        'if the image must start as root, set security.profile: baseline in the service spec',
      );
    }
    if (added.length > 0) {
      security.addCapabilities = added;
      this.origin('/security/addCapabilities', `${containerPointer}/capabilities/add`);
    }
    if (container.readOnlyRootFilesystem === true) {
      security.readOnlyRootFilesystem = true;
      this.origin('/security/readOnlyRootFilesystem', `${containerPointer}/readOnlyRootFilesystem`);
    }
    this.consume(`${containerPointer}/readOnlyRootFilesystem`);
    if (this.pod.automountServiceAccountToken !== undefined) {
      this.consume(`${this.podPointer}/automountServiceAccountToken`);
      if (this.pod.automountServiceAccountToken === true) {
        security.automountServiceAccountToken = true;
        this.origin('/security/automountServiceAccountToken', `${this.podPointer}/automountServiceAccountToken`);
      }
    }
    if (Object.keys(security).length > 0) this.draft.spec.security = security;
  }

  /** Replicas, rollout, job and schedule settings of the controller object. */
  private controller(): void {
    const { draft, source } = this;
    const spec = asObject(source.value.spec);
    this.consume('/spec/selector', '/spec/template/metadata/labels', '/spec/serviceName');
    if (
      source.kind === 'Deployment' ||
      source.kind === 'StatefulSet' ||
      source.kind === 'ReplicaSet' ||
      source.kind === 'ReplicationController'
    ) {
      const replicas = asNumber(spec.replicas);
      if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 0)) {
        this.context.invalid(
          source,
          '/spec/replicas',
          `replicas ${replicas} is not a whole number of pods (0 or more); the API server rejects it`,
          'give the number of pods, e.g. replicas: 2',
        );
      } else if (replicas !== undefined) {
        draft.spec.replicas = replicas;
        this.consume('/spec/replicas');
        this.origin('/replicas', '/spec/replicas');
      }
    }
    if (source.kind === 'ReplicaSet' || source.kind === 'ReplicationController') {
      this.note('/kind', `${source.kind} becomes a Deployment (workload service), which manages ReplicaSets itself`);
    }
    if (source.kind === 'Pod') {
      this.note(
        '/kind',
        `a bare Pod becomes a ${draft.workload === 'job' ? 'Job' : 'Deployment'}: the controller recreates the pod when it fails`,
      );
    }
    if (source.kind === 'Deployment' && isPlainObject(spec.strategy)) {
      const strategy = spec.strategy;
      const rolling = asObject(strategy.rollingUpdate);
      const rollout: NonNullable<typeof draft.spec.rollout> = {};
      if (strategy.type === 'Recreate' || strategy.type === 'RollingUpdate') rollout.strategy = strategy.type;
      const surge = rolling.maxSurge;
      const unavailable = rolling.maxUnavailable;
      if (typeof surge === 'number' || typeof surge === 'string') rollout.maxSurge = surge;
      if (typeof unavailable === 'number' || typeof unavailable === 'string') rollout.maxUnavailable = unavailable;
      this.consume(
        '/spec/strategy/type',
        '/spec/strategy/rollingUpdate/maxSurge',
        '/spec/strategy/rollingUpdate/maxUnavailable',
      );
      if (Object.keys(rollout).length > 0) {
        draft.spec.rollout = rollout;
        this.origin('/rollout', '/spec/strategy');
      }
    }
    if ((source.kind === 'StatefulSet' || source.kind === 'DaemonSet') && isPlainObject(spec.updateStrategy)) {
      const strategy = spec.updateStrategy;
      if (strategy.type === 'RollingUpdate' || strategy.type === undefined) {
        const rollout: NonNullable<typeof draft.spec.rollout> = { strategy: 'RollingUpdate' };
        const rolling = asObject(strategy.rollingUpdate);
        this.consume('/spec/updateStrategy/type');
        if (source.kind === 'DaemonSet') {
          if (typeof rolling.maxSurge === 'number' || typeof rolling.maxSurge === 'string')
            rollout.maxSurge = rolling.maxSurge;
          if (typeof rolling.maxUnavailable === 'number' || typeof rolling.maxUnavailable === 'string') {
            rollout.maxUnavailable = rolling.maxUnavailable;
          }
          this.consume(
            '/spec/updateStrategy/rollingUpdate/maxSurge',
            '/spec/updateStrategy/rollingUpdate/maxUnavailable',
          );
        } else if (rolling.partition === 0) {
          this.consume('/spec/updateStrategy/rollingUpdate/partition');
        }
        draft.spec.rollout = rollout;
        this.origin('/rollout', '/spec/updateStrategy');
      } else {
        this.loss(
          '/spec/updateStrategy/type',
          `update strategy ${describeValue(strategy.type)} is not supported by the spec; pods are replaced by a rolling update`,
        );
      }
    }
    if (source.kind === 'Job' || source.kind === 'CronJob') {
      const jobPointer = source.kind === 'Job' ? '/spec' : '/spec/jobTemplate/spec';
      const job = asObject(valueAt(source, jobPointer));
      const settings: NonNullable<typeof draft.spec.job> = {};
      for (const field of [
        'backoffLimit',
        'completions',
        'parallelism',
        'activeDeadlineSeconds',
        'ttlSecondsAfterFinished',
      ] as const) {
        const number = asNumber(job[field]);
        if (number !== undefined) {
          settings[field] = number;
          this.consume(`${jobPointer}/${field}`);
        }
      }
      if (Object.keys(settings).length > 0) {
        draft.spec.job = settings;
        this.origin('/job', jobPointer);
      }
      if (source.kind === 'CronJob') {
        this.consume('/spec/jobTemplate/metadata/labels');
        const schedule: NonNullable<typeof draft.spec.schedule> = { cron: asString(spec.schedule) ?? '' };
        this.consume('/spec/schedule');
        const timeZone = asString(spec.timeZone);
        if (timeZone !== undefined) schedule.timeZone = timeZone;
        // Kubernetes defaults concurrencyPolicy to Allow; the spec's default is Forbid, so Allow is written out.
        const policy = asString(spec.concurrencyPolicy) ?? 'Allow';
        if (policy === 'Allow' || policy === 'Forbid' || policy === 'Replace') schedule.concurrencyPolicy = policy;
        for (const field of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
          const number = asNumber(spec[field]);
          if (number !== undefined) schedule[field] = number;
        }
        if (typeof spec.suspend === 'boolean') schedule.suspend = spec.suspend;
        this.consume(
          '/spec/timeZone',
          '/spec/concurrencyPolicy',
          '/spec/successfulJobsHistoryLimit',
          '/spec/failedJobsHistoryLimit',
          '/spec/suspend',
        );
        draft.spec.schedule = schedule;
        this.origin('/schedule', '/spec/schedule');
      }
    }
  }

  /** Pod-level fields: restart policy, grace period, init containers. */
  private podSettings(): void {
    const { draft } = this;
    const podPointer = this.podPointer;
    const restart = asString(this.pod.restartPolicy);
    if (restart !== undefined) {
      this.consume(`${podPointer}/restartPolicy`);
      if (draft.workload === 'job' || draft.workload === 'cronjob') {
        if (restart === 'OnFailure') {
          this.note(
            `${podPointer}/restartPolicy`,
            'restartPolicy OnFailure becomes Never: a failed run gets a new pod (counted against backoffLimit) instead of a restart in place',
          );
        }
      }
    }
    const grace = asNumber(this.pod.terminationGracePeriodSeconds);
    if (grace !== undefined) {
      draft.spec.terminationGracePeriodSeconds = grace;
      this.consume(`${podPointer}/terminationGracePeriodSeconds`);
      this.origin('/terminationGracePeriodSeconds', `${podPointer}/terminationGracePeriodSeconds`);
    }
    asArray(this.pod.initContainers).forEach((item, index) => {
      const init = asObject(item);
      const pointer = `${podPointer}/initContainers/${index}`;
      const name = asString(init.name) ?? '';
      const command = asArray(init.command).map((part) => asString(part) ?? '');
      const script = [...command, ...asArray(init.args).map((part) => asString(part) ?? '')].join(' ');
      const wait = /\bnc\s+-z[a-zA-Z]*\s+(?:-w\s*\d+\s+)?([A-Za-z0-9.-]+)\s+(\d+)\b/.exec(script);
      const onlyWaits =
        wait !== null &&
        /\b(until|while)\b/.test(script) &&
        init.volumeMounts === undefined &&
        init.env === undefined &&
        init.envFrom === undefined;
      if (wait && onlyWaits) {
        const [, host, port] = wait as unknown as [string, string, string];
        const generatedWait =
          name === `wait-for-${host}` &&
          command[0] === 'sh' &&
          command[1] === '-c' &&
          (command[2] ?? '').startsWith(`until nc -z -w 2 ${host} ${port};`);
        draft.waits.push({
          host,
          port: Number(port),
          image: generatedWait ? (asString(init.image) ?? '') : '',
          source: this.from(pointer),
        });
        this.consume(pointer);
        if (!generatedWait) {
          this.note(
            pointer,
            `init container ${name} waits for ${host}:${port}; it becomes dependsOn (condition healthy), which twinform renders as its own wait-for-${host} init container`,
          );
        }
        return;
      }
      this.loss(
        pointer,
        `init container ${describeValue(init.name ?? index)} (image ${describeValue(init.image ?? '?')}) is not imported: the spec has no init containers (only twinform's own wait-for-<dependency>)`,
        'express ordering with dependsOn, move the step into the image entrypoint, or add it back with a `patches.kubernetes` entry',
      );
    });
  }
}

/** KEY=value as the env file readers of both targets read it back; undefined when no line can hold the value. */
export function envFileLine(key: string, value: string): string | undefined {
  if (/[\r\n]/.test(value)) return undefined;
  // Unquoted values are trimmed, interpolated ($), cut at ' #' and unquoted by compose; avoid all of that.
  if (!/^\s|\s$|^['"]|[$#\\]/.test(value)) return `${key}=${value}`;
  if (!value.includes("'")) return `${key}='${value}'`;
  return undefined;
}

export const isPortNumber = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 65535;

/** Kubernetes accepts any printable name without '='; whitespace would break env files and shells (the spec's rule). */
export function isEnvName(name: string): boolean {
  if (name.length === 0 || /\s/.test(name)) return false;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    if (code === 0x3d || code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** A ConfigMap or Secret key as the API server accepts it: no '/', not '.' or '..' (keys become file names). */
export const isDataKey = (key: string): boolean =>
  key.length > 0 && key.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(key) && key !== '.' && !key.startsWith('..');

/** Exponents the generators can still turn into exact compose and Kubernetes amounts ('12e6', not '1e300'). */
const QUANTITY = /^(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d{1,2})?$/;

/**
 * A resource amount as text both generators accept: a Kubernetes quantity written plainly, with
 * an exponent of at most 30 (a number like 1.7e215 is no amount any cluster has); undefined otherwise.
 */
export function portableQuantity(value: unknown): string | undefined {
  const text =
    typeof value === 'number'
      ? Number.isFinite(value) && value >= 0
        ? String(value).replace(/e\+?/, 'e')
        : ''
      : value;
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const exponent = /^[eE]/.test(match[2] ?? '') ? Number(match[2]!.slice(1)) : 0;
  return Math.abs(exponent) <= 30 ? text.trim() : undefined;
}
