/**
 * Name rules of the targets. Kubernetes validates names with these exact patterns, so a spec
 * that passes here cannot be rejected by the API server for its names.
 */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SERVICE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** Service names end up in CronJob names, which Kubernetes limits to 52 characters (Job names get an 11-character suffix). */
export const MAX_SERVICE_NAME_LENGTH = 52;

/** RFC 1123 label: namespaces, environment names, the project name, config and volume names. */
export const isDns1123Label = (name: string): boolean => name.length <= 63 && LABEL.test(name);

/** RFC 1123 subdomain: Secret and ConfigMap names, host names. */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && name.split('.').every((part) => LABEL.test(part));
}

/** RFC 1035 label (starts with a letter): Kubernetes Service names. */
export const isDns1035Label = (name: string): boolean => name.length <= 63 && LABEL_1035.test(name);

/** IANA_SVC_NAME: container port names. */
export const isIanaServiceName = (name: string): boolean =>
  name.length <= 15 && IANA_SERVICE_NAME.test(name) && /[a-z]/.test(name) && !name.includes('--');

/** An Ingress host: a DNS subdomain, optionally with a leading `*.` wildcard. */
export const isIngressHost = (host: string): boolean =>
  isDns1123Subdomain(host.startsWith('*.') ? host.slice(2) : host) && host.includes('.');

/** A key inside a Secret or ConfigMap. */
export const isSecretKey = (key: string): boolean => key.length <= 253 && SECRET_KEY.test(key);

/** A label or annotation key: optional DNS-subdomain prefix and '/', then a 63-character name. */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || !isDns1123Subdomain(prefix))) return false;
  return name.length > 0 && name.length <= 63 && LABEL_VALUE.test(name);
}

export const isLabelValue = (value: string): boolean => value.length <= 63 && LABEL_VALUE.test(value);

/**
 * The nearest valid label to a rejected name (`Backend_API` → `backend-api`), for hints;
 * undefined when nothing sensible remains.
 */
export function toLabel(name: string, maxLength = 63, mustStartWithLetter = false): string | undefined {
  let label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (mustStartWithLetter) label = label.replace(/^[^a-z]+/, '');
  label = label.slice(0, maxLength).replace(/-+$/, '');
  return label.length > 0 ? label : undefined;
}

/**
 * The name an env file is known by (`{ config: NAME, key }` and its ConfigMap): the file name
 * without leading dots and without its extension (`config/app.env` → `app`, `.env` → `env`).
 */
export function envFileConfigName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/^\.+/, '');
  const dot = base.lastIndexOf('.');
  // The name becomes part of a ConfigMap name, so it must be a DNS label whatever the file is called.
  return toLabel(dot > 0 ? base.slice(0, dot) : base) ?? '';
}
