/**
 * An article the seed corpus does not have, with its curated annotation, for the write API's tests: a mayor
 * of a made-up city opposes ICE detainer requests. The quotes stand verbatim in the Markdown's text.
 */
export const ARTICLE_FILE = 'testville-detainers.md';
export const ARTICLE_ID = 'testville-detainers-2019-03-05';

export const ARTICLE_MARKDOWN = `---
title: Testville mayor refuses ICE detainer requests
published: 2019-03-05
source: Testville Ledger
---

# Testville mayor refuses ICE detainer requests

Testville Mayor Dana Whitfield said on Tuesday that the city jail will no longer hold people on detainer requests from Immigration and Customs Enforcement.

"Our police work for the people of Testville, not for ICE," Whitfield said.
`;

export const STANCE_QUOTE = '"Our police work for the people of Testville, not for ICE," Whitfield said.';

export const ARTICLE_ANNOTATION = `article:
  file: ${ARTICLE_FILE}
  id: ${ARTICLE_ID}
  title: Testville mayor refuses ICE detainer requests
  published: '2019-03-05'
  source: Testville Ledger
origin: curated
entities:
  - id: dana-whitfield
    kind: person
    name: Dana Whitfield
    mention: Testville Mayor Dana Whitfield
  - id: testville
    kind: jurisdiction
    name: Testville
    type: city
    mention: Testville
  - id: immigration-and-customs-enforcement
    kind: agency
    name: Immigration and Customs Enforcement
    aliases: [ICE]
    mention: Immigration and Customs Enforcement
roles:
  - person: dana-whitfield
    title: Mayor
    org: testville
    quote: Testville Mayor Dana Whitfield
events:
  - id: testville-refuses-detainers-2019-03-05
    type: policy
    name: Testville refuses ICE detainer requests
    date: '2019-03-05'
    by: [testville]
    targets: [immigration-and-customs-enforcement]
    quotes:
      - the city jail will no longer hold people on detainer requests from Immigration and Customs Enforcement
stances:
  - actor: dana-whitfield
    kind: SUPPORTED
    target: testville-refuses-detainers-2019-03-05
    quote: '${STANCE_QUOTE.replace(/'/g, "''")}'
`;

/** The annotation with its stance quoting words the article does not have. */
export const MISQUOTED_ANNOTATION = ARTICLE_ANNOTATION.replace(
  `quote: '${STANCE_QUOTE.replace(/'/g, "''")}'`,
  "quote: 'Testville will defy Washington forever'",
);

/** A raw article (no annotation): the rule extractor reads it. */
export const RAW_FILE = 'riverton-council.txt';
export const RAW_TEXT = `title: Riverton council backs sanctuary ordinance
published: 2019-04-02
source: Riverton Courier

Riverton Mayor Alan Brooks signed the sanctuary ordinance on Tuesday. "We will not let Immigration and Customs Enforcement use our jail," Brooks said. The Department of Justice warned that Riverton could lose federal grants.
`;
