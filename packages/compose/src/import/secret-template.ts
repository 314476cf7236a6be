/**
 * How the generator writes an env value read from a secret (toCompose secretEnv):
 * `${VAR:?secret NAME key KEY is not set: put VAR=... in .env (git-ignored)}`. The importer
 * recognises it before interpolation, so a generated file imports back to `{ secret, key }`
 * whether or not VAR is set, and a secret value from .env never lands in a spec.
 */
export interface SecretTemplate {
  variable: string;
  secret: string;
  key: string;
}

const SECRET_TEMPLATE =
  /^\$\{([A-Za-z_][A-Za-z0-9_]*):\?secret (\S+) key (\S+) is not set: put ([A-Za-z_][A-Za-z0-9_]*)=\.\.\. in \.env \(git-ignored\)\}$/;

export function parseSecretTemplate(value: string): SecretTemplate | undefined {
  const match = SECRET_TEMPLATE.exec(value);
  if (!match || match[1] !== match[4]) return undefined;
  return { variable: match[1]!, secret: match[2]!, key: match[3]! };
}
