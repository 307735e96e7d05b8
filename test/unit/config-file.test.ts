/**
 * The shared-file parser against Python's RawConfigParser + botocore's configloader, as tables:
 * text → sections (or refused), section names → profiles, paths, and non-regular files.
 * Expected values were read from Python 3.11's configparser (the reference CLI's) and botocore.
 */
import { describe, expect, it } from 'vitest';
import { buildProfileMap, expandPath, nestedValue, parseIni, readIniFile, type FileReader } from '../../src/config/config-file.js';
import { loadSharedFiles } from '../../src/config/shared-files.js';
import { CliError } from '../../src/errors/cli-error.js';

describe('parseIni: what RawConfigParser keeps', () => {
  const cases: [string, string, Record<string, Record<string, string>>][] = [
    ['plain', '[default]\nregion = us-east-1\n', { default: { region: 'us-east-1' } }],
    ['colon delimiter', '[default]\nregion: us-west-2\noutput:text\n', { default: { region: 'us-west-2', output: 'text' } }],
    ['first delimiter splits', '[a]\nk = v=w:x\nj: v=w\n', { a: { k: 'v=w:x', j: 'v=w' } }],
    ['inline ; kept', '[a]\nregion = us-east-1 ; note\n', { a: { region: 'us-east-1 ; note' } }],
    ['inline # kept', '[a]\noutput = text # note\n', { a: { output: 'text # note' } }],
    ['full-line comments', '# top\n[a]\n; one\n  # indented\nk = v\n', { a: { k: 'v' } }],
    ['continuation', '[a]\nk = one\n  two\n\tthree\n', { a: { k: 'one\ntwo\nthree' } }],
    ['blank line inside a value', '[a]\nk = one\n\n  two\n', { a: { k: 'one\n\ntwo' } }],
    ['trailing blank lines trimmed', '[a]\nk = one\n\n\n', { a: { k: 'one' } }],
    ['comment does not end a value', '[a]\nk = one\n# c\n  two\n', { a: { k: 'one\ntwo' } }],
    ['tab-indented first key', '[a]\n\tk = v\n\tj = w\n', { a: { k: 'v', j: 'w' } }],
    ['deeper indent continues', '[a]\n  k = v\n    j = w\n', { a: { k: 'v\nj = w' } }],
    ['keys lower-cased', '[a]\nAWS_Access_Key_ID = X\n', { a: { aws_access_key_id: 'X' } }],
    ['section names keep case', '[Default]\nk = v\n', { Default: { k: 'v' } }],
    ['empty value', '[a]\nregion =\n', { a: { region: '' } }],
    ['header trailing text ignored', '[a] junk\nk = v\n', { a: { k: 'v' } }],
    ['header up to the last ]', '[a]b]\nk = v\n', { 'a]b': { k: 'v' } }],
    ['CRLF', '[a]\r\nk = v\r\n', { a: { k: 'v' } }],
    ['lone CR (files are read with universal newlines)', '[a]\rk = v\r', { a: { k: 'v' } }],
    ['DEFAULT inherited', '[DEFAULT]\no = text\n[a]\nk = v\n[b]\no = json\n', { a: { o: 'text', k: 'v' }, b: { o: 'json' } }],
    ['two DEFAULT sections', '[DEFAULT]\no = text\n[DEFAULT]\nr = x\n[a]\n', { a: { o: 'text', r: 'x' } }],
    ['nested block', '[a]\ns3 =\n  addressing_style = path\n', { a: { s3: '\naddressing_style = path' } }],
    ['Python whitespace (\\x1c) stripped', '[a]\nk = v\x1c\n', { a: { k: 'v' } }],
    ['U+FEFF is not whitespace', '[a]\nk = \ufeffv\n', { a: { k: '\ufeffv' } }],
    ['value-less section', '[a]\n[b]\nk = v\n', { a: {}, b: { k: 'v' } }],
    ['empty file', '', {}],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseIni(text)).toEqual(expected);
  });
});

describe('parseIni: what RawConfigParser refuses', () => {
  const cases: [string, string][] = [
    ['duplicate key', '[a]\nk = 1\nk = 2\n'],
    ['duplicate key differing in case', '[a]\nk = 1\nK = 2\n'],
    ['duplicate section', '[a]\nk = 1\n[a]\nj = 2\n'],
    ['duplicate key across DEFAULT sections', '[DEFAULT]\nk = 1\n[DEFAULT]\nk = 2\n'],
    ['line before any section', 'k = v\n[a]\n'],
    ['UTF-8 BOM (a character before the header)', '\ufeff[a]\nk = v\n'],
    ['unclosed header', '[a\nk = v\n'],
    ['key without delimiter', '[a]\nregion\n'],
    ['empty key', '[a]\n= v\n'],
    ['nested line without =', '[a]\nregion =\n  us-east-1\n'],
    ['nested line with : only', '[a]\ns3 =\n  style: path\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    expect(() => parseIni(text)).toThrow();
  });
});

describe('nestedValue (botocore _parse_nested)', () => {
  it.each([
    ['\naddressing_style = path\nsignature_version=s3v4', { addressing_style: 'path', signature_version: 's3v4' }],
    ['\n a = b = c', { a: 'b = c' }],
    ['plain', undefined],
  ])('%j', (value, expected) => expect(nestedValue(value)).toEqual(expected));
});

