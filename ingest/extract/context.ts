import type { ArticleDocument } from '../article/read';
import type { AnchorDate } from './dates';
import { articleAnchor } from './dates';
import { GazetteerIndex, type Gazetteer } from './gazetteer';
import { splitSentences, type Sentence } from './sentences';
import { tokenize, type Token } from './tokens';
import { tagWords, type WordTags } from './word-tags';

/** Everything the extraction steps share about one article, computed once. */
export interface ArticleContext {
  doc: ArticleDocument;
  text: string;
  sentences: Sentence[];
  /** The words of each sentence, by sentence index. */
  tokens: Token[][];
  tags: WordTags;
  /** Sentences before this index are page chrome (blog widgets, author box) or the headline. */
  firstBodySentence: number;
  /** Index of the headline sentence, if the title was found in the text. */
  titleSentence: number | null;
  /** The date relative expressions are resolved from: the article's date, or one the text pins down. */
  anchor: AnchorDate | null;
  gazetteer: GazetteerIndex;
}

/** Splits, tokenizes and tags the article and finds where its body starts. */
export function buildContext(doc: ArticleDocument, gazetteer: Gazetteer): ArticleContext {
  const text = doc.text;
  const sentences = splitSentences(text);
  const tokens = sentences.map((s) => tokenize(text, s.start, s.end));
  const titleSentence = findTitleSentence(sentences, doc.meta.title);
  return {
    doc,
    text,
    sentences,
    tokens,
    tags: tagWords(text),
    firstBodySentence: titleSentence === null ? 0 : titleSentence + 1,
    titleSentence,
    anchor: articleAnchor(doc.meta.published, sentences),
    gazetteer: new GazetteerIndex(gazetteer),
  };
}

/** The headline is the first sentence that is the title; in reposts everything above it is blog chrome. */
function findTitleSentence(sentences: Sentence[], title: string | undefined): number | null {
  if (!title) return null;
  const wanted = title.trim();
  const found = sentences.find(
    (s) => s.text === wanted || (s.start === lineStartOf(sentences, s) && s.text.startsWith(wanted)),
  );
  return found ? found.index : null;
}

function lineStartOf(sentences: Sentence[], sentence: Sentence): number {
  return sentences.find((s) => s.paragraph === sentence.paragraph)?.start ?? sentence.start;
}
