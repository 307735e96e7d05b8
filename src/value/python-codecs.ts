/**
 * The Python codecs aws-iam speaks, by the names Python accepts for them (its lookup ignores
 * case and treats `-`, `_` and spaces alike). Shared by AWS_CLI_OUTPUT_ENCODING (stdout) and
 * AWS_CLI_FILE_ENCODING (`file://` parameters); other codecs Python has are not supported.
 */
export type Codec = 'utf-8' | 'utf-8-sig' | 'ascii' | 'latin-1' | 'utf-16' | 'utf-16-le' | 'utf-16-be';

const ALIASES: Record<string, Codec> = {
  utf_8: 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8',
  utf_8_sig: 'utf-8-sig', utf8_sig: 'utf-8-sig',
  ascii: 'ascii', us_ascii: 'ascii', '646': 'ascii',
  latin_1: 'latin-1', latin1: 'latin-1', latin: 'latin-1', iso_8859_1: 'latin-1', iso8859_1: 'latin-1', l1: 'latin-1',
  utf_16: 'utf-16', utf16: 'utf-16',
  utf_16_le: 'utf-16-le', utf_16le: 'utf-16-le',
  utf_16_be: 'utf-16-be', utf_16be: 'utf-16-be',
};

export const codecNamed = (name: string): Codec | undefined => ALIASES[name.trim().toLowerCase().replace(/[-_ ]+/g, '_')];
