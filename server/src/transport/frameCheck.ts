// Watches the bytes of a stdio LSP connection and says when a frame is malformed. vscode-jsonrpc's
// reader, given "Content-Length: abc" or "-5", reports (or not) and then waits forever: the
// server stayed alive but answered nothing again, and the editor never restarted it. Framing
// cannot be resynchronised with certainty (the body length is the only boundary), so the server
// logs why and exits; the client restarts it.

/** Larger bodies are not a message but a broken or hostile stream (a 50 MB draft is ~100 MB escaped). */
export const MAX_CONTENT_LENGTH = 512 * 1024 * 1024;
/** A header block this long without its blank line is not a header. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export class FrameChecker {
  private header = Buffer.alloc(0);
  /** Body bytes still to pass before the next header; -1 while reading a header. */
  private bodyLeft = -1;

  /** Feeds the next bytes; returns why the stream is malformed, or undefined while it is well-formed. */
  push(chunk: Buffer): string | undefined {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft >= 0) {
        const take = Math.min(this.bodyLeft, chunk.length - at);
        at += take;
        this.bodyLeft -= take;
        if (this.bodyLeft === 0) this.bodyLeft = -1;
        continue;
      }
      this.header = Buffer.concat([this.header, chunk.subarray(at)]);
      at = chunk.length;
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) return `no end of header in ${this.header.length} bytes`;
        continue;
      }
      const problem = contentLengthOf(this.header.subarray(0, end).toString('ascii'));
      if (typeof problem === 'string') return problem;
      const rest = this.header.subarray(end + HEADER_END.length);
      this.header = Buffer.alloc(0);
      this.bodyLeft = problem;
      if (this.bodyLeft === 0) this.bodyLeft = -1;
      const again = rest.length ? this.push(rest) : undefined;
      if (again) return again;
    }
    return undefined;
  }
}

function contentLengthOf(header: string): number | string {
  const lines = header.split('\r\n');
  const field = lines.find((line) => /^content-length\s*:/i.test(line));
  if (!field) return `a header without Content-Length: ${JSON.stringify(header.slice(0, 200))}`;
  const value = field.slice(field.indexOf(':') + 1).trim();
  if (!/^\d+$/.test(value)) return `Content-Length is not a whole number: ${JSON.stringify(value.slice(0, 50))}`;
  const length = Number(value);
  if (length > MAX_CONTENT_LENGTH) return `Content-Length ${length} is more than ${MAX_CONTENT_LENGTH}`;
  return length;
}
