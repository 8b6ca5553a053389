// A stream of bytes whose end is certain: `cleanup` runs exactly once — when the stream ends, when
// it fails, or when its consumer stops early (return()) — even if the consumer never asked for a
// single chunk. An async generator's `finally` runs only once it has started, which a client that
// leaves before the first byte never does: a live view or an ffmpeg would be left behind.
export function closeable(inner: AsyncIterable<Uint8Array>, cleanup: () => void | Promise<void>): AsyncIterable<Uint8Array> {
  let ended = false;
  const end = async (): Promise<void> => {
    if (ended) return;
    ended = true;
    await cleanup();
  };
  return {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      const it = inner[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const r = await it.next();
            if (r.done) await end();
            return r;
          } catch (err) {
            await end();
            throw err;
          }
        },
        async return() {
          try {
            await it.return?.();
          } finally {
            await end();
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}
