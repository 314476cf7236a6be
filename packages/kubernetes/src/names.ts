import { posix } from 'node:path';
import { toLabel } from '@twinform/spec';
import type { NormalizedService, ProjectSettings } from '@twinform/spec';

export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const LABEL_VERSION = 'app.kubernetes.io/version';
export const CONFIG_HASH_ANNOTATION = 'twinform.dev/config-hash';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const isLabelValue = (value: string): boolean => value.length <= 63 && LABEL_VALUE.test(value);

export interface ImageReference {
  /** Registry and repository, without tag or digest (what kustomize `images[].name` matches). */
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageReference {
  let rest = image;
  const reference: ImageReference = { name: image };
  const at = rest.indexOf('@');
  if (at >= 0) {
    reference.digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // A colon before the last '/' belongs to a registry port (localhost:5000/app), not to a tag.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    reference.tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  reference.name = rest;
  return reference;
}

/** The labels selectors use: immutable fields, so only what never changes for a service. */
export function selectorLabels(serviceName: string, settings: ProjectSettings): Record<string, string> {
  return { [LABEL_NAME]: serviceName, [LABEL_PART_OF]: settings.name };
}

/** Labels of every object of a service and of its pod template. */
export function serviceLabels(service: NormalizedService, settings: ProjectSettings): Record<string, string> {
  const labels: Record<string, string> = {
    ...service.labels,
    ...selectorLabels(service.name, settings),
    [LABEL_MANAGED_BY]: 'twinform',
    [LABEL_COMPONENT]: service.workload,
  };
  const tag = service.image === undefined ? undefined : parseImage(service.image).tag;
  if (tag !== undefined && isLabelValue(tag)) labels[LABEL_VERSION] = tag;
  return labels;
}

/** Labels of objects shared by several services (ExternalSecrets). */
export function projectLabels(settings: ProjectSettings): Record<string, string> {
  return { [LABEL_PART_OF]: settings.name, [LABEL_MANAGED_BY]: 'twinform' };
}

/** A DNS-1123 label made from free text (file names, secret names): lowercase, '-' for anything else. */
export function dnsLabel(text: string): string {
  return toLabel(text) ?? '';
}

/** The name env values use for an env file's ConfigMap (one definition, shared with validation). */
export { envFileConfigName } from '@twinform/spec';

/** Project-relative path of a file a service references, relative to its folder. */
export function serviceRelativePath(dir: string, file: string): string {
  return posix.normalize(posix.join(dir, file)).replace(/^\.\//, '');
}

export const configMapName = (service: string, config: string): string => `${service}-${config}`;
export const claimName = (service: string, volume: string): string => `${service}-${volume}`;
export const headlessServiceName = (service: string): string => `${service}-headless`;
