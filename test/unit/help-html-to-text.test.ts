/**
 * API documentation HTML → help text, by the AWS CLI's rules (awscli/bcdoc + docutils + man
 * layout). The real doc strings' expected texts were checked against the reference CLI's own
 * pipeline (RST → man → groff, with adjustment and hyphenation off): same words, same line breaks.
 */
import { describe, expect, it } from 'vitest';
import { operationDocs } from '../../src/model/iam-docs.generated.js';
import { firstSentence, htmlToBlocks } from '../../src/help/html-to-blocks.js';
import { layoutBlocks, plainStyle, terminalStyle } from '../../src/help/layout.js';

/** As the CLI lays out a DESCRIPTION: 7 columns in, 78 wide. */
const render = (html: string, indent = 7, width = 78) =>
  layoutBlocks(htmlToBlocks(html), indent, { width, style: plainStyle }).join('\n');

const lines = (...l: string[]) => l.join('\n');

describe('real doc strings, exact text', () => {
  const cases: [string, string, string][] = [
    [
      'ListUsers: note with a list, code, and a link followed by a space',
      operationDocs.ListUsers.operation,
      lines(
        '       Lists the IAM users that have the specified path prefix. If no path',
        '       prefix is specified, the operation returns all users in the Amazon Web',
        '       Services account. If there are none, the operation returns an empty',
        '       list.',
        '',
        '       NOTE:',
        '          IAM resource-listing operations return a subset of the available',
        '          attributes for the resource. This operation does not return the',
        '          following attributes, even though they are an attribute of the',
        '          returned object:',
        '',
        '          o PermissionsBoundary',
        '',
        '          o Tags',
        '',
        '          To view all of the information for a user, see GetUser .',
        '',
        '       You can paginate the results using the MaxItems and Marker parameters.',
      ),
    ],
    [
      'ListPolicies Scope: every inline code element is followed by a space (" .")',
      operationDocs.ListPolicies.input.Scope,
      lines(
        '       The scope to use for filtering the results.',
        '',
        '       To list only Amazon Web Services managed policies, set Scope to AWS .',
        '       To list only the customer managed policies in your Amazon Web Services',
        '       account, set Scope to Local .',
        '',
        '       This parameter is optional. If it is not included, or if it is set to',
        '       All , all policies are returned.',
      ),
    ],
    [
      'ListPolicies PathPrefix: code glued to "(" and a link with text',
      operationDocs.ListPolicies.input.PathPrefix,
      lines(
        '       The path prefix for filtering the results. This parameter is optional.',
        '       If it is not included, it defaults to a slash (/), listing all',
        '       policies. This parameter allows (through its regex pattern ) a string',
        '       of characters consisting of either a forward slash (/) by itself or a',
        '       string that must begin and end with forward slashes. In addition, it',
        '       can contain any ASCII character from the ! (\\u0021 ) through the DEL',
        '       character (\\u007F ), including most punctuation characters, digits, and',
        '       upper and lowercased letters.',
      ),
    ],
    [
      'an output member at the OUTPUT body indent',
      operationDocs.ListUsers.output.Marker,
      lines(
        '       When IsTruncated is true , this element is present and contains the',
        '       value to use for the Marker parameter in a subsequent pagination',
        '       request.',
      ),
    ],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(render(html)).toBe(expected);
  });

  it('ListPoliciesGrantingServiceAccess: list items made of <p><b>…</b> – …</p>, hanging indent', () => {
    const text = render(operationDocs.ListPoliciesGrantingServiceAccess.operation);
    expect(text).toContain(
      lines(
        '       o User – The list of policies includes the managed and inline policies',
        '         that are attached to the user directly. The list also includes any',
        '         additional managed and inline policies that are attached to the group',
        '         to which the user belongs.',
        '',
        '       o Group – The list of policies includes only the managed and inline',
      ),
    );
  });
});

