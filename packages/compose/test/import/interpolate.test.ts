import { interpolate } from '../../src/import';
import { parseDotenv, dotenvValues } from '../../src/import';

const env: Record<string, string> = { SET: 'value', EMPTY: '', PORT: '8080', NESTED: 'inner' };
const lookup = (name: string): string | undefined => env[name];
const value = (template: string): string => {
  const result = interpolate(template, lookup);
  expect(result.problem).toBeUndefined();
  return result.value;
};

describe('interpolate', () => {
  it.each([
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['pre-${SET}-post', 'pre-value-post'],
    ['$SET$SET', 'valuevalue'],
    ['$SET.x', 'value.x'],
    ['${UNSET:-default}', 'default'],
    ['${EMPTY:-default}', 'default'],
    ['${SET:-default}', 'value'],
    ['${UNSET-default}', 'default'],
    ['${EMPTY-default}', ''],
    ['${SET-default}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${UNSET:+alt}', ''],
    ['${SET+alt}', 'alt'],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${SET:?must be set}', 'value'],
    ['${EMPTY?may be empty}', ''],
    ['${UNSET:-${NESTED}}', 'inner'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['${UNSET:-http://${SET}:${PORT}/x}', 'http://value:8080/x'],
    ['${SET:+${PORT}}', '8080'],
    ['$$', '$'],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['cost $$5 and ${SET}', 'cost $5 and value'],
    ['${UNSET:-a:b}', 'a:b'],
    ['${UNSET:-}', ''],
  ])('%s → %s', (template, expected) => {
    expect(value(template)).toBe(expected);
  });

  it('substitutes an empty string for an unset variable and reports it', () => {
    const result = interpolate('x${UNSET}y$OTHER', lookup);
    expect(result.value).toBe('xy');
    expect(result.unset).toEqual(['UNSET', 'OTHER']);
  });

  it('does not report variables that have a default', () => {
    expect(interpolate('${UNSET:-d}${UNSET-d}${UNSET:+a}', lookup).unset).toEqual([]);
  });

  it.each([
    ['${UNSET:?the password is required}', 'UNSET', 'the password is required'],
    ['${EMPTY:?cannot be empty}', 'EMPTY', 'cannot be empty'],
    ['${UNSET?must exist}', 'UNSET', 'must exist'],
  ])('%s is a required-variable error naming %s', (template, variable, detail) => {
    const result = interpolate(template, lookup);
    expect(result.problem).toEqual({
      kind: 'required',
      variable,
      detail,
      message: `required variable ${variable} is missing a value: ${detail}`,
    });
  });

  it.each(['${', '${SET', '$ 5', '${}', '${1X}', '${SET:x}', 'end $'])('%s is an invalid template', (template) => {
    expect(interpolate(template, lookup).problem?.kind).toBe('invalid');
  });
});

describe('parseDotenv', () => {
  it('reads the .env syntax compose reads', () => {
    const content = [
      '# comment',
      '',
      'PLAIN=value',
      'export EXPORTED=yes',
      'SPACED = padded  ',
      'COMMENTED=value # a comment',
      'HASH=value#not-a-comment',
      "SINGLE='literal ${PLAIN} $$'",
      'DOUBLE="line1\\nline2 ${PLAIN}"',
      'MULTI="first',
      'second"',
      'REF=${PLAIN}-x',
      'DEFAULTED=${MISSING:-fallback}',
      'EMPTY=',
      'FROM_SHELL',
      'COLON: yaml-style',
    ].join('\n');
    const parsed = parseDotenv(content, (name) => (name === 'FROM_SHELL' ? 'shell' : undefined));
    expect(parsed.problems).toEqual([]);
    expect(dotenvValues(parsed)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'padded',
      COMMENTED: 'value',
      HASH: 'value#not-a-comment',
      SINGLE: 'literal ${PLAIN} $$',
      DOUBLE: 'line1\nline2 value',
      MULTI: 'first\nsecond',
      REF: 'value-x',
      DEFAULTED: 'fallback',
      EMPTY: '',
      FROM_SHELL: 'shell',
      COLON: 'yaml-style',
    });
    expect(parsed.entries.find((entry) => entry.name === 'REF')?.interpolated).toBe(true);
    expect(parsed.entries.find((entry) => entry.name === 'PLAIN')?.line).toBe(3);
  });

  it('reports lines it cannot read, with their line numbers', () => {
    const parsed = parseDotenv('GOOD=1\n=bad\nOPEN="never closed\n');
    expect(parsed.problems.map((problem) => problem.line)).toEqual([2, 3]);
  });
});
