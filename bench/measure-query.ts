import type { Database } from '../src/core/database';
import { type GateAnswer, judge, type Verdict } from './equivalence';
import { interleavedSamples, ratioSpread } from './interleave';
import type { Runner } from './load-generation';
import { summarize } from './measure';
import { measureConcurrency, runnerFor } from './measure-impl';
import type { Options } from './options';
import type { Server } from './processes';
import type { BenchQuery } from './queries';
import { IMPLS, type Impl, type ImplResult, type QueryResult } from './results';
import { waitForQuiet } from './wipe';

/** Each implementation answers once; the answers, normalised, go to the gate. A failure is an answer too. */
export async function gate(query: BenchQuery, runners: Record<Impl, Runner>): Promise<Verdict> {
  const answers = {} as Record<Impl, GateAnswer>;
  for (const impl of IMPLS) {
    try {
      answers[impl] = { normalized: query.normalize[impl](await runners[impl].answer()) };
    } catch (err) {
      answers[impl] = { error: (err as Error).message.slice(0, 200) };
    }
  }
  return judge(answers);
}

/**
 * One row: the equivalence gate, the interleaved c=1 samples of the three implementations, then each under
 * concurrency. The row is timed whatever the gate says (the figures are kept), but its ratios are only
 * reported when the gate agrees. `say` gets the progress lines.
 */
export async function measureQuery(
  query: BenchQuery,
  servers: { ours: Server; neo4jGraphql: Server },
  db: Database,
  options: Options,
  sampleRss: () => void,
  say: (msg: string) => void,
): Promise<QueryResult> {
  const runners = Object.fromEntries(IMPLS.map((i) => [i, runnerFor(i, query, servers, db)])) as Record<Impl, Runner>;
  const verdict = await gate(query, runners);
  say(
    verdict.agree
      ? `gate: the three agree (${verdict.items} items, ${verdict.edges} edges)`
      : `gate: DIFFER: ${verdict.differences.join('; ')}`,
  );
  const samples = await interleavedSamples(
    runners,
    {
      repeats: options.repeats,
      roundsPerRepeat: options.rounds,
      warmupRounds: options.warmup,
      repeatBudgetMs: options.repeatBudgetMs,
      minRounds: options.minRounds,
    },
    (repeat, p50s) =>
      say(
        `repeat ${repeat + 1}/${options.repeats}: p50 ${IMPLS.map((i) => `${i} ${p50s[i].toFixed(1)} ms`).join(', ')}`,
      ),
  );
  const impls = {} as Record<Impl, ImplResult>;
  for (const impl of IMPLS) {
    const s = samples[impl];
    const c1 = s.samples.length ? summarize(s.samples) : null;
    if (!c1) say(`WARNING: ${impl} has 0 successful samples (${s.errors} errors: ${s.firstError ?? 'none'})`);
    await waitForQuiet(db);
    // The round trips of a warm request (@neo4j/graphql checks the Neo4j version on its first one).
    const roundTrips = await runners[impl].once().catch(() => null);
    const load = await measureConcurrency(
      impl,
      query,
      runners[impl],
      servers,
      options,
      c1?.p50 ?? null,
      impl === 'ours' ? sampleRss : () => undefined,
    );
    for (const c of load.concurrency)
      if (c.requests === 0) say(`WARNING: ${impl} c=${c.connections} had 0 successful requests (${c.errors} errors)`);
    impls[impl] = {
      c1,
      repeatP50s: s.byRepeat.map((r) => summarize(r).p50),
      c1Errors: s.errors,
      concurrency: load.concurrency,
      roundTrips,
      error: s.firstError ?? load.error,
    };
  }
  const ratios = {
    neo4jGraphql: ratioSpread(samples.ours, samples.neo4jGraphql),
    raw: ratioSpread(samples.ours, samples.raw),
  };
  const f = (r: ImplResult) => (r.c1 ? `${r.c1.p50.toFixed(1)}ms (n=${r.c1.n})` : `ERR ${r.error}`);
  const ratio = (x: { ratio: number } | null) => (x ? `${x.ratio.toFixed(2)}×` : '–');
  say(
    `ours ${f(impls.ours)}, @neo4j/graphql ${f(impls.neo4jGraphql)}, raw ${f(impls.raw)}` +
      (verdict.agree ? `; ratios ${ratio(ratios.neo4jGraphql)} / ${ratio(ratios.raw)}` : '; no ratio (gate differs)'),
  );
  return { name: query.name, note: query.note, gate: verdict, ratios, impls };
}
