import type { ServiceSpec } from '@twinform/spec';
import { toKubernetes } from '../src';
import { documentAt, paths, project } from './helpers';

const at = (result: ReturnType<typeof toKubernetes>, service: string, file: string) =>
  documentAt(result.documents, `k8s/base/${service}/${file}`);
const has = (result: ReturnType<typeof toKubernetes>, service: string, file: string) =>
  paths(result.documents).includes(`k8s/base/${service}/${file}`);

describe('HorizontalPodAutoscaler', () => {
  const web: ServiceSpec = {
    name: 'web',
    image: 'web:1',
    replicas: 3,
    resources: { requests: { cpu: '100m', memory: '128Mi' } },
    autoscaling: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 75, memoryUtilization: 80 },
  };

  it('scales the workload on CPU and memory utilization', () => {
    const hpa = at(toKubernetes(project([web])), 'web', 'hpa.yaml');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } },
      ],
    });
  });

  it('leaves replicas off an autoscaled workload, so applying never fights the autoscaler', () => {
    const result = toKubernetes(project([web, { ...web, name: 'db', workload: 'stateful' }]));
    expect('replicas' in at(result, 'web', 'deployment.yaml').spec).toBe(false);
    expect('replicas' in at(result, 'db', 'statefulset.yaml').spec).toBe(false);
    expect(at(result, 'db', 'hpa.yaml').spec.scaleTargetRef.kind).toBe('StatefulSet');
  });

  it('advises requests when scaling on a resource without them', () => {
    const result = toKubernetes(
      project([{ name: 'web', image: 'web:1', autoscaling: { maxReplicas: 3, cpuUtilization: 50 } }]),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'advice', pointer: '/autoscaling/cpuUtilization' }),
    );
  });
});

describe('PodDisruptionBudget', () => {
  const pdbOf = (spec: Partial<ServiceSpec>) => {
    const result = toKubernetes(project([{ name: 'api', image: 'api:1', ...spec } as ServiceSpec]));
    return has(result, 'api', 'pdb.yaml') ? at(result, 'api', 'pdb.yaml').spec : undefined;
  };
  const selector = { matchLabels: { 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/part-of': 'shop' } };

  it('exists with maxUnavailable 1 when replicas or minReplicas > 1', () => {
    expect(pdbOf({ replicas: 2 })).toEqual({ maxUnavailable: 1, selector });
    expect(pdbOf({ autoscaling: { minReplicas: 2, maxReplicas: 4 } })).toEqual({ maxUnavailable: 1, selector });
  });

  it('does not exist for a single pod or when disabled', () => {
    expect(pdbOf({})).toBeUndefined();
    expect(pdbOf({ replicas: 1 })).toBeUndefined();
    expect(pdbOf({ autoscaling: { maxReplicas: 4 } })).toBeUndefined();
    expect(pdbOf({ replicas: 3, disruption: { enabled: false } })).toBeUndefined();
  });

  it('takes the budget the spec chooses', () => {
    expect(pdbOf({ replicas: 3, disruption: { minAvailable: '50%' } })).toEqual({ minAvailable: '50%', selector });
    expect(pdbOf({ replicas: 3, disruption: { maxUnavailable: 2 } })).toEqual({ maxUnavailable: 2, selector });
  });
});

describe('NetworkPolicy', () => {
  const services: ServiceSpec[] = [
    {
      name: 'web',
      image: 'web:1',
      ports: [
        { name: 'http', port: 80, expose: 'ingress', ingress: [{ path: '/' }] },
        { name: 'metrics', port: 9100 },
      ],
      dependsOn: ['api'],
    },
    {
      name: 'api',
      image: 'api:1',
      ports: [
        { name: 'http', port: 3000 },
        { name: 'dns', port: 53, protocol: 'UDP' },
      ],
      allowFrom: ['worker'],
    },
    { name: 'worker', image: 'worker:1', dependsOn: ['api'] },
    { name: 'lonely', image: 'lonely:1', ports: [{ name: 'http', port: 80 }] },
  ];
  const selector = (name: string) => ({
    matchLabels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'shop' },
  });

  it('admits services that depend on it or are in allowFrom, on its ports', () => {
    const policy = at(toKubernetes(project(services)), 'api', 'networkpolicy.yaml');
    expect(policy.apiVersion).toBe('networking.k8s.io/v1');
    expect(policy.spec).toEqual({
      podSelector: selector('api'),
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ podSelector: selector('web') }, { podSelector: selector('worker') }],
          ports: [{ port: 'http' }, { port: 'dns', protocol: 'UDP' }],
        },
      ],
    });
  });

  it('admits the ingress controller namespace on ingress ports only', () => {
    const result = toKubernetes(project(services, { kubernetes: { ingressControllerNamespace: 'traefik' } }));
    expect(at(result, 'web', 'networkpolicy.yaml').spec.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } } }],
        ports: [{ port: 'http' }],
      },
    ]);
  });

  it('denies all ingress to a service nobody calls', () => {
    const spec = at(toKubernetes(project(services)), 'lonely', 'networkpolicy.yaml').spec;
    expect(spec).toEqual({ podSelector: selector('lonely'), policyTypes: ['Ingress'] });
  });

  it('is not generated when networkPolicies is false', () => {
    const result = toKubernetes(project(services, { kubernetes: { networkPolicies: false } }));
    expect(paths(result.documents).some((path) => path.endsWith('networkpolicy.yaml'))).toBe(false);
  });

  it('warns when an env reference calls a service its policy does not admit', () => {
    const result = toKubernetes(
      project([...services, { name: 'cli', image: 'cli:1', env: { API: 'http://${lonely.http}' } }]),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'advice',
        file: 'services/cli/service.yaml',
        pointer: '/env/API',
      }),
    );
  });
});
