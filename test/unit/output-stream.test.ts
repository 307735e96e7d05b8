import { describe, expect, it } from 'vitest';
import { openOutputStream, type PagerProcess } from '../../src/output/output-stream.js';
import { shlexSplit } from '../../src/cli/shlex.js';
import type { Io } from '../../src/cli/io.js';

describe('shlexSplit (Python shlex.split, POSIX)', () => {
  it.each([
    ['less', ['less']],
    ['less -R', ['less', '-R']],
    ['  cat   -n  ', ['cat', '-n']],
    [`sh -c 'env | grep LESS'`, ['sh', '-c', 'env | grep LESS']],
    [`a"b c"d`, ['ab cd']],
    [`"a\\"b" 'c\\d'`, ['a"b', 'c\\d']],
    [`"x\\y"`, ['x\\y']],
    ['a\\ b', ['a b']],
    [`''`, ['']],
    ['', []],
  ])('%j → %j', (text, words) => expect(shlexSplit(text)).toEqual(words));

  it.each([[`'open`], [`"open`], ['trailing\\']])('%j is an error', (text) => expect(() => shlexSplit(text)).toThrow());
});

function fakeIo(stdoutIsTTY: boolean, env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const started: { argv: readonly string[]; env: Record<string, string | undefined>; input: string[]; ended: boolean }[] = [];
  const io = {
    stdout: { write: (t: string) => void stdout.push(t) },
    stdoutIsTTY,
    env,
    startPager(argv: readonly string[], pagerEnv: Record<string, string | undefined>): PagerProcess {
      const record = { argv, env: pagerEnv, input: [] as string[], ended: false };
      started.push(record);
      return { write: (t) => void record.input.push(t), end: async () => void (record.ended = true) };
    },
  } as unknown as Io;
  return { io, stdout, started };
}

describe('openOutputStream', () => {
  it.each([
    // [stdout is a TTY, pager setting, goes through a pager]
    [true, 'less', true],
    [true, '', false],
    [true, undefined, false],
    [false, 'less', false],
  ])('tty=%s pager=%j → via pager %s', async (tty, pager, viaPager) => {
    const { io, stdout, started } = fakeIo(tty);
    const out = openOutputStream(io, pager);
    out.write('a');
    out.write('b');
    await out.finish();
    expect(out.viaPager).toBe(viaPager);
    expect(viaPager ? started[0].input : stdout).toEqual(['a', 'b']);
    if (viaPager) expect(started[0].ended).toBe(true);
  });

  it('starts no pager when nothing is written', async () => {
    const { io, started } = fakeIo(true);
    await openOutputStream(io, 'less').finish();
    expect(started).toEqual([]);
  });

  it.each([
    [{}, 'FRX'],
    [{ LESS: '-R' }, '-R'],
    [{ LESS: '' }, ''],
  ])('LESS for the pager with env %j is %j', async (env, less) => {
    const { io, started } = fakeIo(true, env);
    const out = openOutputStream(io, 'less -S');
    out.write('x');
    await out.finish();
    expect(started[0].argv).toEqual(['less', '-S']);
    expect(started[0].env.LESS).toBe(less);
  });
});
