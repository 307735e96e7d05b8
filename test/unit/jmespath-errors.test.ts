// Where the lexer and parser report errors: exact messages (Python jmespath 1.0.1 str(exception),
// captured from /usr/bin/python3) and token positions. null = the expression compiles.
import { describe, expect, it } from "vitest";
import { compile, JmesPathError } from "../../src/query/jmespath/index.js";
import { tokenize } from "../../src/query/jmespath/lexer.js";

const COMPILE_ERRORS: [string, string | null][] = [
  ["", "Invalid JMESPath expression: cannot be empty."],
  ["Users[.", "Expecting: star, got: dot: Parse error at column 6, token \".\" (DOT), for expression:\n\"Users[.\"\n       ^"],
  ["Users[", "Invalid jmespath expression: Incomplete expression:\n\"Users[\"\n       ^"],
  ["\"abc", "Bad jmespath expression: Unclosed \" delimiter:\n\"abc\n^"],
  ["Users[-]", "Bad jmespath expression: Unknown token '-':\nUsers[-]\n      ^"],
  ["a#b", "Bad jmespath expression: Unknown token #:\na#b\n ^"],
  ["'abc", "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^"],
  ["`abc", "Bad jmespath expression: Unclosed ` delimiter:\n`abc\n^"],
  ["a = b", "Bad jmespath expression: Unknown token '=':\na = b\n  ^"],
  ["a =", "Bad jmespath expression: Unknown token '=':\na =\n  ^"],
  ["=", "Bad jmespath expression: Unknown token '=':\n=\n^"],
  ["a.", "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 2, token \"\" (EOF), for expression:\n\"a.\"\n   ^"],
  ["a[1:", "syntax error: Parse error at column 4, token \"\" (EOF), for expression:\n\"a[1:\"\n     ^"],
  ["a[:::]", "syntax error: Parse error at column 4, token \":\" (COLON), for expression:\n\"a[:::]\"\n     ^"],
  ["a[1:2:3:4]", "syntax error: Parse error at column 7, token \":\" (COLON), for expression:\n\"a[1:2:3:4]\"\n        ^"],
  ["a[b]", "Expecting: star, got: unquoted_identifier: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"a[b]\"\n   ^"],
  ["a b", "Unexpected token: b: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"a b\"\n   ^"],
  ["a]", "Unexpected token: ]: Parse error at column 1, token \"]\" (RBRACKET), for expression:\n\"a]\"\n  ^"],
  ["\"a\"(b)", "Quoted identifier not allowed for function names.: Parse error at column 0, token \"(\" (LPAREN), for expression:\n\"\"a\"(b)\"\n ^"],
  ["a[0](b)", "Invalid function name ']': Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"a[0](b)\"\n    ^"],
  ["@(a)", "Invalid function name '@': Parse error at column 0, token \"@\" (CURRENT), for expression:\n\"@(a)\"\n ^"],
  ["{}", "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: rbrace: Parse error at column 1, token \"}\" (RBRACE), for expression:\n\"{}\"\n  ^"],
  ["{a}", "Expecting: colon, got: rbrace: Parse error at column 2, token \"}\" (RBRACE), for expression:\n\"{a}\"\n   ^"],
  ["{a: b", "Invalid jmespath expression: Incomplete expression:\n\"{a: b\"\n      ^"],
  ["[a,]", "invalid token: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"[a,]\"\n    ^"],
  ["[a, b", "Invalid jmespath expression: Incomplete expression:\n\"[a, b\"\n      ^"],
  ["(a", "Invalid jmespath expression: Incomplete expression:\n\"(a\"\n   ^"],
  ["f(a,,b)", "invalid token: Parse error at column 4, token \",\" (COMMA), for expression:\n\"f(a,,b)\"\n     ^"],
  ["a*", "invalid token: Parse error at column 1, token \"*\" (STAR), for expression:\n\"a*\"\n  ^"],
  ["a!b", "invalid token: Parse error at column 1, token \"!\" (NOT), for expression:\n\"a!b\"\n  ^"],
  ["a{b}", "invalid token: Parse error at column 1, token \"{\" (LBRACE), for expression:\n\"a{b}\"\n  ^"],
  ["a[*]*", "syntax error: Parse error at column 4, token \"*\" (STAR), for expression:\n\"a[*]*\"\n     ^"],
  ["a.@", "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: current: Parse error at column 2, token \"@\" (CURRENT), for expression:\n\"a.@\"\n   ^"],
  ["a.'b'", "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: literal: Parse error at column 2, token \"b\" (LITERAL), for expression:\n\"a.'b'\"\n   ^"],
  ["a.`\"b\"`", "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: literal: Parse error at column 2, token \"b\" (LITERAL), for expression:\n\"a.`\"b\"`\"\n   ^"],
  ["a `{\"a\": [1, true, null, 1.5]}`", "Unexpected token: {'a': [1, True, None, 1.5]}: Parse error at column 2, token \"{'a': [1, True, None, 1.5]}\" (LITERAL), for expression:\n\"a `{\"a\": [1, true, null, 1.5]}`\"\n   ^"],
  ["a 007", "Unexpected token: 7: Parse error at column 2, token \"7\" (NUMBER), for expression:\n\"a 007\"\n   ^"],
  ["a -0", "Unexpected token: 0: Parse error at column 2, token \"0\" (NUMBER), for expression:\n\"a -0\"\n   ^"],
  ["\"\\x\"", "Bad jmespath expression: Invalid \\escape:\n\"\\x\"\n^"],
  ["\"\\u12\"", "Bad jmespath expression: Invalid \\uXXXX escape:\n\"\\u12\"\n^"],
  ["\"a\tb\"", "Bad jmespath expression: Invalid control character at:\n\"a\tb\"\n^"],
  ["é.a", "Bad jmespath expression: Unknown token é:\né.a\n^"],
  ["a.😀", "Bad jmespath expression: Unknown token 😀:\na.😀\n  ^"],
  ["\"😀\".[", "Invalid jmespath expression: Incomplete expression:\n\"\"😀\".[\"\n      ^"],
  ["\"😀\" b", "Unexpected token: b: Parse error at column 4, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"\"😀\" b\"\n     ^"],
  ["`foo\"bar`", "Bad jmespath expression: Bad token foo\"bar:\n`foo\"bar`\n^"],
  ["!", "Invalid jmespath expression: Incomplete expression:\n\"!\"\n  ^"],
  ["&", "Invalid jmespath expression: Incomplete expression:\n\"&\"\n  ^"],
  ["|a", "invalid token: Parse error at column 0, token \"|\" (PIPE), for expression:\n\"|a\"\n ^"],
  ["a ||", "Invalid jmespath expression: Incomplete expression:\n\"a ||\"\n     ^"],
  ["a == ", "Invalid jmespath expression: Incomplete expression:\n\"a == \"\n      ^"],
  ["a[?b ==]", "invalid token: Parse error at column 7, token \"]\" (RBRACKET), for expression:\n\"a[?b ==]\"\n        ^"],
  ["[?", "Invalid jmespath expression: Incomplete expression:\n\"[?\"\n   ^"],
  ["[ ]", "invalid token: Parse error at column 2, token \"]\" (RBRACKET), for expression:\n\"[ ]\"\n   ^"],
  ["a[ ]", "Expecting: star, got: rbracket: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"a[ ]\"\n    ^"],
  ["[*]]", "Unexpected token: ]: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"[*]]\"\n    ^"],
  ["foo[?bar==`1`", "Invalid jmespath expression: Incomplete expression:\n\"foo[?bar==`1`\"\n              ^"],
  ["a.[0]", "invalid token: Parse error at column 3, token \"0\" (NUMBER), for expression:\n\"a.[0]\"\n    ^"],
  ["a[1 2]", "Expecting: rbracket, got: number: Parse error at column 4, token \"2\" (NUMBER), for expression:\n\"a[1 2]\"\n     ^"],
  ["a[::a]", "syntax error: Parse error at column 4, token \"a\" (UNQUOTED_IDENTIFIER), for expression:\n\"a[::a]\"\n     ^"],
  ["a.'b'(c)", "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: literal: Parse error at column 2, token \"b\" (LITERAL), for expression:\n\"a.'b'(c)\"\n   ^"],
  ["a 1.5", "Unexpected token: 1: Parse error at column 2, token \"1\" (NUMBER), for expression:\n\"a 1.5\"\n   ^"],
];

