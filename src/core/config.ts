import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_TIMEOUTS } from './database';

/** Raised when an environment variable is missing or malformed; the message names it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_URI_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

const port = z.coerce.number().int().min(1).max(65535);
const memory = z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 512m or 1g');
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const positiveInt = z.coerce.number().int().positive();

/** How raw articles are read: the offline rules, Stanford CoreNLP, or CoreNLP when it can run here. */
export const EXTRACTOR_MODES = ['rules', 'corenlp', 'auto'] as const;
export type ExtractorMode = (typeof EXTRACTOR_MODES)[number];

/** The CoreNLP version the project runs and whose output its cache keys name. */
export const CORENLP_VERSION = '4.5.10';

/**
 * Every environment variable the service reads, with its default. The README's configuration table and
 * .env.example list the same names; a test keeps them in step.
 */
export const ENV_SCHEMA = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0, 'must be a port number (0 picks a free one)').max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z
    .string()
    .refine((v) => NEO4J_URI_SCHEMES.some((s) => v.startsWith(`${s}//`)), {
      message: `must start with one of ${NEO4J_URI_SCHEMES.map((s) => `${s}//`).join(', ')}`,
    })
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters (Neo4j 5 refuses shorter ones)').optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt.default(15000),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt.default(DEFAULT_TIMEOUTS.connectTimeoutMs),
  NEO4J_ACQUISITION_TIMEOUT_MS: positiveInt.default(DEFAULT_TIMEOUTS.acquisitionTimeoutMs),
  READINESS_TIMEOUT_MS: positiveInt.default(DEFAULT_TIMEOUTS.readinessTimeoutMs),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_LOCAL_LIB_DIR: z.string().min(1).default('.data/lib'),
  NEO4J_LOCAL_VERSION: z
    .string()
    .regex(/^5\.\d+\.\d+$/, 'must be a Neo4j 5 version such as 5.26.30')
    .default('5.26.30'),
  NEO4J_LOCAL_BOLT_PORT: port.default(7687),
  NEO4J_LOCAL_HTTP_PORT: port.default(7474),
  NEO4J_LOCAL_HEAP: memory.default('512m'),
  NEO4J_LOCAL_PAGECACHE: memory.default('128m'),
  SEED_ON_EMPTY: bool.default(true),
  GRAPHIQL: bool.optional(),
  ERROR_DETAILS: bool.default(false),
  MAX_QUERY_DEPTH: positiveInt.default(8),
  MAX_QUERY_COST: positiveInt.default(5000),
  MAX_QUERY_ALIASES: positiveInt.default(20),
  METRICS: bool.default(true),
  CHANGE_FEED_POLL_MS: positiveInt.default(250),
  CHANGE_FEED_PAGE_SIZE: positiveInt.max(10000).default(500),
  CHANGE_FEED_RETENTION_HOURS: positiveInt.default(168),
  SUBSCRIPTIONS_PER_CONNECTION: positiveInt.default(20),
  SUBSCRIPTION_INIT_TIMEOUT_MS: positiveInt.default(5000),
  INGEST_EXTRACTOR: z.enum(EXTRACTOR_MODES).default('auto'),
  CORENLP_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  CORENLP_USER: z.string().min(1).optional(),
  CORENLP_PASSWORD: z.string().min(1).optional(),
  CORENLP_LOCAL_LIB_DIR: z.string().min(1).default('.data/corenlp/lib'),
  CORENLP_LOCAL_HEAP: memory.default('4g'),
  CORENLP_CACHE_DIR: z.string().min(1).default('.data/corenlp/cache'),
  CORENLP_TIMEOUT_MS: positiveInt.default(120000),
  CORENLP_START_TIMEOUT_MS: positiveInt.default(600000),
} as const;

export type EnvName = keyof typeof ENV_SCHEMA;
export const ENV_NAMES = Object.keys(ENV_SCHEMA) as EnvName[];

/** Where the embedded Neo4j lives and how it is sized. */
export interface LocalNeo4jConfig {
  /** Server home: conf, data, logs; kept between runs. */
  home: string;
  /** Where the resolved jars are kept, one folder per version, shared by every home. */
  libDir: string;
  version: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
}

/** Stanford CoreNLP: an external server (url set), or the one the project starts from Maven jars. */
export interface CoreNlpConfig {
  /** Null means "start a local server when a raw article needs one". */
  url: string | null;
  /** Basic-auth credentials of the external server, when it asks for them. */
  credentials: { user: string; password: string } | null;
  version: string;
  /** Where the resolved jars are kept, one folder per version. */
  libDir: string;
  /** The local server's JVM heap (-mx). */
  heap: string;
  /** Annotations already computed, one JSON file per text, properties and version. */
  cacheDir: string;
  /** Bound of one annotate request. */
  timeoutMs: number;
  /** Bound of a local server's start, models loaded (about 40 s on an idle machine, minutes on a busy one). */
  startTimeoutMs: number;
}

