import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../shared/errors/index.js';
import { checkRefFormat, parseModelName } from '../../shared/registry/names.js';
import { formatTagName, parseTagName, requireTagName } from '../../shared/registry/tag-name.js';

describe('GTO tag names', () => {
  it.each([
    ['churn@v1.4.0', { model: 'churn', action: 'register', version: 'v1.4.0' }],
    ['churn@v1.4.0#5', { model: 'churn', action: 'register', version: 'v1.4.0', counter: 5 }],
    ['churn@v1.4.0!', { model: 'churn', action: 'deregister', version: 'v1.4.0' }],
    ['churn@v1.4.0!#12', { model: 'churn', action: 'deregister', version: 'v1.4.0', counter: 12 }],
    ['churn#production#7', { model: 'churn', action: 'assign', stage: 'production', counter: 7 }],
    ['churn#production!#8', { model: 'churn', action: 'unassign', stage: 'production', counter: 8 }],
    ['churn#production', { model: 'churn', action: 'assign', stage: 'production' }], // GTO's "simple" form
    ['churn#production!', { model: 'churn', action: 'unassign', stage: 'production' }],
    ['churn@deprecated', { model: 'churn', action: 'deprecate' }],
    ['churn@deprecated#3', { model: 'churn', action: 'deprecate', counter: 3 }],
    ['churn@created', { model: 'churn', action: 'create' }],
    ['models/churn=churn@v1.0.0', { model: 'models/churn:churn', action: 'register', version: 'v1.0.0' }],
    ['a.b/c_d-e=x#eu/prod#2', { model: 'a.b/c_d-e:x', action: 'assign', stage: 'eu/prod', counter: 2 }],
    ['Churn_Model/v2@v2.0.0-rc.1+build.5', { model: 'Churn_Model/v2', action: 'register', version: 'v2.0.0-rc.1+build.5' }],
    ['a@v0.0.1', { model: 'a', action: 'register', version: 'v0.0.1' }],
    ['refs/tags/rf#production#3', { model: 'rf', action: 'assign', stage: 'production', counter: 3 }],
    ['rf#production#007', { model: 'rf', action: 'assign', stage: 'production', counter: 7 }],
  ])('parses %s', (tag, expected) => {
    expect(parseTagName(tag)).toEqual({ tag: tag.replace('refs/tags/', ''), ...expected });
  });

  it.each([
    'v1.0.0', // an ordinary release tag
    'churn',
    'churn@1.0.0', // no v
    'churn@v1.0', // not SemVer
    'churn@v01.0.0',
    'churn@latest',
    'churn#',
    '#production#1',
    '@v1.0.0',
    '-churn@v1.0.0', // names start with a letter or digit
    'churn-@v1.0.0', // ...and end with one
    'churn_@v1.0.0',
    'ch urn@v1.0.0',
    'churn#prod-#1',
    'churn#production#x',
    'churn#production#-1',
    'churn@v1.0.0!!',
    'churn@deprecated!',
    'a=b=c@v1.0.0',
    'dir:churn@v1.0.0', // ':' is written '=' in tags
    'churn@v1.0.0@v2.0.0',
    'chürn@v1.0.0',
  ])('rejects %j', (tag) => {
    expect(parseTagName(tag)).toBeUndefined();
    expect(() => requireTagName(tag)).toThrow(InputError);
  });

  it('explains the accepted shapes', () => {
    expect(() => requireTagName('churn@1.0')).toThrow(/expected one of <model>@vX\.Y\.Z.*<model>#<stage>#N/);
  });

  it('rejects names git itself would refuse', () => {
    expect(parseTagName('a//b@v1.0.0')).toBeDefined(); // GTO's regex allows it...
    expect(() => requireTagName('a//b@v1.0.0')).toThrow(/not a valid git tag name: it contains '\/\/'/); // ...git does not
    expect(() => requireTagName('x..y=m@v1.0.0')).toThrow(/'\.\.'/);
    expect(() => requireTagName('x.lock/y=m@v1.0.0')).toThrow(/ends with '\.lock'/);
    expect(() => requireTagName('.x=m@v1.0.0')).toThrow(/starts with '\.'/);
  });

  it.each([
    [{ model: 'churn', action: 'register', version: 'v1.4.0' }, 'churn@v1.4.0'],
    [{ model: 'churn', action: 'register', version: 'v1.4.0', counter: 9 }, 'churn@v1.4.0#9'],
    [{ model: 'churn', action: 'deregister', version: 'v1.4.0' }, 'churn@v1.4.0!'],
    [{ model: 'churn', action: 'assign', stage: 'production', counter: 7 }, 'churn#production#7'],
    [{ model: 'churn', action: 'unassign', stage: 'production', counter: 8 }, 'churn#production!#8'],
    [{ model: 'churn', action: 'deprecate' }, 'churn@deprecated'],
    [{ model: 'models/churn:churn', action: 'register', version: 'v1.0.0' }, 'models/churn=churn@v1.0.0'],
    [{ model: 'models/churn=churn', action: 'assign', stage: 'eu/prod', counter: 1 }, 'models/churn=churn#eu/prod#1'],
  ] as const)('formats %j as %s and parses it back', (parts, tag) => {
    expect(formatTagName(parts)).toBe(tag);
    expect(parseTagName(tag)).toMatchObject({ action: parts.action });
  });

  it.each([
    [{ model: 'Churn!', action: 'register', version: 'v1.0.0' }, /invalid model name 'Churn!'/],
    [{ model: 'churn', action: 'register', version: '1.0.0' }, /invalid version '1.0.0'/],
    [{ model: 'churn', action: 'assign', stage: 'prod uction', counter: 1 }, /invalid stage name 'prod uction'/],
    [{ model: 'churn', action: 'assign', stage: 'a//b', counter: 1 }, /invalid stage name/],
    [{ model: 'x..y:churn', action: 'deprecate' }, /invalid model name/],
  ] as const)('refuses to format %j', (parts, message) => {
    expect(() => formatTagName(parts)).toThrow(UsageError);
    expect(() => formatTagName(parts)).toThrow(message);
  });

  it('requires a positive counter on stage tags', () => {
    expect(() => formatTagName({ model: 'churn', action: 'assign', stage: 'prod' })).toThrow(RangeError);
    expect(() => formatTagName({ model: 'churn', action: 'assign', stage: 'prod', counter: 0 })).toThrow(RangeError);
  });
});

describe('model names and git ref rules', () => {
  it.each([
    ['churn', { fullName: 'churn', path: null, name: 'churn' }],
    ['models/churn:churn', { fullName: 'models/churn:churn', path: 'models/churn', name: 'churn' }],
    ['models/churn=churn', { fullName: 'models/churn:churn', path: 'models/churn', name: 'churn' }],
  ])('splits %s', (text, expected) => {
    expect(parseModelName(text)).toEqual(expected);
  });

  it.each(['', 'a:', ':a', 'a:b:c', 'a b', 'a:-b', 'x..y:b'])('rejects model name %j', (text) => {
    expect(parseModelName(text)).toBeUndefined();
  });

  it.each([
    ['refs/tags/ok', undefined],
    ['refs/tags/a b', "it contains ' '"],
    ['refs/tags/a~1', "it contains '~'"],
    ['refs/tags/a^', "it contains '^'"],
    ['refs/tags/a:b', "it contains ':'"],
    ['refs/tags/a?', "it contains '?'"],
    ['refs/tags/a*', "it contains '*'"],
    ['refs/tags/a[', "it contains '['"],
    ['refs/tags/a\\b', "it contains '\\'"],
    ['refs/tags/a\u0001', 'it contains a control character'],
    ['refs/tags/a@{1}', "it contains '@{'"],
    ['refs/tags/a.', "it ends with '.'"],
    ['refs/tags/a/', "it starts or ends with '/'"],
    ['@', "'@' alone is not a valid ref"],
  ])('check-ref-format(%j)', (ref, problem) => {
    expect(checkRefFormat(ref)).toBe(problem);
  });
});
