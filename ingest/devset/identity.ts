import { createHash } from 'node:crypto';

/**
 * How the development set names its articles and checks them against the held-out list
 * (../shared/heldout-exclude.txt): one normalization on both sides, so a URL spelt with or without
 * "https://www." and a title in another case or punctuation are recognized as the same article.
 */

/** Lowercase; no scheme, leading "www.", query, fragment or trailing "/". */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** Lowercase; every run of characters other than a-z and 0-9 becomes one space; trimmed. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** SHA-256 of a string, in hex. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A dev-set article's id: "dev_" and the first 16 hex digits of the SHA-256 of its normalized URL. */
export function devsetId(url: string): string {
  return `dev_${sha256Hex(normalizeUrl(url)).slice(0, 16)}`;
}
