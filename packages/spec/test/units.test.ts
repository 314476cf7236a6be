import {
  createMemorySource,
  didYouMean,
  envFileConfigName,
  globToRegExp,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isIanaServiceName,
  isIngressHost,
  looksLikeSecretName,
  parseBytes,
  parseCpu,
  quantityValue,
  resolveProjectPath,
  toLabel,
} from '@twinform/spec';

describe('names', () => {
  test.each([
    ['backend', true, true],
    ['web-2', true, true],
    ['2fa', true, false],
    ['Backend', false, false],
    ['web_api', false, false],
    ['-web', false, false],
    ['web-', false, false],
    ['a'.repeat(63), true, true],
    ['a'.repeat(64), false, false],
  ])('%s: DNS-1123 label %s, DNS-1035 label %s', (name, label1123, label1035) => {
    expect(isDns1123Label(name)).toBe(label1123);
    expect(isDns1035Label(name)).toBe(label1035);
  });

  test('subdomains and ingress hosts', () => {
    expect(isDns1123Subdomain('db-password.v2')).toBe(true);
    expect(isDns1123Subdomain('db..password')).toBe(false);
    expect(isIngressHost('*.example.com')).toBe(true);
    expect(isIngressHost('shop.example.com')).toBe(true);
    expect(isIngressHost('localhost')).toBe(false);
    expect(isIngressHost('Shop.example.com')).toBe(false);
  });

  test.each([
    ['http', true],
    ['metrics-9090', true],
    ['a'.repeat(15), true],
    ['a'.repeat(16), false],
    ['8080', false],
    ['web--ui', false],
    ['HTTP', false],
    ['-http', false],
  ])('port name %s valid: %s', (name, valid) => expect(isIanaServiceName(name)).toBe(valid));

  test('toLabel suggests the nearest valid name', () => {
    expect(toLabel('My_Service')).toBe('my-service');
    expect(toLabel('--a..b--')).toBe('a-b');
    expect(toLabel('9lives', 63, true)).toBe('lives');
    expect(toLabel('___')).toBeUndefined();
  });

  test('env file config names', () => {
    expect(envFileConfigName('config/app.env')).toBe('app');
    expect(envFileConfigName('.env')).toBe('env');
    expect(envFileConfigName('settings/app.prod.env')).toBe('app-prod');
    expect(envFileConfigName('Backend_Settings.env')).toBe('backend-settings');
    expect(envFileConfigName('defaults')).toBe('defaults');
  });

  test('secret-looking env names', () => {
    for (const name of [
      'DB_PASSWORD',
      'JWT_SECRET',
      'GITHUB_TOKEN',
      'STRIPE_API_KEY',
      'APIKEY',
      'AWS_SECRET_ACCESS_KEY',
      'PASSWORD',
    ]) {
      expect([name, looksLikeSecretName(name)]).toEqual([name, true]);
    }
    for (const name of ['PASSWORD_MIN_LENGTH', 'TOKEN_TTL', 'SECRET_NAME', 'LOG_LEVEL', 'KEYCLOAK_URL']) {
      expect([name, looksLikeSecretName(name)]).toEqual([name, false]);
    }
  });
});

describe('quantities', () => {
  test('values', () => {
    expect(quantityValue('250m')).toBeCloseTo(0.25);
    expect(quantityValue('1')).toBe(1);
    expect(quantityValue('256Mi')).toBe(256 * 2 ** 20);
    expect(quantityValue('1G')).toBe(1e9);
    expect(quantityValue('1e3')).toBe(1000);
    expect(quantityValue('.5')).toBe(0.5);
    expect(quantityValue('512MB')).toBeUndefined();
    expect(quantityValue('-1')).toBeUndefined();
  });

  test.each([
    ['512MB', 'use 512M or 512Mi'],
    ['1GiB', 'use 1Gi'],
    ['2g', 'use 2G or 2Gi'],
    ['64K', 'use 64k or 64Ki'],
    ['256 Mi', 'use 256Mi'],
    ['lots', 'write a Kubernetes quantity such as 256Mi, 1Gi or 500M'],
  ])('memory %s → %s', (text, hint) => {
    expect(parseBytes(text)).toEqual({ ok: false, problem: `'${text}' is not a Kubernetes quantity`, hint });
  });

  test('memory with the suffix m is a mistake', () => {
    expect(parseBytes('512m')).toEqual({
      ok: false,
      problem: "'512m' means 512 thousandths of a byte (the suffix m is milli)",
      hint: 'use 512Mi (mebibytes) or 512M (megabytes)',
    });
  });

  test('cpu', () => {
    expect(parseCpu(0.5)).toEqual({ ok: true, value: 0.5 });
    expect(parseCpu('250m')).toEqual({ ok: true, value: 0.25 });
    expect(parseCpu(-1).ok).toBe(false);
    expect(parseCpu('500 m')).toEqual({
      ok: false,
      problem: "'500 m' is not a CPU amount",
      hint: 'remove the space: 500m',
    });
  });
});

