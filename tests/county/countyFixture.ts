// What a county test file shares: one throwaway PostgreSQL cluster and one scratch folder for the
// file, and everything a test starts — stations in this process, station processes, counties, the
// test's own database connections — stopped after that test, whether it passed or not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BootedStation } from '../../main/host/boot.js';
import { startPgCluster, type PgCluster } from './pgCluster.js';

interface Stoppable { stop(): Promise<unknown> }

export class CountyFixture {
  private pgCluster: PgCluster | null = null;
  private folder = '';
  readonly stations: BootedStation[] = [];
  /** Stations run as their own process, and counties. */
  readonly processes: Stoppable[] = [];
  private readonly clients: pg.Client[] = [];

  /** Registers the file's hooks; `prefix` names its scratch folder. */
  constructor(prefix: string) {
    beforeAll(async () => {
      this.pgCluster = await startPgCluster({ fast: true });
      this.folder = mkdtempSync(join(tmpdir(), prefix));
    }, 120_000);
    afterEach(async () => {
      for (const c of this.clients.splice(0)) await c.end().catch(() => undefined);
      for (const s of this.stations.splice(0)) await s.stop();
      for (const p of this.processes.splice(0)) await p.stop();
    });
    afterAll(() => {
      this.pgCluster?.stop();
      if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    });
  }

  get cluster(): PgCluster {
    if (!this.pgCluster) throw new Error('the cluster starts before the first test');
    return this.pgCluster;
  }

  /** A path in the file's scratch folder. */
  path(name: string): string {
    return join(this.folder, name);
  }

  /** Stopped after the test. */
  track<T extends Stoppable>(p: T): T {
    this.processes.push(p);
    return p;
  }

  /** A connection of the test's own to the county's database, closed after the test. */
  async client(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: this.cluster.url });
    c.on('error', () => undefined);
    await c.connect();
    this.clients.push(c);
    return c;
  }
}
