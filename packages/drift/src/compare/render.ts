import { formatValue } from '../render';
import type { CompareReport, Difference, SideValue } from './types';

export interface CompareRenderOptions {
  color: boolean;
  /** Column widths are capped so a table stays readable on a terminal. */
  maxValueWidth?: number;
}

const KIND_TEXT: Record<Difference['kind'], string> = {
  'only-in-compose': 'only in compose',
  'only-in-kubernetes': 'only in Kubernetes',
  different: 'differs',
  'kubernetes-inconsistency': 'Kubernetes inconsistency',
};

function cell(value: SideValue, width: number): { value: string; where: string } {
  const text =
    value.value === null || value.value === undefined
      ? '—'
      : typeof value.value === 'string'
        ? value.value
        : formatValue(value.value);
  const shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  const where = value.file === undefined ? '' : value.line === undefined ? value.file : `${value.file}:${value.line}`;
  return { value: shown, where };
}

/**
 * The human form of a compare report: one table per service, a row per difference with both
 * values and where each is written, the reason under the row when there is one.
 */
export function renderCompareReport(report: CompareReport, options: CompareRenderOptions): string {
  const width = options.maxValueWidth ?? 40;
  const paint = (code: number) => (text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const bold = paint(1);
  const dim = paint(2);
  const red = paint(31);
  const green = paint(32);
  const lines: string[] = [];
  for (const match of report.matches.filter((candidate) => candidate.by === 'image')) {
    lines.push(
      dim(
        `compose service ${match.compose} and Kubernetes workload ${match.kubernetes} are matched by their image repository`,
      ),
    );
  }
  if (lines.length > 0) lines.push('');
  const services = [...new Set(report.differences.map((difference) => difference.service))];
  for (const service of services) {
    const rows = report.differences
      .filter((difference) => difference.service === service)
      .map((difference) => {
        const compose = cell(difference.compose, width);
        const kubernetes = cell(difference.kubernetes, width);
        return { difference, field: difference.field, compose, kubernetes, kind: KIND_TEXT[difference.kind] };
      });
    const columns = {
      field: Math.max(5, ...rows.map((row) => row.field.length)),
      compose: Math.max(7, ...rows.map((row) => row.compose.value.length)),
      composeWhere: Math.max(0, ...rows.map((row) => row.compose.where.length)),
      kubernetes: Math.max(10, ...rows.map((row) => row.kubernetes.value.length)),
      kubernetesWhere: Math.max(0, ...rows.map((row) => row.kubernetes.where.length)),
    };
    lines.push(bold(service));
    lines.push(
      dim(
        `  ${'FIELD'.padEnd(columns.field)}  ${'COMPOSE'.padEnd(columns.compose + columns.composeWhere + 2)}  ${'KUBERNETES'.padEnd(columns.kubernetes + columns.kubernetesWhere + 2)}  WHAT`.trimEnd(),
      ),
    );
    for (const row of rows) {
      const compose = `${row.compose.value.padEnd(columns.compose)}  ${dim(row.compose.where.padEnd(columns.composeWhere))}`;
      const kubernetes = `${row.kubernetes.value.padEnd(columns.kubernetes)}  ${dim(row.kubernetes.where.padEnd(columns.kubernetesWhere))}`;
      lines.push(`  ${row.field.padEnd(columns.field)}  ${compose}  ${kubernetes}  ${red(row.kind)}`.trimEnd());
      if (row.difference.note) lines.push(`  ${' '.repeat(columns.field)}  ${dim(row.difference.note)}`);
    }
    lines.push('');
  }
  const count = report.differences.length;
  const unread = report.issues.some((issue) => issue.severity === 'error');
  if (count === 0 && unread) {
    lines.push(`${red('✗')} no differences in what could be read, but some input could not be read (see the errors)`);
  } else if (count === 0) {
    lines.push(
      `${green('✓')} compose and Kubernetes describe the same system (${report.matches.length} service${report.matches.length === 1 ? '' : 's'} compared)`,
    );
  } else {
    lines.push(
      `${red('✗')} ${count} difference${count === 1 ? '' : 's'} in ${services.length} service${services.length === 1 ? '' : 's'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
