import { renderDocument } from '@twinform/spec';
import fc from 'fast-check';
import { blockwiseOperations, wholeFileOperations } from '../src/diff';
import type { DriftOperation } from '../src';

const service = (name: string, port: number, extra: Record<string, unknown> = {}) => ({
  image: `ghcr.io/acme/${name}:1.0.0`,
  environment: { MODE: 'prod', PORT: String(port), 'app.kubernetes.io/name': name },
  ports: [`${port}:${port}`],
  healthcheck: { test: ['CMD-SHELL', `wget -q -O /dev/null http://127.0.0.1:${port}/readyz\nexit 0`], retries: 3 },
  deploy: { resources: { limits: { cpus: '0.5', memory: '256M' } } },
  ...extra,
});

const compose = (services: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  renderDocument({
    path: 'docker-compose.yml',
    value: { name: 'shop', services, ...extra },
    sources: ['services/a/service.yaml'],
  }).content;

const sorted = (operations: DriftOperation[]) =>
  [...operations].sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : a.op.localeCompare(b.op)));

function expectSameAsWholeFile(committed: string, expected: string): DriftOperation[] {
  const blockwise = blockwiseOperations(committed, expected);
  if (blockwise === undefined) throw new Error('the blockwise diff fell back to parsing the whole file');
  expect(sorted(blockwise)).toEqual(sorted(wholeFileOperations(committed, expected) as DriftOperation[]));
  return blockwise;
}

describe('blockwiseOperations', () => {
  it('finds the same operations, paths and lines as a whole-file parse', () => {
    const committed = compose({ api: service('api', 3001), web: service('web', 3000), db: service('db', 5432) });
    const expected = compose(
      { api: service('api', 3002), web: service('web', 3000, { restart: 'no' }), cache: service('cache', 6379) },
      { volumes: { data: {} } },
    );
    const operations = expectSameAsWholeFile(committed, expected);
    expect(operations.map((operation) => operation.path)).toEqual(
      expect.arrayContaining([
        'services.api.environment.PORT',
        'services.api.ports[0]',
        'services.api.healthcheck.test[1]',
        'services.web.restart',
        'services.db',
        'services.cache',
        'volumes',
      ]),
    );
  });

  it('agrees with a whole-file parse for any change of values (property)', () => {
    const port = fc.integer({ min: 1, max: 65535 });
    const name = fc.constantFrom('api', 'web', 'db', 'worker');
    const services = fc.dictionary(
      name,
      fc.record({ port, extra: fc.dictionary(fc.constantFrom('restart', 'user', 'command'), fc.string()) }),
    );
    let compared = 0;
    fc.assert(
      fc.property(services, services, (before, after) => {
        const render = (chosen: typeof before) =>
          compose(
            Object.fromEntries(
              Object.entries(chosen).map(([key, { port: p, extra }]) => [key, service(key, p, extra)]),
            ),
          );
        const committed = render(before);
        const expected = render(after);
        // A fallback is always correct (it is the whole-file parse); what matters is that answers agree.
        const blockwise = blockwiseOperations(committed, expected);
        if (blockwise === undefined) return;
        compared += 1;
        expect(sorted(blockwise)).toEqual(sorted(wholeFileOperations(committed, expected) as DriftOperation[]));
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(150);
  });

  it.each([
    ['a comment between keys', (text: string) => text.replace('\nservices:', '\n# mine\nservices:')],
    ['an alias', (text: string) => text.replace('retries: 3', 'retries: *three')],
    ['a flow mapping at the top', () => '{name: shop}\n'],
    ['a tab in an indentation', (text: string) => text.replace('  api:', '\tapi:')],
    ['a duplicate key', (text: string) => `${text}name: again\n`],
  ])('falls back to a whole-file parse on %s', (_case, edit) => {
    const expected = compose({ api: service('api', 3001) });
    expect(blockwiseOperations(edit(expected), compose({ api: service('api', 3002) }))).toBeUndefined();
  });

  it('copes with a hand edit that re-indents a block', () => {
    const expected = compose({ api: service('api', 3001) });
    const committed = expected.replace(/^ {4}image: (.*)$/m, '    image:\n          $1');
    expect(expectSameAsWholeFile(committed, expected)).toEqual([]);
  });
});
