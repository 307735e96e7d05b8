/**
 * The driver pool's own rules, with a stand-in driver (a few lines of Node on fds 3 and 4): a
 * process that asks to be replaced is, one that dies fails its request with its stderr, and
 * requests beyond the pool's size wait for a free driver.
 */
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverPool, type DriverProcess } from './driver-pool.js';

// Answers each request with its pid; `recycle` and `die` in the args say what else to do.
const STAND_IN = `
const { Socket } = require('node:net');
const answers = new Socket({ fd: 4, readable: false, writable: true });
require('node:readline').createInterface({ input: new Socket({ fd: 3, readable: true, writable: false }) }).on('line', (line) => {
  const { args } = JSON.parse(line);
  if (args.includes('die')) { process.stderr.write('stand-in died'); process.exit(3); }
  setTimeout(() => answers.write(JSON.stringify({ stdout: String(process.pid), stderr: args.join(' '), code: 0, recycle: args.includes('recycle') }) + '\\n'), 20);
});`;

const start = (): DriverProcess => {
  const child = spawn(process.execPath, ['-e', STAND_IN], { stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'] });
  return { child, requests: child.stdio[3] as Writable, outcomes: child.stdio[4] as Readable };
};
const request = (...args: string[]) => ({ args, env: {} });

describe('DriverPool', () => {
  let pool: DriverPool;
  afterEach(() => pool.stop());

  it('keeps one process for case after case', async () => {
    pool = new DriverPool('stand-in', start, 1);
    const first = await pool.run(request('a'));
    const second = await pool.run(request('b'));
    expect(second.stdout).toBe(first.stdout);
    expect(second).toEqual({ stdout: first.stdout, stderr: 'b', code: 0 });
  });

  it('replaces a process whose answer says recycle', async () => {
    pool = new DriverPool('stand-in', start, 1);
    const first = await pool.run(request('recycle'));
    const second = await pool.run(request('b'));
    expect(first).not.toHaveProperty('recycle');
    expect(second.stdout).not.toBe(first.stdout);
  });

  it('fails the request of a process that died, with what it wrote, and starts a new one', async () => {
    pool = new DriverPool('stand-in', start, 1);
    await expect(pool.run(request('die'))).rejects.toThrow(/stand-in exited \(3\):\nstand-in died/);
    expect((await pool.run(request('b'))).stderr).toBe('b');
  });

  it('runs as many requests at once as it has drivers; the others wait', async () => {
    pool = new DriverPool('stand-in', start, 2);
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((a) => pool.run(request(a))));
    expect(answers.map((a) => a.stderr)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(new Set(answers.map((a) => a.stdout)).size).toBe(2);
  });
});
