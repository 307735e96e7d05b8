/** What the reference CLI prints, as aws-iam prints it. */

/** The reference's stderr with `aws-iam` where the CLI prints its own name. */
export const asAwsIam = (stderr: string): string =>
  stderr
    .replace(/^((?:\x1b\[0m)?)aws: \[ERROR\]:/gm, '$1aws-iam: [ERROR]:')
    .replace(/^usage: (aws|__main__\.py) /gm, 'usage: aws-iam ')
    .replace(/^ {2}aws (help|<command>)/gm, '  aws-iam $1');
