/** Types of the generated operation table (src/model/iam.generated.ts). */

/** An input member of an operation, in model order. */
export interface MemberSpec {
  readonly name: string;
  /** The CLI option that sets it (`user-name`); absent for MaxItems of paginated operations,
   *  whose slot the CLI's own client-side `--max-items` takes. */
  readonly option?: string;
  readonly type: 'string' | 'integer' | 'boolean' | 'list';
  /** Element type of a list member. */
  readonly member?: string;
  readonly required?: boolean;
  /** Minimum length (strings, lists) or value (integers), checked client side as botocore does. */
  readonly min?: number;
  /** Allowed values, for help and completion only: the CLI does not check them. */
  readonly enum?: readonly string[];
}

export interface OperationSpec {
  /** API name (`ListUsers`): the SDK command is `${name}Command`, the table title is this. */
  readonly name: string;
  /** CLI name (`list-users`). */
  readonly cli: string;
  /** Whether the CLI wraps the operation in its paginator (Marker/IsTruncated/MaxItems). */
  readonly paginated: boolean;
  /** The paginator's result keys; the first is the one `--max-items` counts. */
  readonly resultKeys?: readonly string[];
  readonly input: readonly MemberSpec[];
  /** Name of the output structure in `shapes`. */
  readonly output: string;
}

export type ShapeSpec =
  | {
      readonly type: 'structure';
      readonly members: readonly (readonly [string, string])[];
      readonly required?: readonly string[];
      readonly min?: number;
    }
  | { readonly type: 'list'; readonly member: string; readonly min?: number }
  | { readonly type: 'map'; readonly key: string; readonly value: string }
  | {
      readonly type: 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'blob' | 'double' | 'float';
      readonly min?: number;
      readonly enum?: readonly string[];
    };
