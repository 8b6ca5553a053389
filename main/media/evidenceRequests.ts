// The running station's answer to `npm run evidence -- export` (through evidenceSocket.ts): the
// same export as the desk's, asked by the operating-system user who ran the command.
import { isAbsolute } from 'node:path';
import type { ExportAsk, ExportReply } from './evidenceSocket.js';
import { EvidenceError, type MediaService } from './mediaService.js';

export function evidenceRequestHandler(media: MediaService): (ask: ExportAsk) => Promise<ExportReply> {
  return async (ask) => {
    if (!isAbsolute(ask.out)) return { ok: false, code: 'BAD_REQUEST', message: `导出目录须为绝对路径：${ask.out}` };
    try {
      return { ok: true, result: await media.exportEvidence(ask.session, { via: 'cli', osUser: ask.osUser }, ask.out) };
    } catch (err) {
      if (err instanceof EvidenceError) return { ok: false, code: err.code, message: err.message };
      media.log(`evidence: export of ${ask.session} failed: ${(err as Error).stack ?? String(err)}`);
      return { ok: false, code: 'INTERNAL', message: (err as Error).message };
    }
  };
}
