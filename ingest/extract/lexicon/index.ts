/**
 * General word lists the rules rely on, by topic: US geography, titles of office, the cue words that
 * tell an agency from an organization or a program, abbreviations, words that are not names, and the
 * phrases of the project's subject. Nothing here is specific to one article.
 */
export * from './abbreviations';
export * from './bodies';
export * from './concepts';
export * from './places';
export * from './titles';
export * from './words';
