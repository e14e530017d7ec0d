import type { CoreNlpConfig, ExtractorMode } from '../core/config';
import { javaMajorVersion } from '../core/processes';
import type { Progress } from '../core/progress';
import { coreNlpFolder, ensureCoreNlpJars } from './jars';
import { requireJava } from './local-server';

/** Which engine reads raw articles, and the reason, for the one line the CLI prints. */
export interface EngineChoice {
  engine: 'rules' | 'corenlp';
  reason: string;
}

/**
 * Decides the engine for mode. `corenlp` and `auto` use CORENLP_URL when it is set; otherwise they need Java
 * and the jars (resolved here, once). `corenlp` fails when either is missing; `auto` falls back to the rules.
 */
export async function chooseEngine(
  mode: ExtractorMode,
  config: CoreNlpConfig,
  progress: Progress,
): Promise<EngineChoice> {
  if (mode === 'rules') return { engine: 'rules', reason: 'asked for' };
  if (config.url) return { engine: 'corenlp', reason: `CORENLP_URL is set (${config.url}); nothing is started` };
  if (mode === 'corenlp') {
    const java = requireJava();
    await ensureCoreNlpJars(config.libDir, config.version, progress);
    return {
      engine: 'corenlp',
      reason: `asked for; Java ${java}, jars in ${coreNlpFolder(config.libDir, config.version)}`,
    };
  }
  const java = javaMajorVersion();
  if (java === null) return { engine: 'rules', reason: 'auto: Java is not on PATH and CORENLP_URL is unset' };
  if (java < 8) return { engine: 'rules', reason: `auto: CoreNLP needs Java 8+, found ${java}` };
  try {
    await ensureCoreNlpJars(config.libDir, config.version, progress);
  } catch (err) {
    const first = (err as Error).message.split('\n')[0];
    return { engine: 'rules', reason: `auto: the CoreNLP jars did not resolve (${first})` };
  }
  return {
    engine: 'corenlp',
    reason: `auto: Java ${java} and CoreNLP ${config.version} jars (${coreNlpFolder(config.libDir, config.version)})`,
  };
}
