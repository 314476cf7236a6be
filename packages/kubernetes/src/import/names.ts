/** Name rules of the spec, applied to names found in manifests (which follow looser rules). */

/** A DNS-1123 label (optionally starting with a letter), at most `maxLength` long; undefined when nothing is left. */
export function toDnsLabel(text: string, maxLength: number, startWithLetter = false): string | undefined {
  const valid = startWithLetter ? /^[a-z]([-a-z0-9]*[a-z0-9])?$/ : /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
  if (text.length <= maxLength && valid.test(text)) return text;
  let label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (startWithLetter) label = label.replace(/^[^a-z]+/, '');
  label = label.slice(0, maxLength).replace(/-+$/, '');
  return label.length > 0 ? label : undefined;
}

/** Service names: DNS-1035 labels of at most 52 characters (CronJob names are limited to 52). */
export const toServiceName = (text: string): string | undefined => toDnsLabel(text, 52, true);

const IANA_SERVICE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export const isPortName = (name: string): boolean =>
  name.length <= 15 && IANA_SERVICE_NAME.test(name) && /[a-z]/.test(name) && !name.includes('--');

/** A port name (IANA service name: 15 characters, a letter, no '--'); undefined when nothing usable is left. */
export function toPortName(text: string): string | undefined {
  const label = toDnsLabel(text, 15);
  return label !== undefined && isPortName(label) ? label : undefined;
}
