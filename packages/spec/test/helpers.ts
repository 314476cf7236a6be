import { createMemorySource, formatLocation, loadProject } from '@twinform/spec';
import type { Issue, LoadResult } from '@twinform/spec';

export const PROJECT_FILE = `name: shop
environments:
  dev:
    local: true
  prod:
    namespace: shop-prod
`;

export const BACKEND = `name: backend
image: ghcr.io/shop/backend:1.0.0
ports:
  - name: http
    port: 3001
    expose: ingress
    ingress:
      - host: shop.example.com
        path: /api
health:
  readiness:
    http:
      port: http
      path: /healthz
`;

/** Loads an in-memory project; twinform.yaml defaults to PROJECT_FILE. */
export function load(files: Record<string, string>): LoadResult {
  return loadProject(createMemorySource({ 'twinform.yaml': PROJECT_FILE, ...files }));
}

/** Loads the backend plus one service 'web' written as `spec` in services/web/service.yaml. */
export function loadWeb(spec: string, extraFiles: Record<string, string> = {}): LoadResult {
  return load({ 'services/backend/service.yaml': BACKEND, 'services/web/service.yaml': spec, ...extraFiles });
}

/** `file:line:col message (hint)`, the way the CLI prints an issue. */
export function render(issue: Issue): string {
  return `${formatLocation(issue)} ${issue.message}${issue.hint ? ` (hint: ${issue.hint})` : ''}`;
}

export const errorsOf = (result: LoadResult): string[] => result.errors.map(render);
export const warningsOf = (result: LoadResult): string[] => result.warnings.map(render);

/** The one error a broken spec must produce; fails with the full list when there are more or none. */
export function onlyError(result: LoadResult): string {
  const errors = errorsOf(result);
  if (errors.length !== 1) throw new Error(`expected exactly one error, got ${errors.length}:\n${errors.join('\n')}`);
  return errors[0] as string;
}

export function onlyWarning(result: LoadResult): string {
  const warnings = warningsOf(result);
  if (warnings.length !== 1)
    throw new Error(`expected exactly one warning, got ${warnings.length}:\n${warnings.join('\n')}`);
  return warnings[0] as string;
}
