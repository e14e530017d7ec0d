/**
 * API keys: who may write (and, when reads are not public, read). The configuration holds only the SHA-256 of
 * each key: a key is 256 random bits, so a fast unsalted hash is enough to make a leaked configuration useless,
 * and checking it costs one hash per request instead of a password hash's deliberate tens of milliseconds.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a key lets its holder do: a writer may also read. */
export const API_ROLES = ['reader', 'writer'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** One configured key: a name for logs and rate limits, its role, and the SHA-256 of the key in hex. */
export interface ApiKeyEntry {
  name: string;
  role: ApiRole;
  hash: string;
}

/** Keys start with this, so that a secret scanner (or a reader of a log) recognizes one. */
export const API_KEY_PREFIX = 'sgk_';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const HASH = /^[0-9a-f]{64}$/;

/** The SHA-256 of a key, in lowercase hex: what the configuration stores. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key: 256 random bits, base64url, with the project's prefix. */
export function mintApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The configuration line of a key: `name:role:sha256`. */
export function apiKeyLine(name: string, role: ApiRole, key: string): string {
  return `${name}:${role}:${hashApiKey(key)}`;
}

/** Checks a key's name for use in a configuration line; returns the problem, or null. */
export function apiKeyNameProblem(name: string): string | null {
  return NAME.test(name) ? null : 'must be 1 to 64 letters, digits, _ . or -, starting with a letter or digit';
}

/**
 * Parses `name:role:sha256` entries separated by commas or new lines; blank lines and `#` comments are
 * skipped. Throws an Error naming the entry (by its number and name, never its hash) and what is wrong.
 */
export function parseApiKeys(text: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  const items = text
    .split(/[\n,]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0);
  for (const [i, item] of items.entries()) {
    const parts = item.split(':');
    const where = `entry ${i + 1}${parts[0] ? ` ("${parts[0]}")` : ''}`;
    if (parts.length !== 3) throw new Error(`${where} must be name:role:sha256, with three parts separated by ':'`);
    const [name = '', role = '', hash = ''] = parts.map((p) => p.trim());
    const nameProblem = apiKeyNameProblem(name);
    if (nameProblem) throw new Error(`${where}: the name ${nameProblem}`);
    if (!(API_ROLES as readonly string[]).includes(role))
      throw new Error(`${where}: the role must be ${API_ROLES.join(' or ')} (got "${role}")`);
    if (!HASH.test(hash.toLowerCase()))
      throw new Error(`${where}: the hash must be the key's SHA-256 in hex, 64 characters (npm run apikey prints it)`);
    if (entries.some((e) => e.name === name)) throw new Error(`${where}: the name "${name}" is used twice`);
    entries.push({ name, role: role as ApiRole, hash: hash.toLowerCase() });
  }
  return entries;
}

/** The configured keys, looked up by the key a client presents. */
export class ApiKeyring {
  private readonly digests: { entry: ApiKeyEntry; digest: Buffer }[];

  constructor(entries: readonly ApiKeyEntry[]) {
    this.digests = entries.map((entry) => ({ entry, digest: Buffer.from(entry.hash, 'hex') }));
  }

  /** How many keys are configured. */
  get size(): number {
    return this.digests.length;
  }

  /**
   * The entry of a presented key, or null. Every entry is compared, each in constant time, so the time taken
   * says nothing about which entry (or how much of one) matched.
   */
  identify(presented: string): ApiKeyEntry | null {
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    let found: ApiKeyEntry | null = null;
    for (const { entry, digest: known } of this.digests) {
      if (timingSafeEqual(digest, known)) found = entry;
    }
    return found;
  }
}

/**
 * Who sent a request: nobody in particular, the holder of a configured key, or a client whose credentials
 * were refused (an unknown key, a malformed Authorization header), with what was wrong.
 */
export type Caller =
  { kind: 'anonymous' } | { kind: 'key'; name: string; role: ApiRole } | { kind: 'refused'; problem: string };

/** Whether a caller holds a key of at least this role (a writer may read). */
export function hasRole(caller: Caller, role: ApiRole): boolean {
  return caller.kind === 'key' && (caller.role === role || caller.role === 'writer');
}
