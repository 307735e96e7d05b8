/**
 * Command lines the fuzzer once broke on, kept as fixed cases (argv, what was wrong, and the
 * exit code aws-iam must give now).
 */
export interface Regression {
  readonly note: string;
  readonly argv: readonly string[];
  readonly code?: number;
  readonly expectJson?: boolean;
  /** The exact stderr, where the fix made it the CLI's. */
  readonly stderr?: string;
}

export const REGRESSIONS: readonly Regression[] = [
  {
    note: 'a --query nested 5000 deep overflowed the JS stack: "Maximum call stack size exceeded", exit 255 (the CLI: recursion depth, 252)',
    argv: ['list-users', '--query', '['.repeat(5000), '--output', 'json'],
    code: 252,
  },
  {
    note: '--cli-input-json nested 20000 deep overflowed the JSON parser: "Maximum call stack size exceeded" (the CLI: recursion depth message, 255)',
    argv: ['list-instance-profiles', '--cli-input-json', '['.repeat(20000)],
    code: 255,
    stderr: '\naws-iam: [ERROR]: maximum recursion depth exceeded while decoding a JSON array from a unicode string\n',
  },
];