describe('did-you-mean', () => {
  test('typos, transpositions, case and separators', () => {
    expect(didYouMean('imgae', ['image', 'build'])).toBe('image');
    expect(didYouMean('kye', ['secret', 'key'])).toBe('key');
    expect(didYouMean('depends_on', ['dependsOn', 'description'])).toBe('dependsOn');
    expect(didYouMean('tcp', ['TCP', 'UDP'])).toBe('TCP');
    expect(didYouMean('zzzzzz', ['image', 'build'])).toBeUndefined();
    expect(didYouMean('image', ['image'])).toBeUndefined();
  });
});

describe('paths', () => {
  test('resolveProjectPath keeps paths inside the project', () => {
    expect(resolveProjectPath('services/web', 'nginx.conf')).toEqual({ ok: true, path: 'services/web/nginx.conf' });
    expect(resolveProjectPath('services/web', '../shared/./a.env')).toEqual({
      ok: true,
      path: 'services/shared/a.env',
    });
    expect(resolveProjectPath('services/web', '.')).toEqual({ ok: true, path: 'services/web' });
    expect(resolveProjectPath('services/web', '../..')).toEqual({ ok: true, path: '' });
    expect(resolveProjectPath('', 'docker-compose.yml')).toEqual({ ok: true, path: 'docker-compose.yml' });
    for (const bad of ['../../../x', '/etc/passwd', 'C:/x', 'a\\b', '', 'a\0b']) {
      expect([bad, resolveProjectPath('services/web', bad).ok]).toEqual([bad, false]);
    }
  });

  test('globToRegExp', () => {
    expect(globToRegExp('services/*/service.yaml').test('services/web/service.yaml')).toBe(true);
    expect(globToRegExp('services/*/service.yaml').test('services/a/b/service.yaml')).toBe(false);
    expect(globToRegExp('services/**/service.yaml').test('services/a/b/service.yaml')).toBe(true);
    expect(globToRegExp('services/**/service.yaml').test('services/service.yaml')).toBe(true);
    expect(globToRegExp('specs/*.{yaml,yml}').test('specs/web.yml')).toBe(true);
    expect(globToRegExp('specs/?.yaml').test('specs/a.yaml')).toBe(true);
    expect(globToRegExp('specs/[ab].yaml').test('specs/c.yaml')).toBe(false);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  test('the memory source lists matches sorted and refuses unknown files', () => {
    const source = createMemorySource({ 'b/service.yaml': '', 'a/service.yaml': '', 'a/other.yaml': '' });
    expect(source.glob(['*/service.yaml'])).toEqual(['a/service.yaml', 'b/service.yaml']);
    expect(source.readFile('missing')).toEqual({ ok: false, reason: 'no such file' });
    expect(source.readFile('toString')).toEqual({ ok: false, reason: 'no such file' });
  });
});

describe('looksLikeSecretName', () => {
  it.each([
    'DB_PASS',
    'MYSQL_PWD',
    'POSTGRES_PASSWORD',
    'GITHUB_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'SENTRY_DSN',
    'APP_SIGNING_KEY',
    'SSH_PASSPHRASE',
  ])('treats %s as a credential', (name) => expect(looksLikeSecretName(name)).toBe(true));
  it.each(['PASSENGER_COUNT', 'LOG_LEVEL', 'PORT', 'PASSWORD_FILE', 'TOKEN_TTL', 'BYPASS_CACHE'])(
    'leaves %s alone',
    (name) => expect(looksLikeSecretName(name)).toBe(false),
  );
});
