import {
  camelCase,
  checkServiceName,
  isServiceName,
  kebabCase,
  nameWords,
  pascalCase,
  snakeCase,
  titleCase,
  upperSnakeCase,
} from '../src';

describe('name cases', () => {
  it.each([
    ['payments', ['payments']],
    ['payments-api', ['payments', 'api']],
    ['paymentsApi', ['payments', 'api']],
    ['PaymentsAPI', ['payments', 'api']],
    ['HTTPServer2go', ['http', 'server2go']],
    ['PAYMENTS_API', ['payments', 'api']],
    ['  order  queue  ', ['order', 'queue']],
  ])('splits %j into words', (input, words) => {
    expect(nameWords(input)).toEqual(words);
  });

  it('renders every case from a kebab name', () => {
    const name = 'order-events-v2';
    expect(kebabCase(name)).toBe('order-events-v2');
    expect(camelCase(name)).toBe('orderEventsV2');
    expect(pascalCase(name)).toBe('OrderEventsV2');
    expect(snakeCase(name)).toBe('order_events_v2');
    expect(upperSnakeCase(name)).toBe('ORDER_EVENTS_V2');
    expect(titleCase(name)).toBe('Order Events V2');
  });

  it('renders an empty name as empty in every case', () => {
    for (const convert of [kebabCase, camelCase, pascalCase, snakeCase, upperSnakeCase, titleCase]) {
      expect(convert('')).toBe('');
    }
  });
});

describe('checkServiceName', () => {
  it.each(['payments', 'a', 'order-events-v2', 'a'.repeat(52)])('accepts %j', (name) => {
    expect(checkServiceName(name)).toEqual([]);
    expect(isServiceName(name)).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['../x', /is a path/],
    ['x/y', /is a path/],
    ['..', /is a path/],
    ['/etc/passwd', /absolute path/],
    ['C:\\temp', /absolute path/],
    ['pay\0ments', /NUL/],
    ['a'.repeat(53), /53 characters/],
    ['Bad_Name', /not a DNS-1035 label/],
    ['1payments', /not a DNS-1035 label/],
    ['payments-', /not a DNS-1035 label/],
    ['pay.ments', /not a DNS-1035 label/],
  ])('refuses %j with a clear message', (name, message) => {
    const issues = checkServiceName(name);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'invalid-value' });
    expect(issues[0]!.message).toMatch(message);
    expect(issues[0]!.hint).toMatch(/DNS-1035 label/);
    expect(isServiceName(name)).toBe(false);
  });

  it('suggests the kebab-case form of a near miss', () => {
    expect(checkServiceName('Bad_Name')[0]!.hint).toMatch(/did you mean 'bad-name'\?/);
    expect(checkServiceName('PaymentsAPI')[0]!.hint).toMatch(/did you mean 'payments-api'\?/);
  });
});
