/** The stances table as CSV (RFC 4180): one line per stance, its first quote and that quote's article. */

/** The part of a stance row the CSV needs (structurally the API's StanceRow). */
export interface CsvStance {
  kind: string;
  actor: { id: string; name: string };
  target: { id: string; name: string; date?: string | null };
  evidence: { quote: string; article: { id: string; title: string; url?: string | null; published?: string | null } }[];
}

const HEADER = [
  'actor',
  'actor_id',
  'stance',
  'action',
  'action_id',
  'date',
  'quote',
  'evidence_count',
  'article',
  'published',
  'url',
];

/**
 * One field: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is escaped with
 * an apostrophe so that a spreadsheet shows a quote instead of running it as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows, in the order given (the table's sort), under a header line; lines end in CRLF. */
export function stancesCsv(rows: readonly CsvStance[]): string {
  const lines = rows.map((r) => {
    const ev = r.evidence[0];
    return [
      r.actor.name,
      r.actor.id,
      r.kind,
      r.target.name,
      r.target.id,
      r.target.date,
      ev?.quote,
      r.evidence.length,
      ev?.article.title,
      ev?.article.published,
      ev?.article.url,
    ].map(csvField);
  });
  return [HEADER, ...lines].map((l) => l.join(',')).join('\r\n') + '\r\n';
}
