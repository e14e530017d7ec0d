import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';

const SPEED = /\n## Speed\n[\s\S]*$/;
const SECTION = /<!-- eval:([a-z-]+):start -->[\s\S]*?<!-- eval:\1:end -->/g;

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
  order: readonly string[] = ['seeds', 'tune', 'test', 'fresh'],
): Promise<void> {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Extraction quality\n';
  let body: string;
  if ('speed' in part) body = old.replace(SPEED, '');
  else {
    const sections = new Map<string, string>();
    for (const m of old.replace(SPEED, '').matchAll(SECTION)) sections.set(m[1]!, m[0]);
    sections.set(
      part.set,
      `<!-- eval:${part.set}:start -->\n\n${part.section.trim()}\n\n<!-- eval:${part.set}:end -->`,
    );
    const ordered = [
      ...order.filter((s) => sections.has(s)),
      ...[...sections.keys()].filter((s) => !order.includes(s)),
    ];
    body = [part.intro.trim(), ...ordered.map((s) => sections.get(s)!)].join('\n\n');
  }
  const speed = 'speed' in part ? `\n## Speed\n\n${part.speed}` : (SPEED.exec(old)?.[0] ?? '');
  const text = `${body.trimEnd()}\n${speed}`;
  writeFileSync(path, await format(text, { parser: 'markdown', singleQuote: true, printWidth: 120 }));
}
