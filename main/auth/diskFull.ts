// A write refused because the disk (or the database's own size limit) is full: sign-in and the
// access log keep working in memory then, instead of answering 500 to everyone.
export function isDiskFull(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'SQLITE_FULL';
}
