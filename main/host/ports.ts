// What the station's services may do with the running station, and no more: put reports on the
// record, write a log line, read the clock. Each service receives these (and whatever else it
// needs, named) instead of the host object.

export interface ReportPort {
  /** Puts a report from `actor` (device:ID, system) on the record; a refusal is logged, as a device cannot be told. */
  report(command: Record<string, unknown>, actor: string): void;
  log(line: string): void;
  now(): number;
}
