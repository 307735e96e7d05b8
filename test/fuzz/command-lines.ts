/**
 * Random command lines built from the real command and option tables (src/model, the global
 * options), with hostile values, unknown and repeated flags, abbreviations and stray words.
 */
import { operations, type OperationSpec } from '../../src/model/operations.js';
import { GLOBAL_ARGS } from '../../src/cli/global-options.js';
import { operationArgs } from '../../src/cli/operation-options.js';
import type { ArgSpec } from '../../src/cli/argparse.js';
import type { Rng } from './prng.js';
import {
  endpointValue, hostileString, YAML_DEPTH_IN_PROCESS, integerValue, jsonValue, queryValue, tokenValue, type ValueOptions,
} from './hostile-values.js';

export interface FuzzCase {
  readonly argv: string[];
  /** The line ends in `--output json` and runs an operation: success must print JSON (or nothing). */
  readonly expectJson: boolean;
}

const NOT_JSON_WORDS = /^(help|--help|--v.*|--gen.*|--g|--ge|--cli-input-yaml|--cli-inp.*|--cli-i|--cli-in)$/;

export function randomCommandLine(rng: Rng, options: ValueOptions): FuzzCase {
  const operation = rng.pick(operations);
  const argv: string[] = [];
  const roll = rng.next();
  if (roll < 0.03) argv.push(rng.pick(['help', 'list-user', 'list-usersx', 'LIST-USERS', '', 'list', 'iam', 'audit2']));
  else if (roll < 0.05) argv.push(operation.cli.slice(0, 1 + rng.int(operation.cli.length - 1)));
  else argv.push(operation.cli);

  const specs = operationArgs(operation);
  // A third of the lines are well-formed, so output, pagination and queries get exercised too.
  const sane = rng.chance(0.35);
  const words = rng.int(sane ? 4 : 7);
  for (let i = 0; i < words; i++) argv.push(...(sane ? saneOptionWords(rng, operation, specs) : optionWords(rng, operation, specs, options)));
  // Required options are usually given, so most lines get past the parser.
  for (const m of operation.input) {
    if (m.required && m.option && rng.chance(0.85)) argv.push(`--${m.option}`, ...memberValue(rng, m.type, options, true));
  }
  const globals = rng.int(4);
  for (let i = 0; i < globals; i++) argv.push(...(sane ? saneGlobalWords(rng) : globalWords(rng, options)));
  if (rng.chance(0.05)) argv.splice(rng.int(argv.length + 1), 0, rng.pick(['help', '--help', 'extra', '--', '-']));

  const expectJson = rng.chance(0.4);
  if (expectJson) argv.push('--output', 'json');
  // Shuffle a little: global options may come anywhere after the command.
  if (rng.chance(0.1) && argv.length > 2) {
    const moved = argv.splice(argv.length - 2, 2);
    argv.splice(1 + rng.int(argv.length - 1), 0, ...moved);
  }
  const lastTwo = argv.slice(-2);
  return {
    argv,
    expectJson: expectJson && lastTwo[0] === '--output' && lastTwo[1] === 'json' && !argv.slice(0, -2).some((w) => NOT_JSON_WORDS.test(w)),
  };
}

function optionWords(rng: Rng, operation: OperationSpec, specs: readonly ArgSpec[], options: ValueOptions): string[] {
  const roll = rng.next();
  if (roll < 0.06) return [rng.pick(['--bogus', '--user-nam', '--x', '-u', '--max-item', '--Users', '--starting_token'])];
  const spec = rng.pick(specs);
  let flag = spec.flag;
  // An abbreviation (argparse accepts unique prefixes, refuses ambiguous ones).
  if (roll < 0.16) flag = flag.slice(0, 3 + rng.int(Math.max(1, flag.length - 3)));
  if (rng.chance(0.05)) return [`${flag}=${hostileString(rng, options)}`];
  const member = operation.input.find((m) => m.name === spec.dest);
  if (spec.nargs === 'zero') return [flag];
  if (spec.dest === 'cli:generate-cli-skeleton') {
    return rng.chance(0.3) ? [flag] : [flag, rng.pick(['input', 'output', 'yaml-input', 'bogus', ''])];
  }
  if (spec.dest === 'cli:starting-token') return [flag, rng.chance(0.7) ? tokenValue(rng) : hostileString(rng, options)];
  if (spec.dest === 'cli:cli-input-json') return [flag, jsonValue(rng, options)];
  if (spec.dest === 'cli:cli-input-yaml') return [flag, jsonValue(rng, options, options.forProcess ? undefined : YAML_DEPTH_IN_PROCESS)];
  if (spec.type === 'int') return [flag, rng.chance(0.8) ? integerValue(rng) : hostileString(rng, options)];
  if (rng.chance(0.05)) return [flag]; // missing value
  return [flag, ...memberValue(rng, member?.type ?? 'string', options, false)];
}

