// 讯（询）问同步录音录像情况说明: the printable page that goes with an evidence export — who,
// when, where, how long, each camera's file and source segments with their SHA-256, every gap,
// and the record's head — drawn from the export's manifest. One self-contained HTML file (no
// script, no outside resource), laid out for A4, so that it opens and prints anywhere.
import type { EvidenceManifest } from '../../common/evidenceManifest.js';
import { gapReasonText, R, sessionKindText } from '../../common/recordingText.js';
import { formatDateTimeSeconds, formatSpan } from '../../common/zonedTime.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);


const STYLE = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 12pt; letter-spacing: 1pt; }
  h2 { font-size: 12pt; margin: 14pt 0 6pt; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
  th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #eee; white-space: nowrap; width: 1%; }
  .mono { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 8.5pt; word-break: break-all; }
  .note { margin: 10pt 0; }
  .sign { display: flex; gap: 40pt; margin-top: 24pt; }
  .sign span { flex: 1; border-bottom: 1px solid #000; padding-bottom: 18pt; }
  main { max-width: 180mm; margin: 0 auto; }
`;

export function summaryHtml(m: EvidenceManifest): string {
  const S = R.summary;
  const t = (ms: number): string => formatDateTimeSeconds(ms, m.timeZone);
  const row = (label: string, value: string, mono = false): string => `<tr><th>${esc(label)}</th><td${mono ? ' class="mono"' : ''}>${esc(value)}</td></tr>`;
  const s = m.session;
  const by = m.exportedBy.via === 'desk' ? `${m.exportedBy.name ?? ''}（${m.exportedBy.account ?? ''}）` : `${R.evidence.via.cli}（${m.exportedBy.osUser ?? ''}）`;
  const cameras = m.cameras.map((c) => {
    const file = m.files.find((f) => f.name === c.file);
    const segments = c.segments.map((g) => `<tr><td>${g.seq}</td><td>${esc(`${t(g.startedAt)} – ${t(g.endedAt)}`)}</td><td class="mono">${g.sha256}</td></tr>`).join('');
    const gaps = c.gaps.length === 0 ? `<p>${esc(S.noGaps)}</p>`
      : `<table><tbody>${c.gaps.map((g) => `<tr><td>${esc(`${t(g.from)} – ${t(g.to)}`)}</td><td>${esc(formatSpan(g.to - g.from))}</td><td>${esc(gapReasonText(g.reason))}</td></tr>`).join('')}</tbody></table>`;
    const changed = c.changed.length === 0 ? ''
      : `<h3>${esc(S.changed)}</h3><table><tbody>${c.changed.map((g) => `<tr><td>${g.seq}</td><td>${esc(`${t(g.startedAt)} – ${t(g.endedAt)}`)}</td><td class="mono">${esc(R.playback.hashes(g.expected, g.found ?? S.none))}</td></tr>`).join('')}</tbody></table>`;
    return `<h2>${esc(`${S.camera} ${c.camera}`)}</h2>
<table><tbody>${row(S.file, c.file ?? S.none)}${file ? row(S.fileHash, file.sha256, true) : ''}</tbody></table>
<table><thead><tr><th>#</th><th>${esc(S.segmentRange)}</th><th>${esc(S.segmentHash)}</th></tr></thead><tbody>${segments}</tbody></table>
<h3>${esc(S.gaps)}</h3>${gaps}${changed}`;
  }).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(S.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${esc(S.title)}</h1>
<table><tbody>
${row(S.area, m.area?.name ?? S.none)}
${row(S.room, s.room.name)}
${row(S.person, `${s.person.name}（${s.person.id}）`)}
${row(S.caseNo, s.person.caseNo ?? S.none)}
${row(S.kind, sessionKindText(s.kind))}
${row(S.officers, s.officers.map((o) => o.name).join('、') || S.none)}
${row(S.adults, s.appropriateAdults.join('、') || S.none)}
${row(S.start, t(s.startedAt))}
${row(S.end, t(s.endedAt))}
${row(S.duration, formatSpan(s.endedAt - s.startedAt))}
</tbody></table>
${cameras}
<h2>${esc(S.record)}</h2>
<table><tbody>
${row(S.record, `#${m.recordHead.seq} ${m.recordHead.hash}`, true)}
${row(S.exportedAt, t(m.exportedAt))}
${row(S.exportedBy, by)}
</tbody></table>
<p class="note">${esc(S.statement)}</p>
<div class="sign"><span>${esc(S.sign)}</span><span>${esc(S.date)}</span></div>
</main></body></html>
`;
}
