/**
 * Composes the extractor of raw articles for the entry points (ingest CLI, eval:extract, bench:extract): the
 * `--extractor=rules|corenlp|auto` flag (INGEST_EXTRACTOR by default), the engine choice, and for CoreNLP the
 * client (src/nlp) joined to the interpreter of its parse (ingest/extract).
 */
import { EXTRACTOR_MODES, type Config, type ExtractorMode } from '../core/config';
import type { Progress } from '../core/progress';
import { extractAnnotationFromParse } from '../../ingest/extract/structure';
import {
  coreNlpExtractor,
  type Extractor,
  type ParseInterpreter,
  rulesExtractor,
  withModel,
} from '../../ingest/extract/extractor';
import { loadModel } from '../../ingest/extract/model/model';
import { chooseEngine, type EngineChoice } from '../nlp/choose';
import { type CoreNlpRuntime, openCoreNlp } from '../nlp/runtime';

/** The usage line of the flag, for the entry points' --help. */
export const EXTRACTOR_USAGE =
  '--extractor=rules|corenlp|auto  how raw articles are read (default INGEST_EXTRACTOR, auto: CoreNLP when\n' +
  '             Java and its jars are available or CORENLP_URL is set, else the offline rules)';

/** Takes --extractor=MODE (or --extractor MODE) out of argv; throws on an unknown mode. */
export function takeExtractorFlag(argv: string[]): { mode: ExtractorMode | undefined; rest: string[] } {
  const rest: string[] = [];
  let mode: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith('--extractor=')) mode = arg.slice('--extractor='.length);
    else if (arg === '--extractor') mode = argv[(i += 1)] ?? '';
    else rest.push(arg);
  }
  if (mode !== undefined && !(EXTRACTOR_MODES as readonly string[]).includes(mode)) {
    throw new Error(`--extractor must be one of ${EXTRACTOR_MODES.join(', ')} (got ${JSON.stringify(mode)})`);
  }
  return { mode: mode as ExtractorMode | undefined, rest };
}

/** The interpreter of CoreNLP's parse that the entry points use (bench:extract too): the structure rules. */
export const interpretParse: ParseInterpreter = (doc, gazetteer, parse) =>
  extractAnnotationFromParse(doc, gazetteer, parse);

/** The chosen extractor, why, and the CoreNLP runtime behind it (to close, or to measure). */
export interface ExtractorSetup {
  extractor: Extractor;
  choice: EngineChoice;
  corenlp: CoreNlpRuntime | null;
  /** Stops the CoreNLP server if one was started. */
  close(): Promise<void>;
}

/** Chooses and builds the extractor, and prints one line saying which is used and why. */
export async function setUpExtractor(
  mode: ExtractorMode,
  config: Config,
  progress: Progress,
  options: { cache?: boolean; interpret?: ParseInterpreter } = {},
): Promise<ExtractorSetup> {
  const choice = await chooseEngine(mode, config.corenlp, progress);
  progress.info(`Extractor: ${choice.engine} (${choice.reason})`);
  const model = config.extractionModel ? loadModel(config.extractionModel.file) : null;
  progress.info(
    model
      ? `Extraction model: on (trained on ${model.trainedOn.articles} articles of ${model.trainedOn.sets.join(', ')}; INGEST_MODEL=off switches it off)`
      : 'Extraction model: off (INGEST_MODEL=off)',
  );
  const modelled = (extractor: Extractor): Extractor => (model ? withModel(extractor, model) : extractor);
  if (choice.engine === 'rules') {
    return { extractor: modelled(rulesExtractor), choice, corenlp: null, close: () => Promise.resolve() };
  }
  const corenlp = openCoreNlp(config.corenlp, progress, { cache: options.cache });
  const extractor = modelled(coreNlpExtractor(corenlp.client, options.interpret ?? interpretParse));
  return { extractor, choice, corenlp, close: () => corenlp.close() };
}
