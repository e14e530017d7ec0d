import { EDGE_EVIDENCE, type Evidence, type GraphEdge } from './api';
import { el } from './dom';
import { articleLink, quoted } from './format';
import { readerLink } from './reader-link';
import type { RequestChannel } from './requests';

/** Loads an edge's evidence from either end's neighbourhood, once (the edge keeps it), on the caller's channel. */
export async function loadEvidence(e: GraphEdge, requests: RequestChannel): Promise<Evidence[]> {
  if (e.evidence) return e.evidence;
  for (const end of [e.from, e.to]) {
    const data = await requests.join<{ neighborhood: { edges: GraphEdge[] } }>(EDGE_EVIDENCE, {
      id: end,
      type: e.type,
    });
    const found = data.neighborhood.edges.find((x) => x.from === e.from && x.to === e.to && x.type === e.type);
    if (found?.evidence) {
      e.evidence = found.evidence;
      return e.evidence;
    }
  }
  e.evidence = [];
  return e.evidence;
}

/** Each quote with the article it comes from, its source and date, and a link to read it there. */
export function evidenceList(evidence: Evidence[]): HTMLElement {
  const list = el('ul', { class: 'evidence' });
  for (const ev of evidence) {
    const a = ev.article;
    const about = [a.source, a.published].filter(Boolean);
    list.append(
      el(
        'li',
        {},
        el('blockquote', {}, quoted(ev.quote)),
        el(
          'p',
          { class: 'source' },
          '— ',
          articleLink(a) ?? el('span', {}, a.title),
          about.length ? ` (${about.join(', ')})` : '',
          ' ',
          readerLink(a, ev.quote),
        ),
      ),
    );
  }
  return list;
}
