/**
 * Descriptions of the options aws-iam itself adds to every command (global options) and to
 * every operation (pagination, --cli-input-*, --generate-cli-skeleton). Operation members are
 * described by the API documentation instead (iam-docs.generated.ts). Backquoted words are
 * shown as code.
 */

/** Global options, by flag; the help pages list them in GLOBAL_ARGS order. */
export const GLOBAL_OPTION_DOCS: Readonly<Record<string, { readonly type: string; readonly text: string }>> = {
  '--debug': { type: 'boolean', text: 'Turns on debug logging, written to standard error.' },
  '--endpoint-url': { type: 'string', text: 'Sends requests to this URL instead of the IAM endpoint the settings would choose.' },
  '--no-verify-ssl': {
    type: 'boolean',
    text: 'Does not verify the SSL certificates of the endpoint. By default every SSL connection verifies them.',
  },
  '--no-paginate': {
    type: 'boolean',
    text: 'Turns off automatic pagination: the command makes one API call and prints only the first page of results.',
  },
  '--output': {
    type: 'string',
    text:
      'The format of the command\'s output. `jsonl` and `csv` are aws-iam\'s own (the AWS CLI refuses them): one item of ' +
      'the result a line, as compact JSON or as an RFC 4180 CSV row after a header, written page by page as the pages ' +
      'arrive; a listing cut short by `--max-items` says how to continue on standard error. To make one the default ' +
      'without breaking `aws`, set `aws_iam_output` in the profile or `AWS_IAM_OUTPUT` (aws ignores both; ' +
      'docs/output-formats.md).',
  },
  '--query': { type: 'string', text: 'A JMESPath expression that selects and reshapes the response data before it is printed.' },
  '--profile': { type: 'string', text: 'The named profile to use from the shared credentials and config files.' },
  '--region': { type: 'string', text: 'The AWS Region to use; overrides the region from the environment and the config file.' },
  '--version': { type: 'boolean', text: 'Prints the version of aws-iam (and of the AWS CLI it mirrors) and exits.' },
  '--color': { type: 'string', text: 'Whether output is coloured.' },
  '--no-sign-request': { type: 'boolean', text: 'Sends requests unsigned; no credentials are loaded.' },
  '--ca-bundle': {
    type: 'string',
    text: 'The CA certificate bundle used to verify SSL certificates; overrides the environment and the config file.',
  },
  '--cli-read-timeout': {
    type: 'integer',
    text: 'The most seconds to wait for data on a connection; `0` waits forever. The default is 60 seconds.',
  },
  '--cli-connect-timeout': {
    type: 'integer',
    text: 'The most seconds to wait for a connection to open; `0` waits forever. The default is 60 seconds.',
  },
  '--cli-binary-format': {
    type: 'string',
    text:
      'How binary (blob) parameter values are given. With `base64`, the default, they are base64-encoded text; ' +
      'with `raw-in-base64-out` they are taken as they are, as AWS CLI version 1 did. Files read with `fileb://` ' +
      'are always binary; files read with `file://` must match this setting.',
  },
  '--no-cli-pager': { type: 'boolean', text: 'Writes output straight to standard output, never through a pager.' },
  '--cli-auto-prompt': { type: 'boolean', text: 'Prompts for the command\'s parameters (auto-prompt mode).' },
  '--no-cli-auto-prompt': { type: 'boolean', text: 'Turns auto-prompt mode off, even if the config file turns it on.' },
  '--cli-error-format': { type: 'string', text: 'The format of error messages. By default errors use the `enhanced` format.' },
};

/** The operation options that are not request members, by flag. */
export const COMMAND_OPTION_DOCS: Readonly<Record<string, readonly string[]>> = {
  '--max-items': [
    'The most items to print in all. When more items exist, the output ends with a `NextToken`: give it to ' +
      '`--starting-token` in the same command to continue from there. The token is made for aws-iam and the AWS CLI ' +
      '(each accepts the other\'s); it is not an IAM `Marker`.',
  ],
  '--starting-token': ['Where to continue: the `NextToken` printed by an earlier run of the command that `--max-items` cut short.'],
  '--page-size': [
    'How many items each API call asks IAM for. It does not change which items are printed: a smaller page ' +
      'size makes more, smaller calls, which can keep calls from timing out.',
  ],
  '--cli-input-json': [
    'Reads the command\'s parameters from a JSON document (`--cli-input-json`) or a YAML one (`--cli-input-yaml`), ' +
      'in the form `--generate-cli-skeleton` prints. Options given on the command line override the values it holds. ' +
      'Only one of the two can be given.',
  ],
  '--generate-cli-skeleton': [
    'Prints a skeleton and makes no API call. Without a value, or with `input`, it prints the command\'s parameters ' +
      'as JSON, to fill in and pass to `--cli-input-json`; with `yaml-input`, the same in YAML for `--cli-input-yaml`; ' +
      'with `output`, a sample of the command\'s response. The form of the skeletons may change between versions.',
  ],
};
