// The 《办案区使用情况登记表》 of one person, ready for A4 (print.css), with the record's head hash
// so that the paper can later be matched with the record.
import { useEffect } from 'react';
import { T } from '../../../../common/deskText.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { PersonSteps } from '../person/PersonSteps.js';
import { hasPhotos, PersonPhoto } from '../../widgets/PersonPhoto.js';
import type { RoomLookup } from './activityRows.js';
import { takePrintRequest } from './printOnOpen.js';
import { ActivitySection, BelongingsSection, CheckSection, CollectionSection, ExitSection, IdentitySection } from './FormSections.js';

export function UsageFormScreen({ id }: { readonly id: string }) {
  const { names } = useStation();
  const { data: form, error } = useQuery('form', { id });
  const loaded = form !== undefined && form !== null;
  useEffect(() => {
    if (loaded && takePrintRequest(id)) window.print();
  }, [loaded, id]);
  if (error && form === undefined) return <p className="form-error" role="alert">{error}</p>;
  if (form === undefined) return <p>{T.common.loading}</p>;
  if (form === null) return <p className="form-error" role="alert">{T.common.personNotFound(id)}</p>;

  const rooms: RoomLookup = {
    name: (r) => form.rooms[r] ?? r,
    kind: (r) => names.rooms.get(r)?.kind ?? null,
    officer: (o) => form.officers[o] ?? o,
  };
  const hash = form.headHash.slice(0, 16);
  return (
    <div className="form-screen">
      <PersonSteps person={form.person} current="form" />
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{T.form.print}</button>
        <a className="button" href={routeHref({ name: 'person', id })}>{T.form.back}</a>
        <span className="muted">{T.form.a4}</span>
      </div>
      <article className="usage-form" aria-label={T.form.title}>
        <h1>{T.form.title}</h1>
        <p className="form-head">
          <span>{T.form.unit}：{form.person.details.unit || form.area?.name || ''}</span>
          <span>{T.form.number}：<span className="mono">{form.person.summary.id}</span></span>
        </p>
        {hasPhotos(form.person) && <PersonPhoto person={form.person} className="form-photo" />}
        <IdentitySection form={form} rooms={rooms} />
        <CheckSection form={form} rooms={rooms} />
        <BelongingsSection form={form} rooms={rooms} />
        <CollectionSection form={form} rooms={rooms} />
        <ActivitySection form={form} rooms={rooms} />
        <ExitSection form={form} rooms={rooms} />
        <footer className="form-foot">
          <span data-form="hash">{T.form.hash(hash)}</span>
          <span>{T.form.printedAt(formatDateTime(form.printedAt, form.timeZone))}</span>
          <span className="muted">{T.form.hashNote}</span>
        </footer>
      </article>
    </div>
  );
}
