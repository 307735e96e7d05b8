/**
 * Command lines split into words the way the AWS CLI splits them with Python's shlex (the pager
 * setting); the differential corpus uses it for its lines too.
 */

/** Python's shlex.split (POSIX mode, no comments). */
export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error('No closing quotation');
      current = (current ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      current ??= '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length && '\\"$`\n'.includes(text[i + 1])) i++;
        current += text[i];
      }
      if (i >= text.length) throw new Error('No closing quotation');
    } else if (c === '\\') {
      if (i + 1 >= text.length) throw new Error('No escaped character');
      current = (current ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (current !== undefined) words.push(current);
      current = undefined;
    } else {
      current = (current ?? '') + c;
    }
  }
  if (current !== undefined) words.push(current);
  return words;
}
