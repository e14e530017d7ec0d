import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnnotationSchema } from '../../../ingest/annotation/format';
import { readArticleFile } from '../../../ingest/article/read';
import { checkAnnotation } from '../../../ingest/annotation/check';
import { extractAnnotation, gazetteerFromAnnotations } from '../../../ingest/extract';
import { CORPUS_DIR, curatedAnnotations } from './support';

describe('extractAnnotation on the seed corpus, each article with a gazetteer of the other curated articles', () => {
  const curated = curatedAnnotations();

  it.each(readdirSync(CORPUS_DIR).sort())(
    '%s: passes the schema, every quote is verbatim and every reference resolves',
    async (file) => {
      const doc = await readArticleFile(join(CORPUS_DIR, file));
      const others = [...curated].filter(([stem]) => !file.startsWith(stem)).map(([, a]) => a);
      const annotation = AnnotationSchema.parse(extractAnnotation(doc, gazetteerFromAnnotations(others)));
      expect(annotation.origin).toBe('extracted');
      expect(checkAnnotation(annotation, doc.text)).toEqual([]);
      const quotes = [
        ...annotation.entities.flatMap((e) => (e.mention ? [e.mention] : [])),
        ...annotation.roles.map((r) => r.quote),
        ...annotation.events.flatMap((e) => e.quotes),
        ...annotation.stances.map((s) => s.quote),
      ];
      for (const quote of quotes) expect(doc.text).toContain(quote);
      for (const fact of [...annotation.entities, ...annotation.roles, ...annotation.events, ...annotation.stances]) {
        expect(fact.confidence).toBeGreaterThanOrEqual(0);
        expect(fact.confidence).toBeLessThanOrEqual(1);
      }
    },
  );

  it('is deterministic', async () => {
    const doc = await readArticleFile(join(CORPUS_DIR, readdirSync(CORPUS_DIR).sort()[0]!));
    const gazetteer = gazetteerFromAnnotations([...curated.values()]);
    expect(extractAnnotation(doc, gazetteer)).toEqual(extractAnnotation(doc, gazetteer));
  });
});
