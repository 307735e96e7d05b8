/**
 * The output side of the emitter: the text so far, the current column, and libyaml's two flags
 * that decide where line breaks and spaces go (`whitespace`: the last thing written was
 * whitespace; `indention`: only indentation and indicators are on this line so far). The
 * scalar writers fold long scalars at spaces once the column has passed the width, with
 * continuation lines at the current indent, exactly as libyaml does.
 */
import { codePoints, isBreak, isPrintable } from './characters.js';
import type { ScalarStyle } from './scalar-style.js';

const BEST_WIDTH = 80;
const SPACE = 0x20;
const LF = 0x0a;

// libyaml's short escapes in double-quoted scalars.
const ESCAPES = new Map<number, string>([
  [0x00, '0'], [0x07, 'a'], [0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0b, 'v'], [0x0c, 'f'],
  [0x0d, 'r'], [0x1b, 'e'], [0x22, '"'], [0x5c, '\\'], [0x85, 'N'], [0xa0, '_'], [0x2028, 'L'],
  [0x2029, 'P'],
]);

export class YamlWriter {
  private out = '';
  column = 0;
  whitespace = true;
  indention = true;
  /** Indent of the node being written (-1 before the root collection). */
  indent = -1;

  text(): string {
    return this.out;
  }

  /** Characters that are not line breaks; the column advances by code points. */
  private put(s: string, width = s.length): void {
    this.out += s;
    this.column += width;
  }

  private putChar(cp: number): void {
    this.put(String.fromCodePoint(cp), 1);
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** A line break from the scalar itself: LF as a newline, LS/PS (and NEL) written as they are. */
  private putScalarBreak(cp: number): void {
    if (cp === LF) this.putBreak();
    else {
      this.out += String.fromCodePoint(cp);
      this.column = 0;
    }
  }

  /** Moves to the current indent, starting a new line unless only indentation is on this one. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** An anchor (`&id001`) or alias (`*id001`). */
  writeAnchor(indicator: '&' | '*', name: string): void {
    this.writeIndicator(indicator, true, false, false);
    this.put(name);
    this.whitespace = false;
    this.indention = false;
  }

  writeScalar(value: string, style: ScalarStyle, allowBreaks: boolean): void {
    const cps = codePoints(value);
    if (style === 'plain') this.writePlain(cps, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(cps, allowBreaks);
    else this.writeDoubleQuoted(cps, allowBreaks);
    this.whitespace = false;
    this.indention = false;
  }

  /** Folding happens at the first space of a run, once past the width, and never before a space. */
  private foldsHere(cps: number[], i: number, allowBreaks: boolean, afterSpace: boolean): boolean {
    return allowBreaks && !afterSpace && this.column > BEST_WIDTH && cps[i + 1] !== SPACE;
  }

  private writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace && cps.length > 0) this.put(' ');
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i];
      if (ch === SPACE) {
        if (this.foldsHere(cps, i, allowBreaks, spaces)) this.writeIndent();
        else this.putChar(ch);
        spaces = true;
      } else {
        // Plain scalars never hold line breaks (they are quoted), so no break handling here.
        this.putChar(ch);
        this.indention = false;
        spaces = false;
      }
    }
  }

  private writeSingleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const last = cps.length - 1;
    let spaces = false;
    let breaks = false;
    for (let i = 0; i <= last; i++) {
      const ch = cps[i];
      if (ch === SPACE) {
        // Unlike plain scalars, the first and last characters never fold.
        if (i !== 0 && i !== last && this.foldsHere(cps, i, allowBreaks, spaces)) this.writeIndent();
        else this.putChar(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        // A run of line breaks starting with LF gets one extra newline: in a quoted scalar
        // a single newline would fold into a space when read back.
        if (!breaks && ch === LF) this.putBreak();
        this.putScalarBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === 0x27) this.put("'");
        this.putChar(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
  }

  private writeDoubleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const last = cps.length - 1;
    let spaces = false;
    for (let i = 0; i <= last; i++) {
      const ch = cps[i];
      if (!isPrintable(ch) || ch === 0xfeff || isBreak(ch) || ch === 0x22 || ch === 0x5c) {
        this.put('\\' + escapeCode(ch));
        spaces = false;
      } else if (ch === SPACE) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== last) {
          this.writeIndent();
          // A space starting the continuation line would be eaten by folding: escape it.
          if (cps[i + 1] === SPACE) this.put('\\');
        } else {
          this.putChar(ch);
        }
        spaces = true;
      } else {
        this.putChar(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
  }
}

function escapeCode(cp: number): string {
  const short = ESCAPES.get(cp);
  if (short !== undefined) return short;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return 'x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}