describe('buildProfileMap: section names in the config file', () => {
  const sections = {
    default: { r: '0' },
    'profile a': { r: '1' },
    'profile  spaced ': { r: '2' },
    'profile "quoted name"': { r: '3' },
    'profile a b': { r: 'dropped: three words' },
    profilex: { r: 'dropped: one word' },
    'profile "open': { r: 'dropped: shlex error' },
    'sso-session corp': { sso_region: 'us-east-1' },
    'services dev': { iam: '\nendpoint_url = x' },
    preview: { r: 'not a profile' },
    'profile default': { r: 'the default profile, written out' },
  };
  it('groups them as botocore does', () => {
    const map = buildProfileMap(sections);
    expect(map.profiles).toEqual({
      default: { r: 'the default profile, written out' },
      a: { r: '1' },
      spaced: { r: '2' },
      'quoted name': { r: '3' },
    });
    expect(map.ssoSessions).toEqual({ corp: { sso_region: 'us-east-1' } });
    expect(map.services).toEqual({ dev: { iam: '\nendpoint_url = x' } });
  });
});

describe('expandPath (os.path.expandvars, then expanduser)', () => {
  const env = { HOME: '/home/u/', X: 'x', EMPTY: '' };
  it.each([
    ['~/.aws/config', '/home/u/.aws/config'],
    ['~', '/home/u'],
    ['$X/config', 'x/config'],
    ['${X}/config', 'x/config'],
    ['$NOPE/config', '$NOPE/config'],
    ['$EMPTY/config', '/config'],
    ['~other/config', '~other/config'],
    ['/abs/~/x', '/abs/~/x'],
  ])('%s', (path, expected) => expect(expandPath(path, env)).toBe(expected));
});

/** An in-memory file system: regular files, other kinds, unreadable files. */
function reader(files: Record<string, string | Buffer | 'fifo' | 'unreadable'>): FileReader & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    kind: (path) => (files[path] === undefined ? undefined : files[path] === 'fifo' ? 'other' : 'file'),
    read: (path) => {
      opened.push(path);
      const f = files[path];
      if (f === 'unreadable' || f === undefined || f === 'fifo') return undefined;
      return Buffer.isBuffer(f) ? f : Buffer.from(f, 'utf8');
    },
  };
}

describe('readIniFile: which files are read, and how a refusal reads', () => {
  it('skips a non-regular file without opening it (a FIFO would block)', () => {
    const r = reader({ '/f': 'fifo' });
    expect(readIniFile('/f', r)).toBeUndefined();
    expect(r.opened).toEqual([]);
  });
  it('treats a missing file as absent', () => expect(readIniFile('/none', reader({}))).toBeUndefined());
  it('reads an unreadable file as empty (configparser ignores the OSError)', () => {
    expect(readIniFile('/f', reader({ '/f': 'unreadable' }))).toEqual({});
  });
  it.each([
    ['invalid UTF-8', Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0x6b, 0x3d, 0xff, 0x0a])],
    ['a BOM', Buffer.from('\ufeff[a]\nk = v\n', 'utf8')],
    ['a duplicate', '[a]\nk=1\nk=2\n'],
  ])('refuses %s with the CLI message', (_name, content) => {
    const run = () => readIniFile('/cfg', reader({ '/cfg': content }));
    expect(run).toThrow(CliError);
    expect(run).toThrow('Unable to parse config file: /cfg');
  });
});

describe('loadSharedFiles: both files as session.full_config sees them', () => {
  const files = {
    '/h/.aws/config': '[default]\nregion = us-east-1\n[profile work]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n[services dev]\niam =\n  endpoint_url = http://x\n',
    '/h/.aws/credentials': '[default]\naws_access_key_id = A\naws_secret_access_key = S\n[profile x]\naws_access_key_id = B\naws_secret_access_key = S\n',
  };
  it('reads the default paths under HOME', () => {
    const loaded = loadSharedFiles({ HOME: '/h' }, reader(files));
    expect(loaded.configFile).toEqual({
      default: { region: 'us-east-1' },
      work: { region: 'eu-west-1' },
      'sso-session.corp': { sso_region: 'us-east-1' },
      'services.dev': { iam: '\nendpoint_url = http://x' },
    });
    // The credentials file's `[profile x]` is the profile named `profile x`.
    expect(Object.keys(loaded.credentialsFile)).toEqual(['default', 'profile x']);
    expect(loaded.paths).toEqual({ config: '/h/.aws/config', credentials: '/h/.aws/credentials' });
  });
  it('an empty AWS_CONFIG_FILE names no file (not the default)', () => {
    const loaded = loadSharedFiles({ HOME: '/h', AWS_CONFIG_FILE: '' }, reader(files));
    expect(loaded.configFile).toEqual({});
    expect(loaded.credentialsFile.default).toBeDefined();
  });
  it('a refused credentials file fails the whole load', () => {
    expect(() => loadSharedFiles({ HOME: '/h' }, reader({ ...files, '/h/.aws/credentials': '[a]\nk=1\nk=2\n' }))).toThrow(
      'Unable to parse config file: /h/.aws/credentials',
    );
  });
});
