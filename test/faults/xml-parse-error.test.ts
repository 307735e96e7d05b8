/**
 * expat's first error for broken bodies, as Python's ElementTree reports it (each expectation
 * was printed by Python 3.11's xml.etree.ElementTree.XMLParser for the same text).
 */
import { describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { expatError, firstInvalidUtf8, unparsableResponseMessage } from '../../src/sdk/xml-parse-error.js';
import { parseXml, XmlSyntaxError } from '../../src/response/xml.js';

describe('expatError', () => {
  it.each([
    ['', 'no element found: line 1, column 0'],
    ['   ', 'no element found: line 1, column 3'],
    ['{"Users": []}', 'not well-formed (invalid token): line 1, column 0'],
    ['hello', 'syntax error: line 1, column 0'],
    ['null', 'syntax error: line 1, column 0'],
    ['<a><b>', 'no element found: line 1, column 6'],
    ['<a>x</a>junk', 'junk after document element: line 1, column 8'],
    ['<a><b></b></a><c/>', 'junk after document element: line 1, column 14'],
    ['<a></b>', 'mismatched tag: line 1, column 5'],
    ['<a', 'unclosed token: line 1, column 0'],
    ['<a x="1>2"><b', 'unclosed token: line 1, column 11'],
    ['<?xml version="1.0"?>', 'no element found: line 1, column 21'],
    ['\n\n{x', 'not well-formed (invalid token): line 3, column 0'],
    ['<a>\n<b>', 'no element found: line 2, column 3'],
    ['<a>é', 'no element found: line 1, column 4'],
    ['<a><1/></a>', 'not well-formed (invalid token): line 1, column 4'],
    ['<a><!-- x --><b>', 'no element found: line 1, column 16'],
    ['<!doctype html>', 'syntax error: line 1, column 0'],
    [' <!doctype x>', 'syntax error: line 1, column 1'],
    ['<!DOCTYPE html>', 'no element found: line 1, column 15'],
    ['<!foo>', 'not well-formed (invalid token): line 1, column 5'],
    ['<a><!foo></a>', 'not well-formed (invalid token): line 1, column 5'],
    ['<a><![CDATA[x]]>', 'no element found: line 1, column 16'],
    ['<?php x ?>', 'no element found: line 1, column 10'],
    ['<!DOCTYPE html>\n<html lang=en>', 'not well-formed (invalid token): line 2, column 11'],
    ['<ListUsersResponse><ListUsersResult><Users><member><Arn>ar', 'no element found: line 1, column 58'],
  ])('%j', (text, expected) => {
    expect(expatError(text)).toBe(expected);
  });

  it('frames the message as botocore does, with the body as Python bytes', () => {
    expect(unparsableResponseMessage(Buffer.from('{"a": \'b\'}\n'))).toBe(
      'Unable to parse response (not well-formed (invalid token): line 1, column 0), invalid XML received. ' +
        `Further retries may succeed:\nb'{"a": \\'b\\'}\\n'`,
    );
  });
});

/**
 * Bodies (as bytes) that expat refuses or reads in its own way; each expectation is what
 * Python 3.11's ElementTree (expat 2.5.0, as in the reference CLI) said for the same bytes:
 * its error, or the root's text (null when empty).
 */
const STRICT_CASES: [string, string | { text: string | null }][] = [
    ['<a>x\x1by</a>', "not well-formed (invalid token): line 1, column 4"],
    ['<a>\x00</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>\x07</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>\x7f\xc2\x9b</a>', { text: "\u007f\u009b" }],
    ['<a>\xff</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>ab\xc3</a>', "not well-formed (invalid token): line 1, column 5"],
    ['<a>\xed\xa0\x80</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>\xf4\x90\x80\x80</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>\xc0\xaf</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>\xe0\x80\xaf</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>\xef\xbf\xbe</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>\xef\xbf\xbf</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a>&#0;</a>', "reference to invalid character number: line 1, column 3"],
    ['<a>&#x1b;</a>', "reference to invalid character number: line 1, column 3"],
    ['<a>&#7;</a>', "reference to invalid character number: line 1, column 3"],
    ['<a>&#xD800;</a>', "reference to invalid character number: line 1, column 3"],
    ['<a>&#xFFFE;</a>', "reference to invalid character number: line 1, column 3"],
    ['<a>&#x110000;</a>', "reference to invalid character number: line 1, column 3"],
    ['<a>&#99999999999;</a>', "reference to invalid character number: line 1, column 3"],
    ['<a>&foo;</a>', "undefined entity: line 1, column 3"],
    ['<a>&#x;</a>', "not well-formed (invalid token): line 1, column 6"],
    ['<a>&#12a;</a>', "not well-formed (invalid token): line 1, column 7"],
    ['<a>& b</a>', "not well-formed (invalid token): line 1, column 4"],
    ['<a>&lt</a>', "not well-formed (invalid token): line 1, column 6"],
    ['<a>&amp</a>', "not well-formed (invalid token): line 1, column 7"],
    ['<a>&#</a>', "not well-formed (invalid token): line 1, column 5"],
    ['<a>&1;</a>', "not well-formed (invalid token): line 1, column 4"],
    ['<a b="&#0;"/>', "reference to invalid character number: line 1, column 6"],
    ['<a b="<"/>', "not well-formed (invalid token): line 1, column 6"],
    ['<a>]]></a>', "not well-formed (invalid token): line 1, column 5"],
    ['<x:a></x:a>', "unbound prefix: line 1, column 0"],
    ['<a><x:b/></a>', "unbound prefix: line 1, column 3"],
    ['<a x:y="1"/>', "unbound prefix: line 1, column 0"],
    ['<xmlns:a/>', "unbound prefix: line 1, column 0"],
    ['<a xmlns:x=""><x:b/></a>', "must not undeclare prefix: line 1, column 0"],
    ['<a xmlns:x="u"><x:b/></a>', { text: null }],
    ['<a><b xmlns:x="u"/><x:c/></a>', "unbound prefix: line 1, column 19"],
    ['<a xmlns:x="u"><x:b></x:b></a>', { text: null }],
    ['<a xml:lang="en"/>', { text: null }],
    ['<a>\r\nb\rc</a>', { text: "\nb\nc" }],
    ['<a>&#13;</a>', { text: "\r" }],
    ['<a>&#xD;&#x85;&#x2028;</a>', { text: "\r\u0085\u2028" }],
    ['<a>\xc2\x85\xe2\x80\xa8</a>', { text: "\u0085\u2028" }],
    ['<a>&#x9;&#xA;&#32;</a>', { text: "\t\n " }],
    ['<a>&amp;#1;</a>', { text: "&#1;" }],
    ['<a>&#xfffd;&#x10FFFF;&#x41;&#065;</a>', { text: "\ufffd\udbff\udfffAA" }],
    ['\xef\xbb\xbf<a>x</a>', { text: "x" }],
    ['<a>\xef\xbb\xbf</a>', { text: "\ufeff" }],
    ['\xef\xbb\xbf\xef\xbb\xbf<a/>', "not well-formed (invalid token): line 1, column 1"],
    ['<a\x1b/>', "not well-formed (invalid token): line 1, column 2"],
    ['<a>\n\n  \x0c</a>', "not well-formed (invalid token): line 3, column 2"],
    ['<a>\r\n\r\n\x01</a>', "not well-formed (invalid token): line 3, column 0"],
    ['<a>\r\x01</a>', "not well-formed (invalid token): line 2, column 0"],
    ['<a>\xf0\x9f\x98\x80\x01</a>', "not well-formed (invalid token): line 1, column 4"],
    ['<a><![CDATA[\x1b]]></a>', "not well-formed (invalid token): line 1, column 12"],
    ['<a><![CDATA[x\r\ny]]></a>', { text: "x\ny" }],
    ['<a><!-- \x1b --></a>', "not well-formed (invalid token): line 1, column 8"],
    ['<a>\xc3\xa9\x01</a>', "not well-formed (invalid token): line 1, column 4"],
    ['\x01<a/>', "not well-formed (invalid token): line 1, column 0"],
    ['<a><\x01/></a>', "not well-formed (invalid token): line 1, column 4"],
    ['<a>\xc3</a>', "not well-formed (invalid token): line 1, column 3"],
    ['<a\xc3>', "not well-formed (invalid token): line 1, column 2"],
    ['<a>ok</a>\x1b', "not well-formed (invalid token): line 1, column 9"],
    ['<a><b>x</b><c>&#0;\x01</c></a>', "reference to invalid character number: line 1, column 14"],
    ['<a><b>\x01&#0;</b></a>', "not well-formed (invalid token): line 1, column 6"],
];

/** What aws-iam makes of a body: the text of its root, or the expat error its message quotes. */
function readBody(bytes: Buffer): string | { text: string | null } {
  if (isUtf8(bytes)) {
    try {
      return { text: parseXml(bytes.toString('utf8')).text || null };
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
    }
  }
  return /^Unable to parse response \((.*)\), invalid XML received/.exec(unparsableResponseMessage(bytes))![1];
}

describe('strict like expat: refused, or read the same', () => {
  it.each(STRICT_CASES)('%j', (latin1, expected) => {
    expect(readBody(Buffer.from(latin1, 'latin1'))).toEqual(expected);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['abc', -1],
    ['caf\xc3\xa9', -1],
    ['\xf0\x9f\x98\x80', -1],
    ['a\xff', 1],
    ['ab\xc3', 2],
    ['\xc0\xaf', 0],
    ['\xe0\x80\xaf', 0],
    ['\xed\xa0\x80', 0],
    ['\xf4\x90\x80\x80', 0],
    ['\xc3\xa9\x80', 2],
  ])('%j', (latin1, expected) => {
    expect(firstInvalidUtf8(Buffer.from(latin1, 'latin1'))).toBe(expected);
  });
});
