import { BACKEND, errorsOf, load, loadWeb, onlyError, warningsOf } from './helpers';

const THREE_ENVIRONMENTS = 'name: shop\nenvironments:\n  dev: { local: true }\n  staging: {}\n  prod: {}\n';

describe('environment overrides are validated as merged specs', () => {
  test('an override that breaks a rule is reported at the override, with the environment named', () => {
    const spec =
      'name: web\nimage: nginx:1.27\nreplicas: 2\nenvironments:\n  prod:\n    autoscaling: { maxReplicas: 5 }\n';
    expect(onlyError(loadWeb(spec))).toBe(
      'services/web/service.yaml:6:18 environment prod: environments.prod.autoscaling: replicas and autoscaling are both set (hint: remove replicas: the HorizontalPodAutoscaler sets the count (compose runs minReplicas))',
    );
  });

  test('null removes a value, so the override can fix the combination', () => {
    const spec =
      'name: web\nimage: nginx:1.27\nautoscaling: { maxReplicas: 5 }\nenvironments:\n  prod:\n    autoscaling: null\n    replicas: 2\n';
    expect(errorsOf(loadWeb(spec))).toEqual([]);
  });

  test('a problem of the base spec is reported once, not once per environment', () => {
    const spec = 'name: web\nimage: nginx:1.27\ndependsOn: [nothere]\nenvironments:\n  prod:\n    replicas: 3\n';
    expect(onlyError(loadWeb(spec))).toBe(
      "services/web/service.yaml:3:13 dependsOn[0]: depends on 'nothere', which is not a service of this project (hint: services in this project: backend, web)",
    );
  });

  test('ports merged by name: an override port is checked where it is written', () => {
    const backend = `${BACKEND}environments:\n  prod:\n    ports:\n      - name: http\n        ingress:\n          - host: Shop.example.com\n`;
    expect(onlyError(load({ 'services/backend/service.yaml': backend }))).toBe(
      "services/backend/service.yaml:20:19 environment prod: environments.prod.ports[0].ingress[0].host: ingress host 'Shop.example.com' is not a valid host name (hint: write a lowercase DNS name such as app.example.com (a leading *. is allowed): 'shop.example.com')",
    );
  });

  test('an override that adds an incomplete named item fails the schema in that environment', () => {
    const backend = `${BACKEND}environments:\n  prod:\n    ports:\n      - name: metrics\n        expose: internal\n`;
    expect(onlyError(load({ 'services/backend/service.yaml': backend }))).toBe(
      "services/backend/service.yaml:18:9 environment prod: environments.prod.ports[0]: missing required field 'port' (hint: add port: … (Port number the container listens on))",
    );
  });

  test('cross-service rules see every service in the environment', () => {
    const web = 'name: web\nimage: nginx:1.27\nenv:\n  API: http://${backend.http}\n';
    const backend = `${BACKEND}environments:\n  prod:\n    ports:\n      - name: http\n        port: 3002\n`;
    expect(errorsOf(load({ 'services/backend/service.yaml': backend, 'services/web/service.yaml': web }))).toEqual([]);
    const renamed = BACKEND.replace('name: http', 'name: api').replace('port: http', 'port: api');
    const broken = `${renamed}environments:\n  prod:\n    external: { host: db.example.com }\n`;
    expect(onlyError(load({ 'services/backend/service.yaml': broken, 'services/web/service.yaml': web }))).toContain(
      "services/web/service.yaml:4:8 env.API: API refers to ${backend.http}, but service 'backend' has no port named 'http'",
    );
  });

  test('the same problem in several environments is one issue naming them all', () => {
    const spec =
      'name: web\nimage: nginx:1.27\nautoscaling: { maxReplicas: 5 }\nenvironments:\n  staging:\n    replicas: 1\n  prod:\n    replicas: 3\n';
    const result = load({ 'twinform.yaml': THREE_ENVIRONMENTS, 'services/web/service.yaml': spec });
    expect(errorsOf(result)).toEqual([
      'services/web/service.yaml:3:14 environments prod, staging: autoscaling: replicas and autoscaling are both set (hint: remove replicas: the HorizontalPodAutoscaler sets the count (compose runs minReplicas))',
    ]);
  });

  test('a secret-looking literal added by an override is a warning for that environment', () => {
    const spec = 'name: web\nimage: nginx:1.27\nenvironments:\n  prod:\n    env:\n      API_TOKEN: abc123\n';
    expect(warningsOf(loadWeb(spec))).toEqual([
      'services/web/service.yaml:6:18 environment prod: environments.prod.env.API_TOKEN: API_TOKEN looks like a secret but has a literal value, which would be committed in docker-compose.yml and the manifests (hint: read it from a secret: API_TOKEN: { secret: api-token })',
    ]);
  });

  test('files referenced only by an override are read and checked', () => {
    const spec = 'name: web\nimage: nginx:1.27\nenvironments:\n  prod:\n    envFiles: [prod.env]\n';
    expect(onlyError(loadWeb(spec))).toBe(
      'services/web/service.yaml:5:16 environment prod: environments.prod.envFiles[0]: env file services/web/prod.env cannot be read (no such file) (hint: create it, or fix the path (relative to services/web))',
    );
    const result = loadWeb(spec, { 'services/web/prod.env': 'A=1\n' });
    expect(result.errors).toEqual([]);
    expect(result.value?.assets).toEqual({ 'services/web/prod.env': 'A=1\n' });
  });
});
