import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type ApiKeyEntry, parseApiKeys } from './api-keys';
import { DEFAULT_RECOVERY, DEFAULT_TIMEOUTS } from './database';

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
const MIB = 1024 * 1024;

/** How raw articles are read: the offline rules, Stanford CoreNLP, or CoreNLP when it can run here. */
export const EXTRACTOR_MODES = ['rules', 'corenlp', 'auto'] as const;
export type ExtractorMode = (typeof EXTRACTOR_MODES)[number];

/** Who may read: anyone, or only holders of a reader or writer key. */
export const READ_ACCESS_MODES = ['public', 'key'] as const;
export type ReadAccess = (typeof READ_ACCESS_MODES)[number];

/** `name:role:sha256` entries, validated where they are read so that the message names the variable. */
const apiKeyList = z.string().transform((value, ctx) => {
  try {
    return parseApiKeys(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

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
  NEO4J_WARMUP_TIMEOUT_MS: z.coerce.number().int().min(0).max(60000).default(DEFAULT_TIMEOUTS.warmUpTimeoutMs),
  NEO4J_WARMUP_STATEMENTS: z.coerce.number().int().min(0).max(1000).default(32),
  NEO4J_WARMUP_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(DEFAULT_RECOVERY.warmUpConcurrency),
  NEO4J_WARMUP_GATE_STATEMENTS: z.coerce.number().int().min(0).max(1000).default(DEFAULT_RECOVERY.warmUpGateStatements),
  NEO4J_WARMUP_MODE: z.enum(['explain', 'run']).default(DEFAULT_RECOVERY.warmUpMode),
  NEO4J_PROBE_INTERVAL_MS: z.coerce.number().int().min(10).max(10000).default(DEFAULT_RECOVERY.probeIntervalMs),
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
  NEO4J_LOCAL_CLASS_DATA: bool.default(true),
  SEED_ON_EMPTY: bool.default(true),
  GRAPHIQL: bool.optional(),
  ERROR_DETAILS: bool.default(false),
  MAX_QUERY_DEPTH: positiveInt.default(8),
  MAX_QUERY_COST: positiveInt.default(5000),
  MAX_QUERY_ALIASES: positiveInt.default(20),
  METRICS: bool.default(true),
  EXPORT_WHOLE_GRAPH: bool.default(true),
  CHANGE_FEED_POLL_MS: positiveInt.default(250),
  CHANGE_FEED_PAGE_SIZE: positiveInt.max(10000).default(500),
  CHANGE_FEED_RETENTION_HOURS: positiveInt.default(168),
  SUBSCRIPTIONS_PER_CONNECTION: positiveInt.default(20),
  SUBSCRIPTION_INIT_TIMEOUT_MS: positiveInt.default(5000),
  INGEST_EXTRACTOR: z.enum(EXTRACTOR_MODES).default('auto'),
  INGEST_MODEL: z.enum(['on', 'off']).default('on'),
  INGEST_MODEL_FILE: z.string().min(1).default('ingest/extract/model/model.json'),
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
  API_KEYS: apiKeyList.optional(),
  API_KEYS_FILE: z.string().min(1).optional(),
  READ_ACCESS: z.enum(READ_ACCESS_MODES).default('public'),
  MAX_WRITE_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024, 'must be at least 1048576 (the body limit of every request)')
    .default(4 * 1024 * 1024),
  WRITE_RATE_PER_MINUTE: positiveInt.default(60),
  WRITE_RATE_BURST: positiveInt.default(10),
  PERSISTED_QUERIES: bool.default(true),
  PERSISTED_QUERIES_CACHE_MB: positiveInt.max(1024, 'must be at most 1024 (MiB)').default(8),
  CACHE_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(0, 'must be 0 (reads are not cacheable) or more seconds')
    .max(86400, 'must be at most 86400 (a day)')
    .default(10),
  RESPONSE_CACHE: bool.default(true),
  RESPONSE_CACHE_MB: positiveInt.max(4096, 'must be at most 4096 (MiB)').default(32),
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
  /**
   * Share the JVM's classes from an archive in home/cds (written as the first start stops, mapped later). Off for
   * throw-away homes that start once (the test run): writing the archive only slows their one start and stop.
   */
  classData: boolean;
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

/** Who may do what (docs/write-api.md): the configured keys, by hash only, and whether reads need one. */
export interface AccessConfig {
  keys: ApiKeyEntry[];
  readAccess: ReadAccess;
}

/** Bounds of the write path: a body limit for writer keys, and a token bucket of mutations per key. */
export interface WriteLimits {
  /** Largest body a request with a valid writer key may send (other requests keep the 1 MiB limit). */
  maxBodyBytes: number;
  /** Mutations a key may send per minute, on average (the bucket's refill rate). */
  perMinute: number;
  /** Mutations a key may send at once before it must wait (the bucket's size). */
  burst: number;
}

/** Persisted queries, cache hints and the response cache (docs/caching.md); sizes in bytes, null when off. */
export interface CacheConfig {
  /** Bound of the automatic persisted queries' store (hash to query text), or null: APQ off. */
  persistedQueriesBytes: number | null;
  /** maxAge of reads of the graph, the Cache-Control header's and the response cache's; 0: nothing cacheable. */
  maxAgeSeconds: number;
  /** Bound of the response cache, or null: every read is executed. */
  responseCacheBytes: number | null;
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
    /** Bound of the warm-up of a database that answers again after an outage, before reads are admitted (0: none). */
    warmUpTimeoutMs: number;
    /** How many recent read statements that warm-up plans (0: none). */
    warmUpStatements: number;
    /** How many sessions plan the warm-up's statements side by side. */
    warmUpConcurrency: number;
    /** The gate opens once this many of the hottest statements are planned; the rest follow (0: all first). */
    warmUpGateStatements: number;
    /** Whether the warm-up plans its statements (EXPLAIN) or runs them (reads only, their last parameters). */
    warmUpMode: 'explain' | 'run';
    /** While the database does not answer, it is probed this often. */
    probeIntervalMs: number;
  };
  local: LocalNeo4jConfig;
  seedOnEmpty: boolean;
  graphiql: boolean;
  /** Messages and stack traces of unexpected errors in responses: off unless ERROR_DETAILS=true. */
  errorDetails: boolean;
  limits: { maxDepth: number; maxCost: number; maxAliases: number };
  /** Serve GET /metrics in the Prometheus text format. */
  metrics: boolean;
  /** GET /export (docs/exports.md): whether `select=all`, the whole graph, is served. */
  exports: { wholeGraph: boolean };
  /** How each replica follows the change log in Neo4j (docs/live-updates.md). */
  changeFeed: { pollMs: number; pageSize: number; retentionMs: number };
  /** Limits of graphql-ws connections on /graphql. */
  subscriptions: { perConnection: number; initTimeoutMs: number };
  /** The extractor of raw articles the ingest CLI and eval:extract use unless --extractor says otherwise. */
  extractor: ExtractorMode;
  /** The trained stance and event model applied after the extractor (null: switched off). */
  extractionModel: { file: string } | null;
  corenlp: CoreNlpConfig;
  access: AccessConfig;
  writes: WriteLimits;
  cache: CacheConfig;
}

/** The entries of API_KEYS_FILE, one a line; a file that cannot be read or parsed is a ConfigError. */
function keysFromFile(path: string, cwd: string): ApiKeyEntry[] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new ConfigError(
      'API_KEYS_FILE',
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${path})`,
    );
  }
  try {
    return parseApiKeys(text);
  } catch (error) {
    throw new ConfigError('API_KEYS_FILE', `${(error as Error).message} (in ${path})`);
  }
}

/** API_KEYS and API_KEYS_FILE together: a name may appear once across both. */
function accessOf(keys: ApiKeyEntry[] | undefined, file: string | undefined, readAccess: ReadAccess, cwd: string) {
  const all = [...(keys ?? []), ...(file ? keysFromFile(file, cwd) : [])];
  const names = new Set<string>();
  for (const { name } of all) {
    if (names.has(name)) throw new ConfigError('API_KEYS_FILE', `names the key "${name}" that API_KEYS names too`);
    names.add(name);
  }
  if (readAccess === 'key' && all.length === 0) {
    throw new ConfigError('READ_ACCESS', 'is key, but no key is configured (API_KEYS or API_KEYS_FILE)');
  }
  return { keys: all, readAccess };
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const values: Record<string, unknown> = {};
  for (const name of ENV_NAMES) {
    const raw = env[name];
    const result = ENV_SCHEMA[name].safeParse(raw === '' ? undefined : raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      // Key lists are not echoed: a key pasted where its hash belongs would end up in a log.
      const got = name === 'API_KEYS' ? '' : ` (got ${JSON.stringify(raw)})`;
      throw new ConfigError(name, `${issue?.message ?? 'is invalid'}${got}`);
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
  if (v.RESPONSE_CACHE && v.CACHE_MAX_AGE_SECONDS === 0) {
    throw new ConfigError('RESPONSE_CACHE', 'is true, but CACHE_MAX_AGE_SECONDS is 0: no read could be cached');
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
      warmUpTimeoutMs: v.NEO4J_WARMUP_TIMEOUT_MS,
      warmUpStatements: v.NEO4J_WARMUP_STATEMENTS,
      warmUpConcurrency: v.NEO4J_WARMUP_CONCURRENCY,
      warmUpGateStatements: v.NEO4J_WARMUP_GATE_STATEMENTS,
      warmUpMode: v.NEO4J_WARMUP_MODE,
      probeIntervalMs: v.NEO4J_PROBE_INTERVAL_MS,
    },
    local: {
      home: resolve(cwd, v.NEO4J_LOCAL_DIR),
      libDir: resolve(cwd, v.NEO4J_LOCAL_LIB_DIR),
      version: v.NEO4J_LOCAL_VERSION,
      boltPort: v.NEO4J_LOCAL_BOLT_PORT,
      httpPort: v.NEO4J_LOCAL_HTTP_PORT,
      heap: v.NEO4J_LOCAL_HEAP,
      pageCache: v.NEO4J_LOCAL_PAGECACHE,
      classData: v.NEO4J_LOCAL_CLASS_DATA,
    },
    seedOnEmpty: v.SEED_ON_EMPTY,
    graphiql: v.GRAPHIQL ?? v.NODE_ENV !== 'production',
    errorDetails: v.ERROR_DETAILS,
    limits: { maxDepth: v.MAX_QUERY_DEPTH, maxCost: v.MAX_QUERY_COST, maxAliases: v.MAX_QUERY_ALIASES },
    metrics: v.METRICS,
    exports: { wholeGraph: v.EXPORT_WHOLE_GRAPH },
    changeFeed: {
      pollMs: v.CHANGE_FEED_POLL_MS,
      pageSize: v.CHANGE_FEED_PAGE_SIZE,
      retentionMs: v.CHANGE_FEED_RETENTION_HOURS * 3_600_000,
    },
    subscriptions: { perConnection: v.SUBSCRIPTIONS_PER_CONNECTION, initTimeoutMs: v.SUBSCRIPTION_INIT_TIMEOUT_MS },
    extractor: v.INGEST_EXTRACTOR,
    extractionModel: v.INGEST_MODEL === 'on' ? { file: resolve(cwd, v.INGEST_MODEL_FILE) } : null,
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
    access: accessOf(v.API_KEYS, v.API_KEYS_FILE, v.READ_ACCESS, cwd),
    writes: { maxBodyBytes: v.MAX_WRITE_BODY_BYTES, perMinute: v.WRITE_RATE_PER_MINUTE, burst: v.WRITE_RATE_BURST },
    cache: {
      persistedQueriesBytes: v.PERSISTED_QUERIES ? v.PERSISTED_QUERIES_CACHE_MB * MIB : null,
      maxAgeSeconds: v.CACHE_MAX_AGE_SECONDS,
      responseCacheBytes: v.RESPONSE_CACHE ? v.RESPONSE_CACHE_MB * MIB : null,
    },
  };
}
