import { join } from 'node:path';
import { AnnotationSchema } from '../../../ingest/annotation/format';
import { readArticleFile } from '../../../ingest/article/read';
import { checkAnnotation } from '../../../ingest/annotation/check';
import { extractAnnotation, gazetteerFromAnnotations } from '../../../ingest/extract';
import { curatedAnnotations } from './support';

/**
 * A regression fixture, not an unseen article: tests/fixtures/articles/new-article.txt is synthetic and
 * rules were written while reading it. It is outside the seed corpus, so the whole curated corpus is its
 * gazetteer. Out-of-sample quality is measured on the dev set's fresh split (npm run eval:extract -- --set=fresh).
 */
describe('extracting the synthetic regression fixture', () => {
  const load = async () => {
    const doc = await readArticleFile(join(__dirname, '../../fixtures/articles/new-article.txt'));
    const annotation = AnnotationSchema.parse(
      extractAnnotation(doc, gazetteerFromAnnotations([...curatedAnnotations().values()])),
    );
    return { doc, annotation };
  };

  it('reads the article metadata and gives a valid annotation with verbatim quotes', async () => {
    const { doc, annotation } = await load();
    expect(annotation.article).toMatchObject({
      file: 'new-article.txt',
      author: 'Dana Whitfield',
      published: '2018-06-07',
    });
    expect(checkAnnotation(annotation, doc.text)).toEqual([]);
  });

  it('finds the people, known ones under their gazetteer ids', async () => {
    const { annotation } = await load();
    const people = annotation.entities.filter((e) => e.kind === 'person').map((e) => e.id);
    expect(people).toEqual(expect.arrayContaining(['jeff-sessions', 'michael-baylson', 'jim-kenney', 'rosa-delgado']));
    const ids = annotation.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['philadelphia', 'department-of-justice', 'ice', 'sanctuary-policies']));
    expect(annotation.roles).toContainEqual(
      expect.objectContaining({ person: 'jim-kenney', title: 'Mayor', org: 'philadelphia' }),
    );
  });

  it('finds the lawsuit, the ruling and the speech, dated from the article date', async () => {
    const { annotation } = await load();
    expect(annotation.events).toContainEqual(
      expect.objectContaining({
        type: 'lawsuit',
        date: '2017-08',
        by: ['philadelphia'],
        targets: ['department-of-justice'],
      }),
    );
    expect(annotation.events).toContainEqual(
      // The lede's "on Wednesday" dates it to the day; the body's "ruled" is merged into it.
      expect.objectContaining({ type: 'ruling', date: '2018-06-06', by: ['michael-baylson'] }),
    );
    expect(annotation.events).toContainEqual(
      expect.objectContaining({ type: 'speech', date: '2018-05', by: ['jeff-sessions'] }),
    );
  });

  /*
   * The verbs "criticized", "praised" and "defended" were in the stance rules only because of this fixture;
   * removing them left the seed and tune scores unchanged (docs/extraction-quality.md), so they were removed,
   * and with them this fixture's stances of the Justice Department, Rosa Delgado and Jim Kenney. What
   * remains comes from rules the seeds and the tune split need.
   */
  it('finds who is against sanctuary policies from the speaker’s framing', async () => {
    const { annotation } = await load();
    const stances = annotation.stances.map((s) => `${s.actor} ${s.kind} ${s.target}`);
    expect(stances).toContain('jeff-sessions OPPOSED sanctuary-policies');
  });
});
