/** A document ruamel.yaml would refuse: the CLI reports it as "Invalid YAML received." */
export class YamlInputError extends Error {}

/**
 * Prefix of a top-level key that was not a string in the document (`7:`, `null:`): Python
 * refuses such a request when it passes it as keyword arguments ("keywords must be strings").
 */
export const NON_STRING_KEY = '\u{E000}';
