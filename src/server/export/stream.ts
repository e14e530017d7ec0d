import { once } from 'node:events';
import type { Response } from 'express';
import { edgeIds } from './edge-ids';
import type { ExportNode, FoundEdge, FormatSpec } from './model';

/** How much text is gathered before one write to the socket. */
const CHUNK_BYTES = 64 * 1024;

/** What was written, for the log line. */
export interface Written {
  nodes: number;
  edges: number;
  bytes: number;
}

/** Sends text, waiting while the socket's buffer is full; false once the client has gone. */
async function send(res: Response, text: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(text)) return true;
  await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

/**
 * Writes an export in the format to a response whose headers are set: nodes page by page, then edges,
 * flushing about every 64 KiB and waiting whenever the client reads slower than the database answers, so
 * memory holds one page and one chunk. Stops reading as soon as the client disconnects.
 */
export async function writeExport(
  res: Response,
  spec: FormatSpec,
  nodePages: AsyncIterable<ExportNode[]>,
  edgePages: AsyncIterable<FoundEdge[]>,
  onPage: (written: Written) => void = () => undefined,
): Promise<Written> {
  const writer = spec.writer();
  const written: Written = { nodes: 0, edges: 0, bytes: 0 };
  let buffer = writer.start();
  const flush = async (force = false): Promise<boolean> => {
    if (!force && Buffer.byteLength(buffer) < CHUNK_BYTES) return true;
    written.bytes += Buffer.byteLength(buffer);
    const open = await send(res, buffer);
    buffer = '';
    return open;
  };
  if (spec.needs.nodes) {
    for await (const page of nodePages) {
      for (const node of page) {
        buffer += writer.node(node);
        written.nodes += 1;
        if (!(await flush())) return written;
      }
      onPage(written);
    }
  }
  buffer += writer.edgesStart();
  if (spec.needs.edges) {
    const withId = edgeIds();
    for await (const page of edgePages) {
      for (const edge of page) {
        buffer += writer.edge(withId(edge));
        written.edges += 1;
        if (!(await flush())) return written;
      }
      onPage(written);
    }
  }
  buffer += writer.end();
  await flush(true);
  res.end();
  return written;
}

/** An array as a single page. */
export async function* onePage<T>(items: T[]): AsyncGenerator<T[]> {
  yield items;
}