function saneOptionWords(rng: Rng, operation: OperationSpec, specs: readonly ArgSpec[]): string[] {
  const spec = rng.pick(specs.filter((s) => !['cli:generate-cli-skeleton', 'cli:cli-input-yaml', 'cli:starting-token'].includes(s.dest)));
  if (spec.nargs === 'zero') return [spec.flag];
  if (spec.type === 'int') return [spec.flag, rng.pick(['1', '2', '3', '100'])];
  if (spec.dest === 'cli:cli-input-json') return [spec.flag, rng.pick(['{}', '{"PathPrefix": "/"}', '{"MaxItems": 2}', '{"Marker": "m1"}'])];
  const member = operation.input.find((m) => m.name === spec.dest);
  if (member?.enum) return [spec.flag, rng.pick(member.enum)];
  if (member?.type === 'list') return [spec.flag, 's3', 'iam'];
  return [spec.flag, rng.pick(['alice', '/', '/eng/', 'arn:aws:iam::123456789012:policy/ReadOnly'])];
}

function saneGlobalWords(rng: Rng): string[] {
  return rng.pick([
    ['--output', rng.pick(['json', 'text', 'table', 'yaml', 'yaml-stream', 'jsonl', 'csv'])],
    ['--query', rng.pick(['@', 'IsTruncated', 'length(@)', '*[0]', 'keys(@)', '[@, @]', '*[].Tags'])],
    ['--no-paginate'], ['--debug'], ['--color', rng.pick(['on', 'off'])], ['--profile', rng.pick(['default', 'fuzz', 'wire'])],
    ['--cli-error-format', rng.pick(['json', 'yaml', 'text', 'table', 'legacy'])], ['--no-cli-pager'],
  ]);
}

function memberValue(rng: Rng, type: string, options: ValueOptions, sane: boolean): string[] {
  if (type === 'list') {
    const n = rng.int(4);
    return Array.from({ length: n }, () => (sane && rng.chance(0.7) ? rng.pick(['s3', 'iam', 'ec2']) : hostileString(rng, options)));
  }
  if (sane && rng.chance(0.7)) return [rng.pick(['alice', 'admin', 'arn:aws:iam::123456789012:policy/ReadOnly', 'arn:aws:iam::123456789012:mfa/dev1'])];
  return [hostileString(rng, options)];
}

function globalWords(rng: Rng, options: ValueOptions): string[] {
  const spec = rng.pick(GLOBAL_ARGS);
  // --version ends the line early; keep it rare.
  if (spec.flag === '--version' && rng.chance(0.8)) return ['--debug'];
  if (spec.nargs === 'zero') return [spec.flag];
  const choose = (good: readonly string[]) => (rng.chance(0.8) ? rng.pick(good) : hostileString(rng, options));
  switch (spec.flag) {
    case '--output':
      return [spec.flag, choose(['json', 'text', 'table', 'yaml', 'yaml-stream', 'off', 'jsonl', 'csv', 'JSON'])];
    case '--query':
      return [spec.flag, queryValue(rng, options)];
    case '--endpoint-url':
      return [spec.flag, endpointValue(rng, options)];
    case '--profile':
      return [spec.flag, choose(['default', 'fuzz', 'nope', 'wire'])];
    case '--region':
      return [spec.flag, choose(['us-east-1', 'eu-west-1', '', 'nowhere'])];
    case '--color':
      return [spec.flag, choose(['on', 'off', 'auto'])];
    case '--cli-error-format':
      return [spec.flag, choose(['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'])];
    case '--cli-read-timeout':
    case '--cli-connect-timeout':
      return [spec.flag, rng.chance(0.5) ? rng.pick(['1', '5', '0']) : integerValue(rng)];
    case '--ca-bundle':
      return [spec.flag, rng.pick(['/nope', options.existingFile, ''])];
    default:
      return [spec.flag, hostileString(rng, options)];
  }
}
