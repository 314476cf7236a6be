import {
  KUBERNETES_KEY_ORDER,
  envFileConfigName,
  kubernetesQuantity,
  orderKubernetesObject,
  parseEnvFile,
  parseImage,
} from '../src';

describe('orderKubernetesObject', () => {
  it('puts top-level keys in the fixed order and keeps the rest after them', () => {
    const ordered = orderKubernetesObject({
      extra: 1,
      data: { b: '2', a: '1' },
      spec: {},
      metadata: { name: 'x' },
      kind: 'ConfigMap',
      apiVersion: 'v1',
    });
    expect(Object.keys(ordered)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'data', 'extra']);
    expect(Object.keys(ordered.data)).toEqual(['a', 'b']);
  });

  it('orders metadata at any depth and sorts labels, annotations and selectors', () => {
    const ordered = orderKubernetesObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { annotations: { z: '1', a: '2' }, labels: { b: '1', a: '2' }, namespace: 'ns', name: 'x' },
      spec: {
        selector: { matchLabels: { z: '1', a: '1' } },
        template: { metadata: { annotations: { y: '1', b: '1' }, labels: { d: '1', c: '1' } }, spec: {} },
      },
    });
    expect(Object.keys(ordered.metadata)).toEqual(['name', 'namespace', 'labels', 'annotations']);
    expect(Object.keys(ordered.metadata.labels)).toEqual(['a', 'b']);
    expect(Object.keys(ordered.metadata.annotations)).toEqual(['a', 'z']);
    expect(Object.keys(ordered.spec.selector.matchLabels)).toEqual(['a', 'z']);
    expect(Object.keys(ordered.spec.template.metadata)).toEqual(['labels', 'annotations']);
    expect(Object.keys(ordered.spec.template.metadata.labels)).toEqual(['c', 'd']);
  });

  it('sorts a Service selector map but keeps list order and drops undefined values', () => {
    const ordered = orderKubernetesObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: undefined },
      spec: { selector: { b: '1', a: '1' }, ports: [{ name: 'z' }, { name: 'a' }] },
    });
    expect(Object.keys(ordered.spec.selector)).toEqual(['a', 'b']);
    expect(ordered.spec.ports.map((port: { name: string }) => port.name)).toEqual(['z', 'a']);
    expect('namespace' in ordered.metadata).toBe(false);
  });

  it('exports the key order it applies', () => {
    expect(KUBERNETES_KEY_ORDER.object.slice(0, 4)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(KUBERNETES_KEY_ORDER.metadata).toEqual(['name', 'namespace', 'labels', 'annotations']);
  });
});

describe('kubernetesQuantity', () => {
  it.each([
    [0.5, '500m'],
    [0.25, '250m'],
    [2, '2'],
    ['250m', '250m'],
    [' 1Gi ', '1Gi'],
  ])('%p -> %p', (input, expected) => expect(kubernetesQuantity(input)).toBe(expected));
});

describe('parseImage', () => {
  it.each([
    ['nginx', { name: 'nginx' }],
    ['nginx:1.27', { name: 'nginx', tag: '1.27' }],
    ['localhost:5000/app', { name: 'localhost:5000/app' }],
    ['localhost:5000/app:2.0', { name: 'localhost:5000/app', tag: '2.0' }],
    ['ghcr.io/a/b@sha256:abc', { name: 'ghcr.io/a/b', digest: 'sha256:abc' }],
  ])('%p', (image, expected) => expect(parseImage(image)).toEqual(expected));
});

describe('env files', () => {
  it('parses KEY=value lines like compose: comments, export, quotes; reports other lines', () => {
    expect(parseEnvFile('# c\n\nA=1\nexport B="two words"\nC=\'x\'\nD=a=b\nnot a pair\n')).toEqual({
      data: { A: '1', B: 'two words', C: 'x', D: 'a=b' },
      invalidLines: [7],
    });
  });

  it('names the ConfigMap after the file name without extension', () => {
    expect(envFileConfigName('config/app.env')).toBe('app');
    expect(envFileConfigName('.env')).toBe('env');
    expect(envFileConfigName('Backend_Settings.env')).toBe('backend-settings');
  });
});
