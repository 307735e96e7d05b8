/** Whether a program the tests drive (tmux, zsh, fish…) is installed: it answers `PROGRAM ARG`. */
import { execFileSync } from 'node:child_process';

export function hasProgram(program: string, versionArg = '-V'): boolean {
  try {
    execFileSync(program, [versionArg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
