import { AnnotationSchema } from '../../../ingest/annotation/format';
import { checkAnnotation } from '../../../ingest/annotation/check';
import { planArticle } from '../../../ingest/graph-plan';
import { generateArticles, parseSize, skewedIndex } from '../../../bench/generate';
import { mulberry32 } from '../../../src/core/random';

const all = (facts: number, seed?: number) => [...generateArticles({ facts, seed, factsPerArticle: 200 })];

describe('bench synthetic generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(all(3000, 7));
    expect(JSON.stringify(all(3000, 7))).toBe(a);
    expect(JSON.stringify(all(3000, 8))).not.toBe(a);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('writes about the requested number of facts, in articles of the requested size', () => {
    const articles = all(5000);
    const rows = articles.flatMap(({ doc, annotation }) => Object.values(planArticle(annotation, doc).facts).flat());
    expect(rows.length).toBeGreaterThanOrEqual(4500);
    expect(rows.length).toBeLessThanOrEqual(5000);
    expect(articles.length).toBe(25);
  });

  it('produces annotations the project accepts: schema-valid, every quote in the text', () => {
    const declaredBefore = new Set<string>();
    for (const { doc, annotation } of all(3000)) {
      expect(() => AnnotationSchema.parse(annotation)).not.toThrow();
      // Stances may target events declared by earlier articles (they are in the graph by then); nothing else.
      const problems = checkAnnotation(annotation, doc.text).filter((p) => {
        const m = /^unknown entity "(event-\d+)"/.exec(p.message);
        return !(m && declaredBefore.has(m[1]!));
      });
      expect(problems).toEqual([]);
      for (const e of annotation.events) declaredBefore.add(e.id);
    }
  });

  it('has heavy-tailed degrees with department-of-justice among the hubs', () => {
    const degree = new Map<string, number>();
    for (const { doc, annotation } of all(20000)) {
      for (const row of Object.values(planArticle(annotation, doc).facts).flat()) {
        degree.set(row.from, (degree.get(row.from) ?? 0) + 1);
        degree.set(row.to, (degree.get(row.to) ?? 0) + 1);
      }
    }
    const ranked = [...degree.entries()].sort((x, y) => y[1] - x[1]);
    const total = ranked.reduce((s, [, d]) => s + d, 0);
    const top1pc = ranked.slice(0, Math.ceil(ranked.length / 100)).reduce((s, [, d]) => s + d, 0);
    expect(top1pc / total).toBeGreaterThan(0.2);
    expect(ranked.slice(0, 5).map(([id]) => id)).toContain('department-of-justice');
    const median = ranked[Math.floor(ranked.length / 2)]![1];
    expect(ranked[0]![1]).toBeGreaterThan(100 * median);
  });

  it('skewedIndex stays in range and favours low indices', () => {
    const rand = mulberry32(3);
    const picks = Array.from({ length: 10000 }, () => skewedIndex(rand, 100, 3));
    expect(Math.min(...picks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...picks)).toBeLessThan(100);
    expect(picks.filter((i) => i < 10).length).toBeGreaterThan(picks.filter((i) => i >= 90).length * 5);
  });

  it('parses sizes', () => {
    expect(parseSize('seed')).toBeNull();
    expect(parseSize('10k')).toBe(10_000);
    expect(parseSize('1m')).toBe(1_000_000);
    expect(() => parseSize('big')).toThrow();
  });
});
