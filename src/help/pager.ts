/**
 * Whether help goes through a pager. Only `less -R`, and only for a person at a terminal:
 * stdout is a TTY, `--no-cli-pager` is not given, and the pager setting (AWS_PAGER, else PAGER)
 * is unset or names less. Any other setting (`cat`, `more`, empty) writes straight to stdout,
 * so help never waits on a program that could get stuck.
 */
import type { Env } from '../config/settings.js';
import { shlexSplit } from '../cli/shlex.js';

export const HELP_PAGER = ['less', '-R'] as const;

export function helpPager(env: Env, stdoutIsTTY: boolean, noCliPager: boolean): readonly string[] | undefined {
  if (!stdoutIsTTY || noCliPager) return undefined;
  const setting = env.AWS_PAGER ?? env.PAGER;
  if (setting === undefined) return HELP_PAGER;
  let words: string[];
  try {
    words = shlexSplit(setting);
  } catch {
    return undefined;
  }
  const program = words[0]?.split('/').pop();
  return program === 'less' ? HELP_PAGER : undefined;
}
