// 导出核验: checks an evidence export as it stands now against what it says of itself — the
// manifest against its recorded SHA-256, every file it lists (present, same size, same hash), no
// file added beside them, and each of the session's events against its chain hash. With the
// station's record at hand (`dataDir`), also that the record holds this export with this manifest.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, MANIFEST_HASH_FILE, manifestSchema, type EvidenceManifest } from '../../common/evidenceManifest.js';
import { hashFile } from '../../hardware/camera/hash.js';
import { chainHash } from '../core/store/chain.js';

export interface VerifyProblem { readonly file: string; readonly problem: string }

export interface VerifyResult {
  readonly ok: boolean;
  readonly dir: string;
  readonly exportId: string | null;
  readonly session: string | null;
  /** Files whose size and SHA-256 were checked and found as listed. */
  readonly filesChecked: number;
  readonly eventsChecked: number;
  /** The record was consulted and holds this export (null: no record was given). */
  readonly recorded: boolean | null;
  readonly manifestSha256: string | null;
  readonly problems: readonly VerifyProblem[];
}

/** What the record says of an export: the manifest hash it recorded, or null if it has no such export. */
export type RecordedManifest = (exportId: string) => string | null;

export async function verifyExport(dir: string, recorded?: RecordedManifest): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const base = { dir, exportId: null, session: null, filesChecked: 0, eventsChecked: 0, recorded: null, manifestSha256: null };
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    return { ...base, ok: false, problems: [{ file: MANIFEST_FILE, problem: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }] };
  }
  const manifestSha256 = (await hashFile(join(dir, MANIFEST_FILE))).sha256;
  try {
    const stated = (await readFile(join(dir, MANIFEST_HASH_FILE), 'utf8')).trim().split(/\s+/)[0];
    if (stated !== manifestSha256) problems.push({ file: MANIFEST_FILE, problem: `SHA-256 ${manifestSha256} differs from ${MANIFEST_HASH_FILE} (${stated ?? ''})` });
  } catch {
    problems.push({ file: MANIFEST_HASH_FILE, problem: 'missing' });
  }
  let manifest: EvidenceManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(text));
  } catch (err) {
    return { ...base, manifestSha256, ok: false, problems: [...problems, { file: MANIFEST_FILE, problem: `not a valid manifest: ${(err as Error).message.slice(0, 200)}` }] };
  }
  let filesChecked = 0;
  for (const f of manifest.files) {
    if (f.name.includes('/') || f.name.includes('\\') || f.name.startsWith('.')) {
      problems.push({ file: f.name, problem: 'a listed name that is not a plain file name' });
      continue;
    }
    try {
      const d = await hashFile(join(dir, f.name));
      if (d.bytes !== f.bytes) problems.push({ file: f.name, problem: `size ${d.bytes} bytes, listed ${f.bytes}` });
      else if (d.sha256 !== f.sha256) problems.push({ file: f.name, problem: `SHA-256 ${d.sha256}, listed ${f.sha256}` });
      else filesChecked++;
    } catch (err) {
      problems.push({ file: f.name, problem: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    }
  }
  const listed = new Set([MANIFEST_FILE, MANIFEST_HASH_FILE, ...manifest.files.map((f) => f.name)]);
  for (const name of await readdir(dir)) if (!listed.has(name)) problems.push({ file: name, problem: 'not part of the export' });
  let eventsChecked = 0;
  for (const e of manifest.events) {
    if (chainHash(e.prevHash, e) === e.hash) eventsChecked++;
    else problems.push({ file: MANIFEST_FILE, problem: `event ${e.seq} does not match its chain hash` });
  }
  let inRecord: boolean | null = null;
  if (recorded) {
    const hash = recorded(manifest.exportId);
    inRecord = hash === manifestSha256;
    if (hash === null) problems.push({ file: MANIFEST_FILE, problem: `the record holds no export ${manifest.exportId}` });
    else if (!inRecord) problems.push({ file: MANIFEST_FILE, problem: `the record holds manifest SHA-256 ${hash} for this export` });
  }
  return {
    ok: problems.length === 0, dir, exportId: manifest.exportId, session: manifest.session.id, filesChecked, eventsChecked,
    recorded: inRecord, manifestSha256, problems,
  };
}
