/**
 * The page of `aws-iam help` / `aws-iam --help`: what aws-iam is, its synopsis, the global
 * options (GLOBAL_ARGS order, with their choices) and every command: the IAM list operations
 * and aws-iam's own commands (whatever the extension registry holds when help runs).
 */
import { CLI_VERSION, operations } from '../model/operations.js';
import { GLOBAL_ARGS } from '../cli/global-options.js';
import type { Block, Section, Span } from './blocks.js';
import { bold, bulletList, code, entry, literal, paragraph, plain, text } from './blocks.js';
import { GLOBAL_OPTION_DOCS } from './option-docs.js';

/** Commands whose names start with `_` are machine interfaces (shell completion's protocol), not for people. */
export function visibleCommands(names: readonly string[]): string[] {
  return names.filter((name) => !name.startsWith('_'));
}

export function topLevelPage(allExtensionNames: readonly string[]): Section[] {
  const extensionNames = visibleCommands(allExtensionNames);
  const sections: Section[] = [
    { title: 'NAME', blocks: [paragraph(plain('aws-iam - the IAM list commands of the AWS CLI, faster'))] },
    {
      title: 'DESCRIPTION',
      blocks: [
        text(
          `aws-iam runs the \`aws iam list-*\` commands of AWS CLI version ${CLI_VERSION}: \`aws-iam list-users\` ` +
            'takes the options `aws iam list-users` takes and prints what it prints, with the same errors and exit codes.' +
            (extensionNames.length > 0 ? ' It also has commands of its own, listed at the end.' : ''),
        ),
      ],
    },
    {
      title: 'SYNOPSIS',
      blocks: [
        literal('aws-iam [options] <command> [parameters]'),
        text(
          'Use `aws-iam <command> help` or `aws-iam <command> --help` for the options, output and examples of a command. ' +
            'The synopsis of each command shows its parameters; optional ones are in square brackets.',
        ),
      ],
    },
    { title: 'GLOBAL OPTIONS', blocks: globalOptionBlocks() },
    { title: 'AVAILABLE COMMANDS', blocks: [commandList(operations.map((op) => op.cli))] },
  ];
  if (extensionNames.length > 0) {
    sections.push({ title: 'AWS-IAM COMMANDS', blocks: [commandList(extensionNames)] });
  }
  return sections;
}

/** Each global option with its type, description and choices. */
export function globalOptionBlocks(): Block[] {
  return GLOBAL_ARGS.map((arg) => {
    const docs = GLOBAL_OPTION_DOCS[arg.flag];
    const type = docs?.type ?? (arg.nargs === 'zero' ? 'boolean' : 'string');
    const head: Span[] = [bold(arg.flag), plain(` (${type})`)];
    const body: Block[] = docs ? [text(docs.text)] : [];
    if (arg.choices && arg.choices.length > 0) body.push(bulletList(arg.choices.map((c) => [paragraph(code(c))])));
    return entry(head, body);
  });
}

function commandList(names: readonly string[]): Block {
  return bulletList(names.map((name) => [paragraph(plain(name))]));
}