describe("compile errors", () => {
  it.each(COMPILE_ERRORS)("%j", (expression, message) => {
    let error: unknown;
    try {
      compile(expression);
    } catch (e) {
      error = e;
    }
    if (message === null) return expect(error).toBeUndefined();
    expect(error).toBeInstanceOf(JmesPathError);
    expect((error as Error).message).toBe(message);
  });
});

// [expression, "type@start ..."]; positions count code points as Python does.
const TOKENS: [string, string][] = [
  ["a.b", "unquoted_identifier@0 dot@1 unquoted_identifier@2 eof@3"],
  ["a[]", "unquoted_identifier@0 flatten@1 eof@3"],
  ["a[ ]", "unquoted_identifier@0 lbracket@1 rbracket@3 eof@4"],
  ["a[?b]", "unquoted_identifier@0 filter@1 unquoted_identifier@3 rbracket@4 eof@5"],
  ["a||b&&!c", "unquoted_identifier@0 or@1 unquoted_identifier@3 and@4 not@6 unquoted_identifier@7 eof@8"],
  ["a|b&c", "unquoted_identifier@0 pipe@1 unquoted_identifier@2 expref@3 unquoted_identifier@4 eof@5"],
  ["<<=>>===!=", "lt@0 lte@1 gt@3 gte@4 eq@6 ne@8 eof@10"],
  ["[-12:3]", "lbracket@0 number@1 colon@4 number@5 rbracket@6 eof@7"],
  ["\"\\u00e9\".\"😀\"", "quoted_identifier@0 dot@8 quoted_identifier@9 eof@12"],
  ["\"é\".\"😀\"", "quoted_identifier@0 dot@3 quoted_identifier@4 eof@7"],
  ["`1` 'x' @", "literal@0 literal@4 current@8 eof@9"],
  ["\t\n\r a", "unquoted_identifier@4 eof@5"],
  ["{a: *}", "lbrace@0 unquoted_identifier@1 colon@2 star@4 rbrace@5 eof@6"],
];

describe("tokens", () => {
  it.each(TOKENS)("%j", (expression, expected) => {
    expect(tokenize(expression).map((t) => `${t.type}@${t.start}`).join(" ")).toBe(expected);
  });
});

// Token values as messages print them.
const TOKEN_TEXT: [string, string][] = [
  ["007", "7"],
  ["-0", "0"],
  ["'a\\\\b'", "a\\\\b"],
  ["'it\\'s'", "it's"],
  ["`foo`", "foo"],
  ["`[1, true, null]`", "[1, True, None]"],
  ["`\\``", "`"],
];

describe("token text", () => {
  it.each(TOKEN_TEXT)("%j", async (expression, expected) => {
    const { tokenText } = await import("../../src/query/jmespath/errors.js");
    expect(tokenText(tokenize(expression)[0])).toBe(expected);
  });
});
