import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EVAL_SETS } from './eval-set';

const SPEED = /\n## Speed\n[\s\S]*$/;
const SECTION = /<!-- eval:([a-z0-9-]+):start -->[\s\S]*?<!-- eval:\1:end -->/g;

/** One evaluation set's part of the document. */
export interface SetSection {
  /** The introduction every run rewrites (what is measured and how). */
  intro: string;
  /** The section's key: the set and the extractor, such as `tune-corenlp`. */
  set: string;
  section: string;
}

/**
 * Rewrites docs/extraction-quality.md, which two scripts share: eval:extract owns the introduction and
 * one section per evaluation set (each run replaces its own set's section and keeps the others, in the
 * order of `order`), and bench:extract owns the "## Speed" section at the end. The file is formatted
 * with the project's Prettier settings so that `npm run lint` accepts it as written.
 */
export async function writeQualityDoc(
  path: string,
  part: SetSection | { speed: string },
  order: readonly string[] = EVAL_SETS,
): Promise<void> {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Extraction quality\n';
  const text = composeQualityDoc(old, part, order);
  // Loaded here, not at the top: prettier loads its plugins by dynamic import, which jest's module
  // runtime refuses, and the composition above is what the tests exercise.
  const { format } = await import('prettier');
  writeFileSync(path, await format(text, { parser: 'markdown', singleQuote: true, printWidth: 120 }));
}

/** The report's text with one part replaced: a set's section (and the introduction), or the speed section. */
export function composeQualityDoc(
  old: string,
  part: SetSection | { speed: string },
  order: readonly string[] = EVAL_SETS,
): string {
  let body: string;
  if ('speed' in part) body = old.replace(SPEED, '');
  else {
    const sections = new Map<string, string>();
    for (const m of old.replace(SPEED, '').matchAll(SECTION)) sections.set(m[1]!, m[0]);
    sections.set(
      part.set,
      `<!-- eval:${part.set}:start -->\n\n${part.section.trim()}\n\n<!-- eval:${part.set}:end -->`,
    );
    // Keys are `<set>-<extractor>` (and a few hand-kept ones such as `summary`): the summary first, then the
    // sets in `order`, each set's sections in the order they first appeared, then any other section.
    const rank = (key: string): number => {
      if (key === 'summary') return -1;
      const i = order.findIndex((set) => key === set || key.startsWith(`${set}-`));
      return i < 0 ? order.length : i;
    };
    const ordered = [...sections.keys()].sort((a, b) => rank(a) - rank(b));
    body = [part.intro.trim(), ...ordered.map((s) => sections.get(s)!)].join('\n\n');
  }
  const speed = 'speed' in part ? `\n## Speed\n\n${part.speed}` : (SPEED.exec(old)?.[0] ?? '');
  return `${body.trimEnd()}\n${speed}`;
}
