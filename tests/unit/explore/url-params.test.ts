import { formatUrlState, parsePins, parseUrlState } from '../../../web/src/explore/url-params';

/** The explorer's URL keeps pinned nodes (with their positions) and nodes hidden by hand, like the rest of the view. */
describe('pins and hidden nodes in the URL', () => {
  it('reads `pin` as id:x:y items and `hideNode` as ids', () => {
    const url = parseUrlState('?entity=eric-garcetti&pin=ice:120:-45,los-angeles:0:300&hideNode=california,doj');
    expect(url.pins).toEqual([
      { id: 'ice', x: 120, y: -45 },
      { id: 'los-angeles', x: 0, y: 300 },
    ]);
    expect(url.hiddenNodes).toEqual(['california', 'doj']);
  });

  it('writes them back the same, rounding positions to whole model units', () => {
    const url = parseUrlState('?entity=eric-garcetti');
    url.pins = [{ id: 'ice', x: 120.4, y: -44.6 }];
    url.hiddenNodes = ['california'];
    const again = parseUrlState(`?${formatUrlState(url)}`);
    expect(again.pins).toEqual([{ id: 'ice', x: 120, y: -45 }]);
    expect(again.hiddenNodes).toEqual(['california']);
  });

  it('takes the id as everything before the last two colons, and leaves out items of another shape', () => {
    expect(parsePins('event:2018:7:-3,broken,ice:1.5:2,ice:x:2')).toEqual([{ id: 'event:2018', x: 7, y: -3 }]);
  });

  it('leaves both out of the address when there are none', () => {
    expect(formatUrlState(parseUrlState('?entity=ice'))).toBe('entity=ice');
  });
});
