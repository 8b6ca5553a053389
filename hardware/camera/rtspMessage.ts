// RTSP/1.0 on one TCP connection, as a stream of pieces: text messages (requests and responses,
// headers and an optional body) and interleaved binary frames (`$`, channel, 16-bit length, data)
// that carry RTP and RTCP once PLAY has begun. The relay reads both directions with this.

export interface RtspMessage {
  /** The first line: `METHOD URI RTSP/1.0` or `RTSP/1.0 CODE REASON`. */
  startLine: string;
  /** In order, as sent; names compared without regard to case. */
  headers: [string, string][];
  body: Buffer;
}

export type RtspPiece = { kind: 'message'; message: RtspMessage } | { kind: 'frame'; bytes: Buffer };

/** The longest header block accepted: a camera's headers are a few hundred bytes. */
const MAX_HEAD = 64 * 1024;
/** The longest body accepted (an SDP is a few kilobytes). */
const MAX_BODY = 1024 * 1024;

export class RtspProtocolError extends Error {
  override name = 'RtspProtocolError';
}

/** Splits what arrives on one connection into messages and interleaved frames. */
export class RtspReader {
  private pending: Buffer = Buffer.alloc(0);

  /** The pieces completed by this chunk; throws RtspProtocolError on bytes that are not RTSP. */
  push(chunk: Buffer): RtspPiece[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const out: RtspPiece[] = [];
    for (;;) {
      const piece = this.next();
      if (piece === null) return out;
      out.push(piece);
    }
  }

  private next(): RtspPiece | null {
    const buf = this.pending;
    if (buf.length === 0) return null;
    if (buf[0] === 0x24) {
      if (buf.length < 4) return null;
      const end = 4 + buf.readUInt16BE(2);
      if (buf.length < end) return null;
      this.pending = buf.subarray(end);
      return { kind: 'frame', bytes: buf.subarray(0, end) };
    }
    const headEnd = buf.indexOf('\r\n\r\n');
    if (headEnd < 0) {
      if (buf.length > MAX_HEAD) throw new RtspProtocolError('no end of RTSP headers');
      return null;
    }
    const lines = buf.subarray(0, headEnd).toString('latin1').split('\r\n');
    const startLine = lines[0] ?? '';
    if (!/^(RTSP\/\d\.\d \d{3}\b|[A-Z_]+ \S+ RTSP\/\d\.\d$)/.test(startLine)) throw new RtspProtocolError(`not an RTSP message: ${startLine.slice(0, 40)}`);
    const headers: [string, string][] = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new RtspProtocolError(`bad RTSP header line: ${line.slice(0, 40)}`);
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    const length = Number(header(headers, 'content-length') ?? '0');
    if (!Number.isInteger(length) || length < 0 || length > MAX_BODY) throw new RtspProtocolError('bad Content-Length');
    const end = headEnd + 4 + length;
    if (buf.length < end) return null;
    this.pending = buf.subarray(end);
    return { kind: 'message', message: { startLine, headers, body: Buffer.from(buf.subarray(headEnd + 4, end)) } };
  }
}

export function header(headers: readonly [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

export function headerValues(headers: readonly [string, string][], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** The headers with `name` set to `value` (in place of the first of that name), or removed when value is null. */
export function withHeader(headers: readonly [string, string][], name: string, value: string | null): [string, string][] {
  const lower = name.toLowerCase();
  const out: [string, string][] = [];
  let placed = false;
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== lower) out.push([n, v]);
    else if (!placed && value !== null) {
      out.push([n, value]);
      placed = true;
    }
  }
  if (!placed && value !== null) out.push([name, value]);
  return out;
}

export function serialize(m: RtspMessage): Buffer {
  const headers = withHeader(m.headers, 'Content-Length', m.body.length > 0 ? String(m.body.length) : null);
  const head = [m.startLine, ...headers.map(([n, v]) => `${n}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), m.body]);
}

export type StartLine =
  | { kind: 'request'; method: string; uri: string; version: string }
  | { kind: 'response'; status: number; version: string; reason: string };

export function parseStartLine(line: string): StartLine {
  const response = /^(RTSP\/\d\.\d) (\d{3}) ?(.*)$/.exec(line);
  if (response) return { kind: 'response', version: response[1] ?? 'RTSP/1.0', status: Number(response[2]), reason: response[3] ?? '' };
  const [method = '', uri = '', version = 'RTSP/1.0'] = line.split(' ');
  return { kind: 'request', method, uri, version };
}
