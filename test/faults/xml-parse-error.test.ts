/**
 * expat's first error for broken bodies, as Python's ElementTree reports it (each expectation
 * was printed by Python 3.11's xml.etree.ElementTree.XMLParser for the same text).
 */
import { describe, expect, it } from 'vitest';
import { expatError, unparsableResponseMessage } from '../../src/sdk/xml-parse-error.js';

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