/** The validated configuration of the whole service, passed down explicitly. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  neo4j: {
    /** Null means "start the embedded local server". */
    uri: string | null;
    user: string;
    password: string | undefined;
    database: string;
    queryTimeoutMs: number;
    /** Bound of a TCP connect to Neo4j. */
    connectTimeoutMs: number;
    /** Bound of getting a connection from the pool, opening one included. */
    acquisitionTimeoutMs: number;
    /** Bound of the availability probe behind /readyz, and of /readyz itself. */
    readinessTimeoutMs: number;
  };
  local: LocalNeo4jConfig;
  seedOnEmpty: boolean;
  graphiql: boolean;
  /** Messages and stack traces of unexpected errors in responses: off unless ERROR_DETAILS=true. */
  errorDetails: boolean;
  limits: { maxDepth: number; maxCost: number; maxAliases: number };
  /** Serve GET /metrics in the Prometheus text format. */
  metrics: boolean;
  /** How each replica follows the change log in Neo4j (docs/live-updates.md). */
  changeFeed: { pollMs: number; pageSize: number; retentionMs: number };
  /** Limits of graphql-ws connections on /graphql. */
  subscriptions: { perConnection: number; initTimeoutMs: number };
  /** The extractor of raw articles the ingest CLI and eval:extract use unless --extractor says otherwise. */
  extractor: ExtractorMode;
  corenlp: CoreNlpConfig;
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const values: Record<string, unknown> = {};
  for (const name of ENV_NAMES) {
    const raw = env[name];
    const result = ENV_SCHEMA[name].safeParse(raw === '' ? undefined : raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ConfigError(name, `${issue?.message ?? 'is invalid'} (got ${JSON.stringify(raw)})`);
    }
    values[name] = result.data;
  }
  const v = values as { [K in EnvName]: z.infer<(typeof ENV_SCHEMA)[K]> };
  if (v.NEO4J_URI && !v.NEO4J_PASSWORD) {
    throw new ConfigError('NEO4J_PASSWORD', 'is required when NEO4J_URI is set');
  }
  if (!v.NEO4J_URI && v.NEO4J_LOCAL_BOLT_PORT === v.NEO4J_LOCAL_HTTP_PORT) {
    throw new ConfigError('NEO4J_LOCAL_HTTP_PORT', 'must differ from NEO4J_LOCAL_BOLT_PORT');
  }
  if (Boolean(v.CORENLP_USER) !== Boolean(v.CORENLP_PASSWORD)) {
    throw new ConfigError(v.CORENLP_USER ? 'CORENLP_PASSWORD' : 'CORENLP_USER', 'must be set together with the other');
  }
  return {
    env: v.NODE_ENV,
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    neo4j: {
      uri: v.NEO4J_URI ?? null,
      user: v.NEO4J_USER,
      password: v.NEO4J_PASSWORD,
      database: v.NEO4J_DATABASE,
      queryTimeoutMs: v.NEO4J_QUERY_TIMEOUT_MS,
      connectTimeoutMs: v.NEO4J_CONNECT_TIMEOUT_MS,
      acquisitionTimeoutMs: v.NEO4J_ACQUISITION_TIMEOUT_MS,
      readinessTimeoutMs: v.READINESS_TIMEOUT_MS,
    },
    local: {
      home: resolve(cwd, v.NEO4J_LOCAL_DIR),
      libDir: resolve(cwd, v.NEO4J_LOCAL_LIB_DIR),
      version: v.NEO4J_LOCAL_VERSION,
      boltPort: v.NEO4J_LOCAL_BOLT_PORT,
      httpPort: v.NEO4J_LOCAL_HTTP_PORT,
      heap: v.NEO4J_LOCAL_HEAP,
      pageCache: v.NEO4J_LOCAL_PAGECACHE,
    },
    seedOnEmpty: v.SEED_ON_EMPTY,
    graphiql: v.GRAPHIQL ?? v.NODE_ENV !== 'production',
    errorDetails: v.ERROR_DETAILS,
    limits: { maxDepth: v.MAX_QUERY_DEPTH, maxCost: v.MAX_QUERY_COST, maxAliases: v.MAX_QUERY_ALIASES },
    metrics: v.METRICS,
    changeFeed: {
      pollMs: v.CHANGE_FEED_POLL_MS,
      pageSize: v.CHANGE_FEED_PAGE_SIZE,
      retentionMs: v.CHANGE_FEED_RETENTION_HOURS * 3_600_000,
    },
    subscriptions: { perConnection: v.SUBSCRIPTIONS_PER_CONNECTION, initTimeoutMs: v.SUBSCRIPTION_INIT_TIMEOUT_MS },
    extractor: v.INGEST_EXTRACTOR,
    corenlp: {
      url: v.CORENLP_URL ?? null,
      credentials: v.CORENLP_USER && v.CORENLP_PASSWORD ? { user: v.CORENLP_USER, password: v.CORENLP_PASSWORD } : null,
      version: CORENLP_VERSION,
      libDir: resolve(cwd, v.CORENLP_LOCAL_LIB_DIR),
      heap: v.CORENLP_LOCAL_HEAP,
      cacheDir: resolve(cwd, v.CORENLP_CACHE_DIR),
      timeoutMs: v.CORENLP_TIMEOUT_MS,
      startTimeoutMs: v.CORENLP_START_TIMEOUT_MS,
    },
  };
}
