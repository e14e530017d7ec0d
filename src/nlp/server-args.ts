/**
 * The command line of a local CoreNLP server, and the two things that keep it private. CoreNLP has no bind
 * option: it listens on every interface. So each run gets a random basic-auth pair, and a blockList that
 * covers every IPv4 address outside 127.0.0.0/8 (CoreNLP applies a blockList only with -stanford). IPv6 is
 * switched off in the JVM (-Djava.net.preferIPv4Stack=true), so no address escapes the IPv4 blockList.
 */
import { randomBytes } from 'node:crypto';

/** An IPv4 subnet: its first address as an unsigned 32-bit number, and its prefix length. */
export interface Cidr {
  base: number;
  bits: number;
}

/** The only subnet a local server answers. */
export const LOOPBACK: Cidr = { base: 0x7f000000, bits: 8 };

/** Reads "a.b.c.d/n"; throws on anything else. */
export function parseCidr(text: string): Cidr {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  const parts = match?.slice(1, 5).map(Number) ?? [];
  const bits = Number(match?.[5]);
  if (!match || parts.some((p) => p > 255) || bits > 32) throw new Error(`not an IPv4 subnet: ${text}`);
  return { base: parts.reduce((n, p) => n * 256 + p, 0), bits };
}

/** Writes a subnet as "a.b.c.d/n". */
export function formatCidr(c: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
  return `${octets.join('.')}/${c.bits}`;
}

/** True when the address (an unsigned 32-bit number) lies in the subnet. */
export function contains(c: Cidr, address: number): boolean {
  const size = 2 ** (32 - c.bits);
  return address >= c.base && address < c.base + size;
}

/**
 * Every IPv4 address except those of `allowed`, as the fewest subnets: for each prefix length i up to
 * allowed.bits, the subnet that agrees with allowed on its first i-1 bits and differs at bit i.
 */
export function complementOf(allowed: Cidr): Cidr[] {
  const out: Cidr[] = [];
  for (let i = 1; i <= allowed.bits; i += 1) {
    const keep = Math.floor(allowed.base / 2 ** (32 - (i - 1))) * 2 ** (32 - (i - 1));
    const bit = Math.floor(allowed.base / 2 ** (32 - i)) % 2;
    out.push({ base: keep + (1 - bit) * 2 ** (32 - i), bits: i });
  }
  return out;
}

/** The blockList file of a local server: every IPv4 subnet except loopback, one per line. */
export function blockListText(): string {
  return `${complementOf(LOOPBACK).map(formatCidr).join('\n')}\n`;
}

/** A basic-auth pair for one run. Hex only, so neither part can be read as an option by CoreNLP's parser. */
export function randomCredentials(): { user: string; password: string } {
  return { user: `sg-${randomBytes(6).toString('hex')}`, password: randomBytes(24).toString('hex') };
}

/** What a server start needs to know. */
export interface ServerArgsInput {
  jarsDir: string;
  port: number;
  /** JVM heap, such as 4g. */
  heap: string;
  /** CoreNLP's own per-request bound, in milliseconds. */
  timeoutMs: number;
  blockListFile: string;
  credentials: { user: string; password: string };
  /** Names the server's shutdown-key file (/tmp/corenlp.shutdown.<id>), so two servers never share one. */
  serverId: string;
  /** The server's default properties (serverPropertiesText), so the preloaded models are the ones requests use. */
  serverPropertiesFile: string;
  /** Annotators loaded before the port opens, so readiness means "models loaded". */
  preload: string;
}

/** A Java properties file of the request properties CoreNLP should also use when it preloads its models. */
export function serverPropertiesText(properties: Readonly<Record<string, string>>): string {
  return `${Object.entries(properties)
    .filter(([k]) => k !== 'annotators' && k !== 'outputFormat')
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n')}\n`;
}

/** The `java` arguments of a private local StanfordCoreNLPServer. */
export function serverArgs(input: ServerArgsInput): string[] {
  return [
    `-mx${input.heap}`,
    '-Djava.net.preferIPv4Stack=true',
    '-XX:+ExitOnOutOfMemoryError',
    '-cp',
    `${input.jarsDir}/*`,
    'edu.stanford.nlp.pipeline.StanfordCoreNLPServer',
    '-port',
    String(input.port),
    '-timeout',
    String(input.timeoutMs),
    '-quiet',
    '-server_id',
    input.serverId,
    '-username',
    input.credentials.user,
    '-password',
    input.credentials.password,
    // -stanford turns the blockList on; its other effect applies only on the host corenlp.stanford.edu.
    '-stanford',
    '-blockList',
    input.blockListFile,
    '-serverProperties',
    input.serverPropertiesFile,
    '-preload',
    input.preload,
  ];
}
