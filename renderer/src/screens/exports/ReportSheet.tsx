// A printable report over a range of days (the ledger, the alarm report): a toolbar for the
// screen, then the sheet for A4 landscape with the record's head hash in its footer, so that the
// paper can later be matched with the record.
import type { ReactNode } from 'react';
import { T } from '../../../../common/deskText.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import type { DayRange } from '../../format/dayRange.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';

interface Props {
  readonly title: string;
  readonly range: DayRange;
  readonly rangeText: string;
  /** How many lines, once known. */
  readonly count: string | null;
  readonly csv: ReactNode;
  readonly children: ReactNode;
  readonly className: string;
}

export function ReportSheet({ title, range, rangeText, count, csv, children, className }: Props) {
  const { overview, timeZone } = useStation();
  return (
    <div className="report-screen">
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{T.ledger.print}</button>
        {csv}
        <a className="button" href={routeHref({ name: 'exports', ...range })}>{T.ledger.back}</a>
        <span className="muted">{T.ledger.a4}</span>
      </div>
      <article className={`report-sheet ${className}`} aria-label={title}>
        <h1>{title}</h1>
        <p className="report-head">
          <span>{overview?.area?.name ?? ''}</span>
          <span>{rangeText}</span>
          {count && <span>{count}</span>}
        </p>
        {children}
        {overview && (
          <footer className="form-foot">
            <span data-report="hash">{T.form.hash(overview.record.headHash.slice(0, 16))}</span>
            <span>{T.form.printedAt(formatDateTime(overview.now, timeZone))}</span>
            <span className="muted">{T.form.hashNote}</span>
          </footer>
        )}
      </article>
    </div>
  );
}
