// The sections of the 《办案区使用情况登记表》, laid out as the paper form: label cells and value
// cells, with empty cells left for signatures.
import { T } from '../../../../common/deskText.js';
import { BASIS_LABELS, COLLECTION_LABELS, CORRECTION_FIELD_LABELS, correctionValueLabel, DESTINATION_LABELS, DISPOSITION_LABELS, GENDER_LABELS, ROLE_LABELS } from '../../../../common/messages.js';
import type { UsageForm } from '../../../../common/views.js';
import type { CorrectableField } from '../../../../common/vocab.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { readFindings } from '../../format/findings.js';
import { CorrectedMark } from '../../widgets/CorrectedMark.js';
import { activityRows, type RoomLookup } from './activityRows.js';

interface Props { readonly form: UsageForm; readonly rooms: RoomLookup }

const F = T.form;
const dash = (s: string | null | undefined): string => (s && s.trim() ? s : '—');

/** A span of time; the end shows only its clock time when it falls on the same day. */
function period(start: number, end: number | null, tz: string): string {
  if (end === null) return formatDateTime(start, tz);
  const a = formatDateTime(start, tz);
  const b = formatDateTime(end, tz);
  return `${a} ${F.to} ${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b}`;
}

export function IdentitySection({ form }: Props) {
  const p = form.person;
  const s = p.summary;
  const d = p.details;
  const tz = form.timeZone;
  const officer = (id: string): string => form.officers[id] ?? id;
  const extended = p.extensions.map((x) => T.common.hours(x.limitHours)).join('、');
  const mark = (f: CorrectableField) => <CorrectedMark field={f} corrected={p.corrected} />;
  return (
    <section className="form-section-print">
      <h2>{F.s1}</h2>
      <table className="form-table">
        <tbody>
          <tr><th>{F.name}</th><td data-form="name">{s.name}{mark('name')}</td><th>{F.gender}</th><td>{GENDER_LABELS[s.gender]}{mark('gender')}</td></tr>
          <tr><th>{F.birth}</th><td>{s.birthDate}{mark('birthDate')}</td><th>{F.phone}</th><td>{dash(d.phone)}</td></tr>
          <tr><th>{F.idType}</th><td>{dash(d.idType)}</td><th>{F.idNumber}</th><td className="mono">{dash(p.idNumber ?? d.documentNumber)}{mark('idNumber')}</td></tr>
          <tr><th>{F.basis}</th><td>{s.basis ? BASIS_LABELS[s.basis] : '—'}{mark('basis')}</td><th>{F.role}</th><td>{ROLE_LABELS[s.role]}{mark('role')}</td></tr>
          <tr><th>{F.household}</th><td colSpan={3}>{dash(d.household)}</td></tr>
          <tr><th>{F.address}</th><td colSpan={3}>{dash(d.address)}</td></tr>
          <tr><th>{F.alarmNo}</th><td className="mono">{dash(d.alarmNo)}</td><th>{F.caseNo}</th><td className="mono">{dash(s.caseNo)}{mark('caseNo')}</td></tr>
          <tr><th>{F.caseCause}</th><td colSpan={3}>{dash(d.caseCause)}</td></tr>
          <tr>
            <th>{F.officers}</th><td className="sign">{p.officers.map(officer).join('、')}</td>
            <th>{F.entered}</th><td data-form="entered">{formatDateTime(s.enteredAt, tz)}</td>
          </tr>
          <tr>
            <th>{F.admin}</th><td className="sign">{officer(p.enteredBy)}</td>
            <th>{F.limit}</th><td>{s.limitHours === null ? '—' : T.common.hours(s.limitHours)}{extended && F.extensions(extended)}</td>
          </tr>
          {p.corrections.length > 0 && (
            <tr>
              <th>{T.correct.history}</th>
              <td colSpan={3} data-form="corrections">
                {p.corrections.map((c) => (
                  <div key={c.seq}>
                    {T.correct.line(formatDateTime(c.at, tz), c.changes.map((x) => T.timeline.correctedField(CORRECTION_FIELD_LABELS[x.field], correctionValueLabel(x.field, x.from), correctionValueLabel(x.field, x.to))).join('；'),
                    c.reason, officer(c.approvedBy))}
                  </div>
                ))}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

export function CheckSection({ form }: Props) {
  const tz = form.timeZone;
  const officer = (id: string): string => form.officers[id] ?? id;
  const checks = form.person.checks;
  return (
    <section className="form-section-print">
      <h2>{F.s2}</h2>
      {checks.length === 0 && <p>{F.noCheck}</p>}
      {checks.map((c) => {
        const f = readFindings(c.findings);
        const injuries = f.injuries.length === 0 ? T.common.none : f.injuries.map((i) => `${i.location}：${i.description}`).join('；');
        const dangerous = f.dangerousItems.length === 0 ? T.common.none : f.dangerousItems.map((x) => (x.handling ? `${x.name}（${x.handling}）` : x.name)).join('；');
        const yesNo = (b: boolean | null): string => (b === null ? '—' : b ? T.common.yes : T.common.no);
        return (
          <table className="form-table" key={c.seq}>
            <tbody>
              <tr><th>{F.selfReport}</th><td colSpan={3}>{F.selfReportText(f.illness || T.common.none, f.alcohol ? T.check.alcoholValues[f.alcohol] : '—', yesNo(f.infectious))}</td></tr>
              <tr><th>{F.inspection}</th><td colSpan={3}>{F.inspectionText(injuries, dangerous, f.bodyCheck || '—')}</td></tr>
              <tr><th>{F.checkTime}</th><td colSpan={3}>{f.startedAt !== null ? period(f.startedAt, c.at, tz) : formatDateTime(c.at, tz)}</td></tr>
              <tr>
                <th>{F.checkers}</th><td className="sign">{T.check.checkedBy(c.checkers.map(officer).join('、'), c.doctor)}</td>
                <th>{F.witness}</th><td className="sign">{f.witness}</td>
              </tr>
              <tr><th>{F.checked}</th><td colSpan={3} className="sign" /></tr>
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

export function BelongingsSection({ form }: Props) {
  const items = form.person.items;
  return (
    <section className="form-section-print">
      <h2>{F.s3}</h2>
      <table className="form-table grid">
        <thead>
          <tr><th>{F.itemNo}</th><th>{F.itemName}</th><th>{F.quantity}</th><th>{F.features}</th><th>{F.caseRelated}</th><th>{F.locker}</th><th>{F.disposition}</th></tr>
        </thead>
        <tbody>
          {items.length === 0 && <tr><td colSpan={7}>{F.noItems}</td></tr>}
          {items.map((it, i) => (
            <tr key={it.id}>
              <td>{i + 1}</td><td>{it.name}</td><td>{it.quantity}</td><td>{it.features ?? ''}</td><td>{it.caseRelated ? T.common.yes : T.common.no}</td>
              <td>{it.locker ?? ''}</td><td>{it.disposition ? DISPOSITION_LABELS[it.disposition] : ''}{it.note ? `（${it.note}）` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="form-table signatures">
        <tbody><tr><th>{F.itemSigners}</th><td className="sign" /><th>{F.keeper}</th><td className="sign" /><th>{F.owner}</th><td className="sign" /></tr></tbody>
      </table>
    </section>
  );
}

/** 是否入库 as recorded; blank boxes to fill by hand when the desk did not say. */
function storedText(c: Props['form']['person']['collections']): string {
  const said = c.filter((x) => x.stored !== null);
  if (said.length === 0) return F.storedBoxes;
  if (said.every((x) => x.stored)) return said.length === c.length ? F.storedYes : F.storedPartly(said.map((x) => COLLECTION_LABELS[x.item] ?? x.item).join('、'));
  if (said.every((x) => !x.stored)) return F.storedNo;
  return F.storedPartly(said.filter((x) => x.stored).map((x) => COLLECTION_LABELS[x.item] ?? x.item).join('、'));
}

export function CollectionSection({ form }: Props) {
  const tz = form.timeZone;
  const c = form.person.collections;
  const list = c.map((x) => `${COLLECTION_LABELS[x.item] ?? x.item}（${formatDateTime(x.at, tz)}）`).join('、');
  return (
    <section className="form-section-print">
      <h2>{F.s4}</h2>
      <table className="form-table">
        <tbody>
          <tr><th>{F.collected}</th><td>{c.length === 0 ? T.common.no : `${T.common.yes}：${list}`}</td><th>{F.stored}</th><td>{storedText(c)}</td></tr>
        </tbody>
      </table>
    </section>
  );
}

export function ActivitySection({ form, rooms }: Props) {
  const tz = form.timeZone;
  const rows = activityRows(form.person, rooms);
  return (
    <section className="form-section-print">
      <h2>{F.s5}</h2>
      <table className="form-table grid">
        <thead><tr><th>{F.period}</th><th>{F.room}</th><th>{F.activity}</th><th>{F.remark}</th></tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={4}>{F.noActivity}</td></tr>}
          {rows.map((r, i) => (
            <tr key={i}>
              <td className="nowrap">{period(r.start, r.end, tz)}</td>
              <td>{r.room}</td><td>{r.activity}</td><td>{r.remark}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ExitSection({ form }: Props) {
  const tz = form.timeZone;
  const p = form.person;
  const officer = (id: string): string => form.officers[id] ?? id;
  const notReturned = p.items.filter((i) => i.disposition !== null && i.disposition !== 'returned');
  const fate = p.items.length === 0 ? F.noItems
    : notReturned.length === 0 ? F.allReturned
    : F.partReturned(notReturned.map((i) => `${i.name}：${i.disposition ? DISPOSITION_LABELS[i.disposition] : F.notReturned}${i.note ? `（${i.note}）` : ''}`).join('；'));
  return (
    <section className="form-section-print">
      <h2>{F.s6}</h2>
      <table className="form-table grid">
        <caption>{F.tempExits}</caption>
        <thead><tr><th>{F.leftAt}</th><th>{F.returnedAt}</th><th>{F.reason}</th><th>{F.approver}</th></tr></thead>
        <tbody>
          {p.tempExits.length === 0 && <tr><td colSpan={4}>{F.noTempExit}</td></tr>}
          {p.tempExits.map((t) => (
            <tr key={t.seq}><td>{formatDateTime(t.leftAt, tz)}</td><td>{t.returnedAt !== null ? formatDateTime(t.returnedAt, tz) : '—'}</td><td>{t.reason}</td><td>{officer(t.approvedBy)}</td></tr>
          ))}
        </tbody>
      </table>
      <table className="form-table">
        <tbody>
          <tr>
            <th>{F.finalExit}</th><td data-form="exited">{p.exit ? formatDateTime(p.exit.at, tz) : F.notExited}</td>
            <th>{F.destination}</th><td>{p.exit ? DESTINATION_LABELS[p.exit.destination] : '—'}</td>
          </tr>
          <tr><th>{F.approver}</th><td>{p.exit?.approvedBy ? officer(p.exit.approvedBy) : '—'}</td><th>{F.itemsFate}</th><td>{p.exit ? fate : '—'}</td></tr>
          <tr><th>{F.receiver}</th><td className="sign" /><th>{F.admin}</th><td className="sign">{p.exit ? officer(p.exit.actor) : ''}</td></tr>
        </tbody>
      </table>
    </section>
  );
}
