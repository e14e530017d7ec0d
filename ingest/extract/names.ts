/** Name normalization shared by the gazetteer, resolution and evaluation. */

/** Plain quotes and apostrophes for typographic ones, so that "Sessions’" and "Sessions'" compare equal. */
function plainQuotes(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"');
}

/**
 * The comparison key of a name: lowercase, no accents, no periods ("U.S." = "US"), no
 * possessive, no leading "the", quotes and hyphens as spaces, whitespace collapsed.
 */
export function normalizeName(name: string): string {
  return plainQuotes(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/\./g, '')
    .replace(/["'‘’,()\-–—/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** A slug for a new entity or event id: lowercase ASCII words joined by single hyphens. */
export function slugify(text: string, maxLength = 60): string {
  const slug = normalizeName(text)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'entity';
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength);
}

/** Words that do not count toward an acronym ("Department of Homeland Security" = DHS). */
const ACRONYM_FILLERS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'us', 'u.s.', '&']);

/** The acronyms a name may be abbreviated to: initials of the content words, and of all words. */
export function acronymsOf(name: string): string[] {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  const content = words.filter((w) => !ACRONYM_FILLERS.has(w.toLowerCase()));
  const initials = (ws: string[]): string =>
    ws
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase();
  return [...new Set([initials(content), initials(words)])].filter((a) => a.length >= 2);
}

/** Similarity of two names in [0, 1]: the Dice coefficient of their character bigrams. */
export function nameSimilarity(a: string, b: string): number {
  const grams = (s: string): Map<string, number> => {
    const map = new Map<string, number>();
    const text = normalizeName(s).replace(/ /g, '');
    for (let i = 0; i < text.length - 1; i++) {
      const gram = text.slice(i, i + 2);
      map.set(gram, (map.get(gram) ?? 0) + 1);
    }
    return map;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of ga) {
    shared += Math.min(count, gb.get(gram) ?? 0);
    total += count;
  }
  for (const count of gb.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The last word of a person's name, the one news copy uses alone ("de Blasio" keeps its particle). */
export function surnameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2];
  return before && /^(de|da|del|della|di|du|la|le|van|von|der|st\.?)$/i.test(before) ? `${before} ${last}` : last;
}
