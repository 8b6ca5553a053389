// 人员详情: the person, what can be done for them now (place, meals and rest, temporary exit,
// extension, exit) and the timeline of everything recorded.
import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { MoveForm } from '../../widgets/MoveForm.js';
import { CareForm } from './CareForm.js';
import { ExtendForm } from './ExtendForm.js';
import { PersonFrame } from './PersonFrame.js';
import { TempExitForm } from './TempExitForm.js';
import { Timeline } from './Timeline.js';
import { hasPhotos, PersonPhoto } from '../../widgets/PersonPhoto.js';

/** Everything this panel can do; an account that may do none of it (a supervisor) reads instead. */
const ACTIONS = ['person.move', 'care.meal', 'person.tempExit', 'person.extend', 'person.exit'] as const;

function Actions({ person }: { readonly person: PersonDetail }) {
  const { may } = useStation();
  const p = person.summary;
  const current = p.whereabouts.kind === 'room' ? p.whereabouts.room : null;
  if (!ACTIONS.some((a) => may(a))) {
    return (
      <section className="panel actions-panel">
        <p className="note">{T.common.readOnly}</p>
        <div className="actions"><a className="button" href={routeHref({ name: 'form', id: p.id })}>{T.actions.print}</a></div>
      </section>
    );
  }
  return (
    <section className="panel actions-panel">
      <h2>{T.actions.title}</h2>
      {may('person.move') && p.status === 'in' && (
        <section className="action-box">
          <h3>{T.actions.move}</h3>
          <MoveForm key={current ?? ''} who={p.id} current={current} />
        </section>
      )}
      <CareForm person={person} />
      <TempExitForm person={person} />
      <ExtendForm person={person} />
      <div className="actions">
        {may('person.exit') && <a className="button primary" href={routeHref({ name: 'exit', id: p.id })}>{T.actions.exit}</a>}
        <a className="button" href={routeHref({ name: 'form', id: p.id })}>{T.actions.print}</a>
      </div>
    </section>
  );
}

export function PersonScreen({ id }: { readonly id: string }) {
  return (
    <PersonFrame id={id} page="person">
      {(person) => (
        <>
          {hasPhotos(person) && <PersonPhoto person={person} />}
          <div className="person-columns">
            {person.summary.status !== 'exited' && <Actions person={person} />}
            <Timeline id={id} />
          </div>
        </>
      )}
    </PersonFrame>
  );
}
