import type { ProjectSettings } from '@twinform/spec';
import type { DiskProjectSource } from './disk-source';

/**
 * Existing files in the places `gen` owns: the compose file and everything under the Kubernetes
 * folder. Only those that carry the twinform header are ever deleted as stale.
 */
export function managedFiles(
  source: DiskProjectSource,
  settings: Pick<ProjectSettings, 'composeFile' | 'kubernetesDir'>,
): string[] {
  const files = new Set(source.listFolder(settings.kubernetesDir));
  if (source.readFile(settings.composeFile).ok) files.add(settings.composeFile);
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
