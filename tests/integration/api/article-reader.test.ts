import { type Api, apiFor, dataOf, seedCorpus } from './support';

/**
 * What the explorer's article reader reads (issue 16): an article's text, the facts it is a source of, and the
 * search-as-you-type of its pickers, on the seed corpus ingested by the project's own ingest.
 */
describe('the article reader API on the seed corpus', () => {
  const api: Api = apiFor(seedCorpus);
  const SESSIONS_WARNS = '004_7eba275eeb4bf9d5';
  const GARCETTI = 'Threaten me all you want. I will stand up for every Angeleno.';

  it('serves article(id) { text }: the plain text its quotes were checked against', async () => {
    const data = dataOf(await api.query(`{ article(id: "${SESSIONS_WARNS}") { title text } }`));
    expect(data.article.title).toContain('Atty. General Sessions warns sanctuary cities');
    expect(data.article.text).toContain(`LA Mayor Eric Garcetti, a firm advocate of sanctuary city practices`);
    expect(data.article.text).toContain(GARCETTI);
  });

  it('lists the facts the article is a source of, each with its quotes, in a fixed order', async () => {
    const query = `{ article(id: "${SESSIONS_WARNS}") {
      facts(first: 100) { type from to evidence { quote article { id } } }
    } }`;
    const facts = dataOf(await api.query(query)).article.facts as {
      type: string;
      from: string;
      to: string;
      evidence: { quote: string; article: { id: string } }[];
    }[];
    const garcetti = facts.find(
      (f) => f.type === 'OPPOSED' && f.from === 'eric-garcetti' && f.to === 'sessions-subpoena-threat-2018-01-24',
    );
    expect(garcetti?.evidence).toContainEqual({
      quote: expect.stringContaining(GARCETTI),
      article: { id: SESSIONS_WARNS },
    });
    // Every fact listed has this article among its sources: at least one quote of its own.
    for (const f of facts) expect(f.evidence.map((e) => e.article.id)).toContain(SESSIONS_WARNS);
    // By type, then the ids of the ends, each compared as Cypher compares strings (code point by code point).
    const keys = facts.map((f) => [f.type, f.from, f.to]);
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const inOrder = [...keys].sort(
      (a, b) => byCodePoint(a[0]!, b[0]!) || byCodePoint(a[1]!, b[1]!) || byCodePoint(a[2]!, b[2]!),
    );
    expect(keys).toEqual(inOrder);
    expect(new Set(keys.map((k) => k.join('|'))).size).toBe(keys.length);
    // The same query answers the same list again.
    expect(dataOf(await api.query(query)).article.facts).toEqual(facts);
  });

  it('cuts the facts to first', async () => {
    const data = dataOf(await api.query(`{ article(id: "${SESSIONS_WARNS}") { facts(first: 2) { type } } }`));
    expect(data.article.facts).toHaveLength(2);
  });

  it('refuses the text of articles in a list, with a BAD_USER_INPUT naming the field and saying where to ask', async () => {
    const res = await api.query(`{ stances(kind: OPPOSED, first: 5) { evidence { article { id text } } } }`);
    expect(res.data?.stances ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions.field).toBe('Article.text');
    expect(res.errors?.[0]?.message).toContain('article(id) { text }');
    expect(res.errors?.[0]?.path).toEqual(['stances']);
  });

  it('search with prefix finds names from the start of their last word; without it, it does not', async () => {
    const hits = async (text: string, prefix: boolean) =>
      (
        dataOf(await api.query(`{ search(text: "${text}", prefix: ${prefix}, first: 5) { id } }`)).search as {
          id: string;
        }[]
      ).map((h) => h.id);
    expect(await hits('garc', false)).not.toContain('eric-garcetti');
    expect(await hits('garc', true)).toContain('eric-garcetti');
    expect((await hits('eric garc', true))[0]).toBe('eric-garcetti');
  });
});
