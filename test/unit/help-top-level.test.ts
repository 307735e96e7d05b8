/** `aws-iam help`: synopsis, every global option (CLI order, choices), every command. */
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/model/operations.js';
import { GLOBAL_ARGS } from '../../src/cli/global-options.js';
import { extensionNames } from '../../src/extensions/registry.js';
import { topLevelPage, visibleCommands } from '../../src/help/top-level-page.js';
import { GLOBAL_OPTION_DOCS } from '../../src/help/option-docs.js';
import { renderHelp } from '../../src/help/show-help.js';
import { section } from '../support/help-sections.js';

const render = (extensions: readonly string[]) => renderHelp(topLevelPage(extensions), { terminal: false });


describe('top-level help', () => {
  const text = render(extensionNames());

  it('has the sections of a man page, in order', () => {
    const titles = text.split('\n').filter((l) => /^[A-Z]/.test(l));
    const expected = ['NAME', 'DESCRIPTION', 'SYNOPSIS', 'GLOBAL OPTIONS', 'AVAILABLE COMMANDS'];
    if (visibleCommands(extensionNames()).length > 0) expected.push('AWS-IAM COMMANDS');
    expect(titles).toEqual(expected);
    expect(section(text, 'SYNOPSIS')[0]).toBe('          aws-iam [options] <command> [parameters]');
  });

  it('lists every global option in the CLI order, with its type and choices', () => {
    const lines = section(text, 'GLOBAL OPTIONS');
    const headings = lines.filter((l) => /^ {7}--/.test(l)).map((l) => l.trim());
    expect(headings).toEqual(GLOBAL_ARGS.map((g) => `${g.flag} (${GLOBAL_OPTION_DOCS[g.flag].type})`));
    const body = lines.join('\n');
    for (const g of GLOBAL_ARGS.filter((a) => a.choices)) {
      const own = body.split(`       ${g.flag} (`)[1].split(/\n {7}--/)[0];
      for (const choice of g.choices!) expect(own).toContain(`\n          o ${choice}\n`);
    }
  });

  it('documents every global option (a new one without docs fails here)', () => {
    expect(Object.keys(GLOBAL_OPTION_DOCS)).toEqual(GLOBAL_ARGS.map((g) => g.flag));
    for (const g of GLOBAL_ARGS) {
      if (g.nargs === 'zero') expect(GLOBAL_OPTION_DOCS[g.flag].type, g.flag).toBe('boolean');
    }
  });

  it('lists every IAM list command, in the CLI order', () => {
    const listed = section(text, 'AVAILABLE COMMANDS').filter((l) => l.startsWith('       o ')).map((l) => l.slice(9));
    expect(listed).toEqual(operations.map((op) => op.cli));
  });

  it("lists aws-iam's own commands as the registry names them when help runs", () => {
    const withExtensions = render(['audit', 'whoami', '__complete']);
    const listed = section(withExtensions, 'AWS-IAM COMMANDS').filter((l) => l.startsWith('       o ')).map((l) => l.slice(9));
    expect(listed).toEqual(['audit', 'whoami']);
    expect(section(withExtensions, 'DESCRIPTION').join(' ')).toContain('commands of its own');
    expect(render([])).not.toContain('AWS-IAM COMMANDS');
  });

  it('fits in 78 columns', () => {
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(78);
  });
});
