/**
 * Which of the three styles the emitter gives a scalar: plain, 'single' or "double" quoted.
 * The rules are libyaml's (the CLI's dumper emits through ruamel.yaml.clib): a plain scalar
 * must not start with an indicator, contain `: ` or ` #`, have leading/trailing whitespace or
 * line breaks, or read back as another type; single quotes cannot hold non-printable
 * characters or a space next to a line break; double quotes can hold anything.
 * Flow-context rules are left out: the CLI dumps block style, and only empty collections are
 * written in flow style.
 */
import { codePoints, isBlankOrEnd, isBreak, isPrintable } from './characters.js';
import { resolvesToNonString } from './resolve.js';

export type ScalarStyle = 'plain' | 'single' | 'double';

export interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
}

const LEADING_INDICATORS = new Set([..."#,[]{}&*!|>'\"%@`"].map((c) => c.codePointAt(0)!));
const SPACE = 0x20;

export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '') return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true };
  const cps = codePoints(value);
  const last = cps.length - 1;
  let indicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingOrTrailingBlank = false;
  let breakSpace = false; // a space right after a line break
  let spaceBreak = false; // a line break right after a space
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i <= last; i++) {
    const ch = cps[i];
    const followedByBlank = isBlankOrEnd(cps[i + 1]);
    if (i === 0) {
      if (LEADING_INDICATORS.has(ch)) indicators = true;
      if ((ch === 0x3f /* ? */ || ch === 0x3a /* : */ || ch === 0x2d) /* - */ && followedByBlank) {
        indicators = true;
      }
    } else {
      if (ch === 0x3a /* : */ && followedByBlank) indicators = true;
      if (ch === 0x23 /* # */ && isBlankOrEnd(cps[i - 1])) indicators = true;
    }
    if (!isPrintable(ch)) special = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === SPACE) {
      if (i === 0 || i === last) leadingOrTrailingBlank = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (i === 0 || i === last) leadingOrTrailingBlank = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = previousBreak = false;
    }
  }
  return {
    multiline: lineBreaks,
    blockPlainAllowed: !(indicators || lineBreaks || special || leadingOrTrailingBlank || breakSpace || spaceBreak),
    singleQuotedAllowed: !(special || breakSpace || spaceBreak),
  };
}

/**
 * The style of a scalar. `isString` is false for ints, floats, bools and null, whose text
 * always reads back as their own type; `simpleKey` is true for a mapping key written `key: `.
 */
export function chooseStyle(value: string, isString: boolean, simpleKey: boolean, analysis = analyzeScalar(value)): ScalarStyle {
  if (simpleKey && analysis.multiline) return 'double';
  let plain = analysis.blockPlainAllowed;
  if (value === '' && simpleKey) plain = false;
  if (isString && resolvesToNonString(value)) plain = false;
  if (plain) return 'plain';
  return analysis.singleQuotedAllowed ? 'single' : 'double';
}
