import { splitSentences } from '../../../ingest/extract/sentences';

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations, initials or state abbreviations', () => {
    const text =
      'Mr. Sessions spoke in Montgomery County, Md., on Tuesday. Jorge L. Baron of the U.S. Conference of Mayors answered. He left.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Mr. Sessions spoke in Montgomery County, Md., on Tuesday.',
      'Jorge L. Baron of the U.S. Conference of Mayors answered.',
      'He left.',
    ]);
  });

  it('keeps a quotation of several sentences in the sentence that attributes it', () => {
    const text = 'Garcetti replied: “Threaten me all you want. I will stand up for every Angeleno.” Then he left.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Garcetti replied: “Threaten me all you want. I will stand up for every Angeleno.”',
      'Then he left.',
    ]);
  });

  it('treats every line as its own paragraph, and every sentence as an exact slice of the text', () => {
    const text = 'Title Line\n\nFirst paragraph. Still first.\nSecond paragraph.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
