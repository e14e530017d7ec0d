/** The lexicon's places as one lookup table. */

import { COUNTRIES, US_CITIES, US_STATES } from '../lexicon';

/** A place of the lexicon under its canonical name. */
export interface PlaceInfo {
  name: string;
  type: 'state' | 'city' | 'country';
}

/** Every name and short form of a place, mapped to the place. */
export const PLACES: ReadonlyMap<string, PlaceInfo> = placeTable();

function placeTable(): Map<string, PlaceInfo> {
  const places = new Map<string, PlaceInfo>();
  // Cities first: in news copy "LA" is Los Angeles and "Washington" the capital, not the states.
  for (const [table, type] of [
    [US_CITIES, 'city'],
    [US_STATES, 'state'],
    [COUNTRIES, 'country'],
  ] as const) {
    for (const [name, aliases] of Object.entries(table)) {
      // "Washington State" keeps its "State": bare, the name is the capital's, and the two would merge.
      const bare = name.replace(/ State$/, '');
      const canonical = places.get(bare)?.type === 'city' ? name : bare;
      for (const alias of [name, ...aliases]) if (!places.has(alias)) places.set(alias, { name: canonical, type });
    }
  }
  return places;
}
