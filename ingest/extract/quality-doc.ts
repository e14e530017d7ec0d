import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';

const SPEED = /\n## Speed\n[\s\S]*$/;

/**
 * Rewrites docs/extraction-quality.md, which two scripts share: eval:extract owns everything
 * before the "## Speed" section and bench:extract owns that section. The file is formatted with
 * the project's Prettier settings so that `npm run lint` accepts it as written.
 */
export async function writeQualityDoc(path: string, part: { body: string } | { speed: string }): Promise<void> {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Extraction quality\n';
  const body = 'body' in part ? part.body : old.replace(SPEED, '');
  const speed = 'speed' in part ? `\n## Speed\n\n${part.speed}` : (SPEED.exec(old)?.[0] ?? '');
  const text = `${body.trimEnd()}\n${speed}`;
  writeFileSync(path, await format(text, { parser: 'markdown', singleQuote: true, printWidth: 120 }));
}
