// 《涉案人员进出办案区登记台账》: one row per person who entered in a date range.
import type { Db } from '../../core/store/db.js';
import type { LedgerRow } from '../../../common/views.js';
import type { Basis, Destination, Gender, PersonRole } from '../../../common/vocab.js';
import { CORRECTED_FIELDS_SQL, correctedFields, parseJson } from './rows.js';

interface Row {
  person_id: string; name: string; gender: string; birth_date: string; id_number: string | null; role: string; case_no: string | null;
  basis: string | null; officers: string; entered_at: number; exited_at: number | null; destination: string | null; alarms: number;
  corrected: string | null;
}

export function ledger(db: Db, from: number, to: number): LedgerRow[] {
  const rows = db.prepare(`SELECT c.person_id, c.name, c.gender, c.birth_date, c.id_number, c.role, c.case_no, c.basis, c.officers,
      c.entered_at, c.exited_at, c.destination,
      (SELECT count(*) FROM alarms a WHERE a.subject = 'person:' || c.person_id) AS alarms, ${CORRECTED_FIELDS_SQL} AS corrected
    FROM custody_records c WHERE c.entered_at >= ? AND c.entered_at < ? ORDER BY c.entered_at, c.person_id`).all(from, to) as Row[];
  return rows.map((r, i) => ({
    no: i + 1, personId: r.person_id, name: r.name, gender: r.gender as Gender, birthDate: r.birth_date, idNumber: r.id_number,
    role: r.role as PersonRole, caseNo: r.case_no, basis: r.basis as Basis | null, officers: parseJson<string[]>(r.officers, []),
    enteredAt: r.entered_at, exitedAt: r.exited_at, destination: r.destination as Destination | null, alarms: r.alarms,
    corrected: correctedFields(r.corrected),
  }));
}
