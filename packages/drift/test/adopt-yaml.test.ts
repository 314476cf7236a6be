import fc from 'fast-check';
import { parse } from 'yaml';
import { specValidators } from '@twinform/spec';
import { editYaml } from '../src/adopt';
import { matchLines } from '../src/adopt/line-diff';
import { schemaKeyOrder } from '../src/adopt/schema-order';

const SERVICE = [
  '# yaml-language-server: $schema=../../schemas/service.schema.json',
  '#',
  '# The web app.',
  'name: frontend',
  '',
  'ports:',
  '  # One named port.',
  '  - name: http',
  '    port: 3000 # the container listens here',
  '    expose: ingress',
  '    ingress:',
  '      # Every path.',
  '      - host: app.localhost',
  '        path: /',
  '',
  'command: [node]',
  'env:',
  "  LEVEL: 'info'",
  'resources:',
  '  requests: { cpu: 50m, memory: 64Mi }',
  '',
].join('\n');

const serviceOrder = schemaKeyOrder(specValidators().schemas, 'service');

function edited(operations: Parameters<typeof editYaml>[1]): string {
  const result = editYaml(SERVICE, operations, serviceOrder);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('editYaml', () => {
  it('changes one value where it is written and leaves every other byte alone', () => {
    const text = edited([{ op: 'replace', path: '/ports/0/port', value: 3005 }]);
    expect(text).toBe(SERVICE.replace('port: 3000 #', 'port: 3005 #'));
  });

  it('keeps the quoting of a string it changes', () => {
    const text = edited([{ op: 'replace', path: '/env/LEVEL', value: 'debug' }]);
    expect(text).toBe(SERVICE.replace("LEVEL: 'info'", "LEVEL: 'debug'"));
  });

  it('puts a new key where the schema orders it (hostPort after expose, before ingress)', () => {
    const text = edited([{ op: 'add', path: '/ports/0/hostPort', value: 3005 }]);
    expect(text).toBe(SERVICE.replace('    expose: ingress\n', '    expose: ingress\n    hostPort: 3005\n'));
  });

  it('changes a value inside a flow mapping and keeps the other flow collections as written', () => {
    const text = edited([{ op: 'replace', path: '/resources/requests/memory', value: '128Mi' }]);
    expect(text).toBe(SERVICE.replace('memory: 64Mi', 'memory: 128Mi'));
    expect(text).toContain('command: [node]');
  });

  it('adds a nested value under a key that does not exist yet, and removes keys', () => {
    const text = edited([
      { op: 'add', path: '/environments', value: { prod: { replicas: 3 } } },
      { op: 'remove', path: '/command' },
    ]);
    expect(parse(text)).toMatchObject({ environments: { prod: { replicas: 3 } } });
    expect(parse(text)).not.toHaveProperty('command');
    expect(text).toContain('    port: 3000 # the container listens here\n');
    expect(text).toContain('  # One named port.\n');
    expect(text.endsWith('environments:\n  prod:\n    replicas: 3\n')).toBe(true);
  });

  it('appends list items with -', () => {
    const text = edited([{ op: 'add', path: '/ports/-', value: { name: 'admin', port: 9000 } }]);
    expect((parse(text) as { ports: unknown[] }).ports).toEqual([
      { name: 'http', port: 3000, expose: 'ingress', ingress: [{ host: 'app.localhost', path: '/' }] },
      { name: 'admin', port: 9000 },
    ]);
  });

  it('says why an operation cannot be applied', () => {
    expect(editYaml(SERVICE, [{ op: 'replace', path: '/nothing/here', value: 1 }])).toEqual({
      ok: false,
      reason: 'replace /nothing/here: its parent does not exist',
    });
    expect(editYaml('a: [1\n', [])).toMatchObject({ ok: false });
  });
});

describe('matchLines', () => {
  /** The length of a longest common subsequence, by dynamic programming. */
  function lcsLength(a: readonly string[], b: readonly string[]): number {
    const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i -= 1) {
      for (let j = b.length - 1; j >= 0; j -= 1) {
        table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
      }
    }
    return table[0]![0]!;
  }

  it('finds a longest common subsequence of equal lines, in order', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        const pairs = matchLines(a, b);
        expect(pairs.length).toBe(lcsLength(a, b));
        pairs.forEach(([i, j], index) => {
          expect(a[i]).toBe(b[j]);
          if (index > 0) {
            expect(i).toBeGreaterThan(pairs[index - 1]![0]);
            expect(j).toBeGreaterThan(pairs[index - 1]![1]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
