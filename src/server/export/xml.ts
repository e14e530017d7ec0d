/**
 * XML 1.0 text and attribute escaping. Characters XML 1.0 cannot carry at all, even as references (control
 * characters other than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF), become
 * U+FFFD: a parser would refuse the whole file otherwise.
 */

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what is matched
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// In an attribute a parser turns tab and line breaks into spaces unless they are references.
const ATTRIBUTE: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\t': '&#9;' };

/** Element content: & < > escaped, a carriage return kept as a reference (parsers would drop it). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => TEXT[c]!);
}

/** An attribute value for double or single quotes, line breaks and tabs kept as references. */
export function xmlAttribute(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE[c]!);
}
