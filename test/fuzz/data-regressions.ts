/**
 * Cases the data fuzzer found failing, kept as fixed regressions (seed and index replay the
 * exact case through makeCase in data-differential.test.ts), with what was wrong.
 */
export const DATA_REGRESSIONS: readonly { seed: number; index: number; what: string }[] = [
  { seed: 20261201, index: 16, what: 'a policy document starting with U+FEFF was decoded (json.loads refuses it); 20240102T030405Z printed as sent' },
  { seed: 20261201, index: 29, what: 'an invalid timestamp crashed with a BigInt error (the CLI: Invalid timestamp "…": month must be in 1..12)' },
  { seed: 20261201, index: 44, what: 'a first page that could not be read got a resume hint for the same command' },
  { seed: 4242, index: 88, what: '--query turned integers beyond 2^53 into the nearest double' },
  { seed: 20261201, index: 55, what: 'table colour: the CLI resets after each stderr write (harness)' },
  { seed: 938947566, index: 4, what: 'a blob (QRCodePNG) of `QUJD\\n` was decoded and re-encoded; the CLI prints the wire text' },
];
