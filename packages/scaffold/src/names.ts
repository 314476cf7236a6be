import { isDns1035Label, makeIssue, MAX_SERVICE_NAME_LENGTH, type Issue } from '@twinform/spec';

/**
 * Splits an identifier into lowercase words at separators and case changes, so every case helper
 * agrees on where words start: 'payments-api', 'paymentsApi', 'PAYMENTS_API' → ['payments', 'api'].
 */
export function nameWords(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export const kebabCase = (value: string): string => nameWords(value).join('-');
export const snakeCase = (value: string): string => nameWords(value).join('_');
export const upperSnakeCase = (value: string): string => snakeCase(value).toUpperCase();
export const pascalCase = (value: string): string => nameWords(value).map(capitalize).join('');
export const titleCase = (value: string): string => nameWords(value).map(capitalize).join(' ');
export function camelCase(value: string): string {
  const [first = '', ...rest] = nameWords(value);
  return first + rest.map(capitalize).join('');
}

/** The name cases templates use, keyed by helper name (`{{pascal name}}`). */
export const NAME_CASES: Readonly<Record<string, (value: string) => string>> = {
  kebab: kebabCase,
  camel: camelCase,
  pascal: pascalCase,
  snake: snakeCase,
  upperSnake: upperSnakeCase,
  title: titleCase,
};

export const isServiceName = (value: string): boolean =>
  value.length <= MAX_SERVICE_NAME_LENGTH && isDns1035Label(value);

/** A printable form of user input for messages: control characters shown as escapes. */
function describeInput(value: string): string {
  return JSON.stringify(value);
}

/**
 * Checks a new service's name before anything touches the disk. The name becomes a folder, a compose
 * service, a host name and Kubernetes object names, so it must be a DNS-1035 label; anything that
 * looks like a path is refused explicitly, because it would otherwise escape services/<NAME>/.
 */
export function checkServiceName(value: string): Issue[] {
  const shown = describeInput(value);
  const expected =
    `use lowercase letters, digits and '-', start with a letter, end with a letter or digit, ` +
    `at most ${MAX_SERVICE_NAME_LENGTH} characters (a DNS-1035 label), e.g. 'payments'`;
  const fail = (message: string, hint: string = expected): Issue[] => [
    makeIssue('error', 'invalid-value', message, { hint }),
  ];

  if (value.length === 0) return fail('The service name is empty.');
  if (value.includes('\0')) return fail(`The service name ${shown} contains a NUL character.`);
  if (/^[/\\]|^[A-Za-z]:[/\\]/.test(value)) {
    return fail(`The service name ${shown} is an absolute path; give a name, not a path.`);
  }
  if (/[/\\]/.test(value) || value === '.' || value === '..') {
    return fail(
      `The service name ${shown} is a path; the service is always created in services/<NAME>/, so give only the name.`,
    );
  }
  if (value.length > MAX_SERVICE_NAME_LENGTH) {
    return fail(`The service name ${shown} has ${value.length} characters; at most ${MAX_SERVICE_NAME_LENGTH} fit.`);
  }
  if (!isDns1035Label(value)) {
    const suggestion = kebabCase(value).replace(/^[^a-z]+/, '');
    const didYouMean = suggestion && isServiceName(suggestion) ? `; did you mean '${suggestion}'?` : '';
    return fail(`The service name ${shown} is not a DNS-1035 label.`, `${expected}${didYouMean}`);
  }
  return [];
}
