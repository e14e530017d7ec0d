import { csvField, stancesCsv } from '../../../web/src/explore/stances-csv';

/** The stances table's CSV export: what a spreadsheet reads back. */
describe('stancesCsv', () => {
  const row = {
    kind: 'OPPOSED',
    actor: { id: 'eric-garcetti', name: 'Eric Garcetti' },
    target: { id: 'threat', name: 'Sessions threatens, again', date: '2018-01-24' },
    evidence: [
      { quote: 'He said: "Threaten me all you want."', article: { id: 'a', title: 'Title', published: '2018-01-25' } },
      { quote: 'another', article: { id: 'b', title: 'B' } },
    ],
  };

  it('writes a header and one line per stance with its first quote, quoting what needs it', () => {
    expect(stancesCsv([row]).split('\r\n')).toEqual([
      'actor,actor_id,stance,action,action_id,date,quote,evidence_count,article,published,url',
      'Eric Garcetti,eric-garcetti,OPPOSED,"Sessions threatens, again",threat,2018-01-24,"He said: ""Threaten me all you want.""",2,Title,2018-01-25,',
      '',
    ]);
  });

  it('writes only the header for no rows', () => {
    expect(stancesCsv([])).toBe(
      'actor,actor_id,stance,action,action_id,date,quote,evidence_count,article,published,url\r\n',
    );
  });

  it('keeps line breaks inside a quoted field and defuses spreadsheet formulas', () => {
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(null)).toBe('');
  });
});
