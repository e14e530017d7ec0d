/** What an ingest run reports: one outcome per input, totals, and the progress shown while it runs. */
import { type Progress, ProgressBar } from '../src/core/progress';
import { IngestInputError } from './errors';
import { noWrites, type WriteCounts } from './write-plan';

/** checked: a dry run read, extracted where needed, and validated the article, writing nothing. */
export type ArticleStatus = 'created' | 'updated' | 'unchanged' | 'checked' | 'failed';

export interface ArticleOutcome {
  file: string;
  articleId?: string;
  status: ArticleStatus;
  origin?: string;
  counts?: WriteCounts;
  error?: string;
}

export interface IngestSummary {
  outcomes: ArticleOutcome[];
  totals: WriteCounts & { articles: Record<ArticleStatus, number> };
  elapsedMs: number;
}

/** The message an outcome carries for a failure: an input error as it is, anything else by its message. */
export function describeError(error: unknown): string {
  if (error instanceof IngestInputError) return error.message;
  return `${(error as Error).message ?? String(error)}`;
}

/** Collects the outcomes of `count` inputs in input order, counting them and showing each as it comes. */
export class SummaryRecorder {
  readonly outcomes: ArticleOutcome[];
  readonly totals: IngestSummary['totals'] = {
    articles: { created: 0, updated: 0, unchanged: 0, checked: 0, failed: 0 },
    ...noWrites(),
  };
  private readonly bar: ProgressBar | null;

  constructor(
    count: number,
    private readonly progress: Progress,
    bar: boolean,
  ) {
    this.outcomes = new Array(count);
    this.bar = bar ? new ProgressBar(count, 'Ingesting') : null;
  }

  /** Records the outcome of input `index`: a tick of the bar, or one line of progress. */
  report(index: number, outcome: ArticleOutcome): void {
    this.outcomes[index] = outcome;
    this.totals.articles[outcome.status] += 1;
    if (this.bar) this.bar.tick(outcome.file);
    else
      this.progress.info(`${outcome.status.padEnd(9)} ${outcome.file}${outcome.error ? `\n  ${outcome.error}` : ''}`);
  }
}
