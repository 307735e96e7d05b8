/**
 * Every failure the CLI reports, classified the way AWS CLI v2 classifies it, because the
 * class decides the exit code and how the message is framed on stderr.
 */

export const EXIT = {
  ok: 0,
  /** Usage errors, client-side validation, --query syntax, bad --cli-input-*. */
  paramValidation: 252,
  /** No credentials, no region, bad configuration values, pager failures. */
  configuration: 253,
  /** The service answered with an error. */
  client: 254,
  /** Everything else: connection failures, unknown profile, bad token, query runtime errors. */
  general: 255,
  interrupted: 130,
} as const;

export type ErrorClass =
  /** argparse errors: the message, then the usage block. */
  | 'usage'
  /** Unknown options or extra words: the usage block, then the message. */
  | 'unknown-options'
  | 'param-validation'
  | 'configuration'
  | 'no-region'
  | 'no-credentials'
  | 'client'
  /** The output pager could not be started. */
  | 'pager'
  | 'general';

const EXIT_OF: Record<ErrorClass, number> = {
  usage: EXIT.paramValidation,
  'unknown-options': EXIT.paramValidation,
  'param-validation': EXIT.paramValidation,
  configuration: EXIT.configuration,
  'no-region': EXIT.configuration,
  'no-credentials': EXIT.configuration,
  client: EXIT.client,
  pager: EXIT.configuration,
  general: EXIT.general,
};

/** The structured `Code` the CLI shows for each class (client errors carry the service's). */
const CODE_OF: Partial<Record<ErrorClass, string>> = {
  usage: 'ParamValidation',
  'param-validation': 'ParamValidation',
  configuration: 'Configuration',
  'no-region': 'NoRegion',
  'no-credentials': 'NoCredentials',
  pager: 'Pager',
};

import type { Value } from '../value/value.js';

export class CliError extends Error {
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
    /** For client errors: the service's error code and message, as the message line spells them. */
    readonly details?: {
      readonly code: string;
      readonly message: string;
      /**
       * What the structured formats show, in order (`Code`, `Message` and modeled members as
       * the answer had them: a missing one left out, an empty one None); default Code, Message.
       */
      readonly fields?: readonly (readonly [string, Value])[];
    },
    /** For usage errors from a parser with its own usage line (the CLI's first pass). */
    readonly usage?: string,
  ) {
    super(message);
  }

  get exitCode(): number {
    return EXIT_OF[this.errorClass];
  }

  /** The `Code` of the structured error, if the class has one. */
  get code(): string | undefined {
    return this.details?.code ?? CODE_OF[this.errorClass];
  }
}
