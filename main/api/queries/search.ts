// The header's search: persons by name, ID number (or other document number), wristband, case
// number or id. Those in the area come first, then the most recently entered; each hit says which
// of its facts matched, so the desk can show why it was found.
import type { SearchHit } from '../../../common/views.js';
import type { Db } from '../../core/store/db.js';
import { parseJson, PERSON_SELECT, personSummary, type PersonRow } from './rows.js';

type Matched = SearchHit['matched'];

function escapeLike(text: string): string {
  return `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
}

export function search(db: Db, q: { text: string; limit?: number }): SearchHit[] {
  const text = q.text.trim();
  if (text === '') return [];
  const like = escapeLike(text);
  // ID numbers end in X or x as typed; the record keeps what the desk entered (upper case).
  const upper = escapeLike(text.toUpperCase());
  const sql = `${PERSON_SELECT}
    WHERE c.name LIKE @like ESCAPE '\\' OR c.id_number LIKE @upper ESCAPE '\\' OR c.tag = @text OR c.tag LIKE @like ESCAPE '\\'
      OR c.case_no LIKE @like ESCAPE '\\' OR c.person_id LIKE @like ESCAPE '\\'
      OR json_extract(c.details, '$.documentNumber') LIKE @like ESCAPE '\\'
    ORDER BY (c.status = 'exited'), c.entered_at DESC LIMIT @limit`;
  const rows = db.prepare(sql).all({ like, upper, text, limit: q.limit ?? 20 }) as PersonRow[];
  const has = (value: string | null | undefined, needle: string): boolean => (value ?? '').toUpperCase().includes(needle.toUpperCase());
  return rows.map((r) => {
    const documentNumber = parseJson<Record<string, string>>(r.details, {}).documentNumber;
    const matched: Matched = has(r.name, text) ? 'name' : has(r.id_number, text) ? 'idNumber' : has(r.tag, text) ? 'tag'
      : has(r.case_no, text) ? 'caseNo' : has(documentNumber, text) ? 'documentNumber' : 'id';
    return { person: personSummary(r), idNumber: r.id_number, matched };
  });
}
