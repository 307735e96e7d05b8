/**
 * An IAM error answer read as botocore reads it, because the CLI prints exactly what that
 * reading yields:
 * - the `Error` element (under the root, or under `Errors` as some servers nest it) becomes a
 *   dict of its children in wire order; an empty element is None, not '' (ElementTree's text);
 * - the message line uses `Code` and `Message` with `Unknown` for a missing one, so an empty
 *   `<Message></Message>` reads `None`;
 * - the structured formats (`--cli-error-format json|yaml|text|table`) show the Error dict's
 *   keys that are `Code`, `Message` or a member of the error's modeled shape (case-insensitive),
 *   in wire order, then the modeled members botocore parsed from `ErrorResponse/Error`
 *   (members as written, e.g. `<message>`), as ClientErrorHandler._extract_error_response does.
 */
import type { Value } from '../value/value.js';
import type { XmlElement } from '../response/xml.js';

export interface ErrorAnswerFields {
  /** undefined: no such element; null: an empty one. */
  readonly code: string | null | undefined;
  readonly message: string | null | undefined;
  /** What the structured error formats show, in order. */
  readonly fields: readonly (readonly [string, Value])[];
}

/** botocore's _build_name_to_xml_node + _replace_nodes: children by name, repeats as lists, leaves as text. */
function elementDict(element: XmlElement): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const child of element.children) {
    const value: Value = child.children.length > 0 ? elementDict(child) : child.text === '' ? null : child.text;
    const seen = out.get(child.name);
    if (!out.has(child.name)) out.set(child.name, value);
    else if (Array.isArray(seen)) seen.push(value);
    else out.set(child.name, [seen as Value, value]);
  }
  return out;
}

const stringOrNull = (v: Value | undefined): string | null | undefined =>
  v === undefined || v === null || typeof v === 'string' ? v : String(v);

/**
 * Reads an error document. `modeledMembers(code)` gives the members of the error shape IAM
 * models for that code (botocore parses them only when the code is known).
 */
export function readErrorAnswer(root: XmlElement, modeledMembers: (code: string) => readonly string[] | undefined): ErrorAnswerFields {
  const top = elementDict(root);
  const errors = top.get('Errors');
  const errorValue = errors instanceof Map && errors.has('Error') ? errors.get('Error') : top.get('Error');
  const error = errorValue instanceof Map ? errorValue : new Map<string, Value>();
  const code = stringOrNull(error.get('Code'));
  const members = typeof code === 'string' ? modeledMembers(code) : undefined;
  const shown = new Set(['code', 'message', ...(members ?? []).map((m) => m.toLowerCase())]);
  const fields: [string, Value][] = [...error].filter(([key]) => shown.has(key.toLowerCase()));
  if (members) {
    // _get_error_root: the Error child of an ErrorResponse root, else the root itself.
    const errorRoot = (root.name === 'ErrorResponse' && root.children.find((c) => c.name === 'Error')) || root;
    for (const member of members) {
      const node = errorRoot.children.find((c) => c.name === member);
      // Modeled strings: an empty element is '' here (botocore's _text_content).
      if (node && !error.has(member)) fields.push([member, node.text]);
    }
  }
  return { code, message: stringOrNull(error.get('Message')), fields };
}
