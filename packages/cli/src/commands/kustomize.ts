import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OverlayRenderer } from '@twinform/drift';
import { findOnPath } from './import-k8s';

/**
 * `kubectl kustomize` over files held in memory: they are written to a private temporary folder
 * (removed afterwards), so an overlay can be rendered as generated and as edited without touching
 * the project. undefined when kubectl is not on PATH.
 */
export function kubectlOverlayRenderer(env: Readonly<Record<string, string | undefined>>): OverlayRenderer | undefined {
  const kubectl = findOnPath('kubectl', env);
  if (kubectl === undefined) return undefined;
  return (files, folder) => {
    const root = mkdtempSync(join(tmpdir(), 'twinform-kustomize-'));
    try {
      for (const [path, content] of files) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const text = execFileSync(kubectl, ['kustomize', join(root, folder)], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: 120_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { ok: true, text };
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
      return { ok: false, reason: stderr.split('\n')[0]!.replaceAll(root, '.') };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}