describe('the CLI rules, one construct at a time', () => {
  const cases: [string, string, string][] = [
    ['paragraphs are separated by a blank line', '<p>One.</p> <p>Two.</p>', 'One.\n\nTwo.'],
    ['whitespace runs collapse', '<p>a \n\n   b</p>', 'a b'],
    ['text data loses its leading whitespace (after an ignored tag)', '<p>foo<span> bar</span></p>', 'foobar'],
    ['an inline element is followed by a space', '<p>use <code>x</code>.</p>', 'use x .'],
    ['trailing spaces inside an inline element are dropped', '<p>use <b>x </b>now</p>', 'use x now'],
    ['an empty inline element vanishes with its space', '<p>a <code></code>b</p>', 'a b'],
    ['a link shows its text', '<p>see <a href="https://example.com/x">the guide</a>.</p>', 'see the guide .'],
    ['a link without text shows its address', '<p>see <a href="https://example.com/x"></a></p>', 'see https://example.com/x'],
    ['a link without href: spaces around its text', '<p>see <a>GetUser</a>.</p>', 'see GetUser .'],
    ['entities are decoded', '<p>a &amp; b &lt;c&gt; &#8211; &#x41;</p>', 'a & b <c> – A'],
    ['unknown tags are ignored, their text kept', '<p><div>in <em>side</em></div></p>', 'in side'],
    ['examples and fullname are dropped', '<p>keep<examples>drop</examples> <fullname>drop</fullname>this</p>', 'keep this'],
    ['<important> is a WARNING', '<important><p>Careful.</p></important>', 'WARNING:\n   Careful.'],
    ['<danger> is a DANGER', '<danger><p>Stop.</p></danger>', 'DANGER:\n   Stop.'],
    ['paragraphs in one list item run together', '<ul><li><p>a</p><p>b</p></li></ul>', 'o ab'],
    ['items are separated by blank lines', '<ul><li>a</li><li>b</li></ul>', 'o a\n\no b'],
    ['<ol> is bulleted too', '<ol><li>first</li></ol>', 'o first'],
    ['a nested list hangs under its item', '<ul><li>a<ul><li>b</li></ul></li></ul>', 'o a\n\n  o b'],
    ['an empty document is empty', '', ''],
    ['text outside any tag is a paragraph', 'plain words', 'plain words'],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(render(html, 0)).toBe(expected);
  });

  it('fills words up to the width, never splitting a word', () => {
    expect(render('<p>aaaa bbbb cccc dddddddddddddddd</p>', 2, 12)).toBe('  aaaa bbbb\n  cccc\n  dddddddddddddddd');
  });

  it('styles code and bold in bold, links and emphasis underlined, for a terminal', () => {
    const out = layoutBlocks(htmlToBlocks('<p>a <code>c</code> <i>i</i> <a href="u">l</a></p>'), 0, { width: 78, style: terminalStyle });
    expect(out).toEqual(['a \x1b[1mc\x1b[0m \x1b[4mi\x1b[0m \x1b[4ml\x1b[0m']);
  });
});

describe('firstSentence (the NAME line)', () => {
  const cases: [string, string][] = [
    [operationDocs.ListUsers.operation, 'Lists the IAM users that have the specified path prefix.'],
    [operationDocs.ListAccountAliases.operation, 'Lists the account alias associated with the Amazon Web Services account (Note: you can have only one).'],
    ['<p>No full stop</p>', 'No full stop'],
    ['', ''],
  ];
  it.each(cases)('%#', (html, expected) => {
    expect(firstSentence(html)).toBe(expected);
  });
});

describe('every doc string converts', () => {
  const all = Object.entries(operationDocs).flatMap(([op, d]) => [
    [`${op}`, d.operation] as const,
    ...Object.entries(d.input).map(([m, h]) => [`${op} ${m}`, h] as const),
    ...Object.entries(d.output).map(([m, h]) => [`${op} output ${m}`, h] as const),
  ]);
  it.each(all)('%s: no markup left, no line over 78 columns unless one word is', (_name, html) => {
    const text = render(html);
    expect(text).not.toMatch(/<\/?[a-z]+>|``|&[a-z]+;/);
    for (const line of text.split('\n')) {
      if (line.length > 78) expect(line.trim()).not.toContain(' ');
    }
  });
});
