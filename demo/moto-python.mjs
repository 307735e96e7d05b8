// Finds a Python that can import moto (the local IAM emulator the demo runs without AWS
// credentials): $PYTHON or python3 if it has moto; else a private virtual environment under the
// user's cache folder, made once with pip (one notice line). Where neither works, a DemoError
// with one actionable line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export class DemoError extends Error {}

const HOW_TO =
  'install moto for python3 (`pip install "moto[server]"`), or run the demo against AWS with credentials (AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY): it only reads';

const hasMoto = (python) => spawnSync(python, ['-c', 'import moto, boto3'], { stdio: 'ignore' }).status === 0;

/** The cache folder for aws-iam's own files: $XDG_CACHE_HOME/aws-iam or ~/.cache/aws-iam. */
export const cacheDir = (env = process.env) => join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'aws-iam');

export function findMotoPython({ env = process.env, notice = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const python = env.PYTHON || 'python3';
  if (spawnSync(python, ['--version'], { stdio: 'ignore' }).error) {
    throw new DemoError(`aws-iam demo: ${python} not found; ${HOW_TO}.`);
  }
  if (hasMoto(python)) return python;
  const venv = join(cacheDir(env), 'demo-venv');
  const venvPython = join(venv, 'bin', 'python3');
  if (existsSync(venvPython) && hasMoto(venvPython)) return venvPython;
  notice(`aws-iam demo: moto is not installed; installing it into ${venv} (once) ...`);
  const made = spawnSync(python, ['-m', 'venv', venv], { encoding: 'utf8' });
  if (made.status !== 0) throw new DemoError(`aws-iam demo: could not create a virtual environment (${python} -m venv failed); ${HOW_TO}.`);
  const pip = spawnSync(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'moto[server]', 'boto3'], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (pip.status !== 0 || !hasMoto(venvPython)) {
    throw new DemoError(`aws-iam demo: pip could not install moto (no network access to the Python package index?); ${HOW_TO}.`);
  }
  return venvPython;
}
