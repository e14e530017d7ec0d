/**
 * Local bodies named without their place: "the City Council", "the Board of Supervisors". A story names its
 * city or county and then its council or board by the bare noun; the body is that place's ("Ann Arbor City
 * Council"), not a body of its own called "City Council" that every article would share.
 */

import type { Mention } from './mention';

/** Bare names of local bodies, each with the type of place that has one. */
const BARE_BODIES: readonly (readonly [RegExp, 'city' | 'county'])[] = [
  [/^(?:City|Town|Village|Metro|Common)\s+Council$/, 'city'],
  [/^City\s+Commission$/, 'city'],
  [/^Board\s+of\s+(?:Aldermen|Alders)$/, 'city'],
  [
    /^(?:Board\s+of\s+Supervisors|County\s+Board(?:\s+of\s+Supervisors)?|County\s+Commission|Board\s+of\s+(?:County\s+)?Commissioners|Commissioners\s+Court|County\s+Council)$/,
    'county',
  ],
];

/** A place's name as a body's prefix: "Corlen County" gives "Corlen County Board of Supervisors". */
function qualified(place: string, body: string): string {
  return /^County\b/.test(body) && /\bCounty$/.test(place)
    ? `${place}${body.slice('County'.length)}`
    : `${place} ${body}`;
}

/**
 * Renames, in place, the mentions of bare local bodies after the place of that type the article names most
 * (a county board after a county, a council after a city). A body with no such place keeps its bare name.
 */
export function qualifyLocalBodies(mentions: Mention[]): void {
  const counts = new Map<string, Map<string, number>>([
    ['city', new Map()],
    ['county', new Map()],
  ]);
  for (const m of mentions) {
    if (m.kind !== 'jurisdiction' || m.coreferent) continue;
    const type = m.type ?? (/\bCounty$/.test(m.name) ? 'county' : undefined);
    const byName = type ? counts.get(type) : undefined;
    if (byName) byName.set(m.name, (byName.get(m.name) ?? 0) + 1);
  }
  const mainPlace = (type: string): string | undefined => {
    let best: [string, number] | undefined;
    for (const entry of counts.get(type) ?? []) if (!best || entry[1] > best[1]) best = entry;
    return best?.[0];
  };
  for (const m of mentions) {
    if (m.kind !== 'agency' || m.known) continue;
    const bare = BARE_BODIES.find(([re]) => re.test(m.name));
    const place = bare ? mainPlace(bare[1]) : undefined;
    if (place) m.name = qualified(place, m.name);
  }
}
