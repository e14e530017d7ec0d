import { Field, InputType } from 'type-graphql';
import type { ArticleSubmission } from './article-writer';

@InputType({ description: 'An article to put in the graph, as the ingest CLI reads a file (docs/write-api.md).' })
export class IngestArticleInput implements ArticleSubmission {
  @Field(() => String, {
    description:
      'The file name, e.g. 2018-01-24-subpoena.md: .txt, .md or .html gives the format, and the name without its extension is the article id unless the annotation sets article.id. With an annotation, it must equal article.file.',
  })
  fileName!: string;

  @Field(() => String, {
    description:
      'The article: plain text (optional "title:", "url:", "published:", "source:" header lines), Markdown with front matter, or HTML.',
  })
  content!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A curated annotation in YAML (docs/annotations.md): the article is then curated. Without one the rule extractor reads it (origin EXTRACTED).',
  })
  annotation?: string | null;

  @Field(() => String, { nullable: true, description: 'Title; wins over the article and its annotation.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Address of the article (an absolute URL).' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.' })
  published?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'The publication, e.g. Asian Journal.' })
  source?: string | null;
}
