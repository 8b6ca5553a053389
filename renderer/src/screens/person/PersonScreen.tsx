// 人员详情: the person, what can be done for them now (place, meals and rest, temporary exit,
// extension, exit; a correction of what was registered, also after the exit) and the timeline of
// everything recorded.
import { T } from '../../../../common/deskText.js';
import type { Overview, PersonDetail } from '../../../../common/views.js';
import { waitingRoomsFor } from '../../format/waitingRooms.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { MoveForm } from '../../widgets/MoveForm.js';
import { CareForm } from './CareForm.js';
import { CorrectForm } from './CorrectForm.js';
import { ExtendForm } from './ExtendForm.js';
import { PersonFrame } from './PersonFrame.js';
import { lastRoom } from './lastRoom.js';
import { TempExitForm } from './TempExitForm.js';
import { PersonRecordings } from './PersonRecordings.js';
import { Timeline } from './Timeline.js';
import { hasPhotos, PersonPhoto } from '../../widgets/PersonPhoto.js';

/** Where to offer to place a person whose place is not known: back where they were, or a waiting room that breaks no rule. */
function placesFor(person: PersonDetail, overview: Overview | null): string[] {
  const last = lastRoom(person);
  if (last !== null) return [last];
  return waitingRoomsFor(person.summary, overview?.rooms ?? [], overview?.persons ?? []).map((r) => r.id);
}

/** Everything this panel can do; an account that may do none of it (a supervisor) reads instead. */
const ACTIONS = ['person.move', 'care.meal', 'person.tempExit', 'person.extend', 'person.exit', 'person.correct'] as const;

function Actions({ person }: { readonly person: PersonDetail }) {
  const { may, overview } = useStation();
  const p = person.summary;
  const current = p.whereabouts.kind === 'room' ? p.whereabouts.room : null;
  const inArea = p.status !== 'exited';
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
      {may('person.move') && inArea && p.status === 'in' && (current === null ? (
        // After a temporary exit's return (or when nothing has placed the person yet) the desk is asked where they are.
        <section className="action-box prompt" data-place-prompt>
          <h3>{T.actions.move}</h3>
          <p className="warning" role="status">{person.tempExits.some((t) => t.returnedAt !== null) ? T.actions.placeReturned : T.actions.placeUnknown}</p>
          <MoveForm key="unknown" who={p.id} current={null} suggested={placesFor(person, overview)} autoFocus />
        </section>
      ) : (
        <section className="action-box">
          <h3>{T.actions.move}</h3>
          <MoveForm key={current} who={p.id} current={current} />
        </section>
      ))}
      {inArea && (
        <>
          <CareForm person={person} />
          <TempExitForm person={person} />
          <ExtendForm person={person} />
        </>
      )}
      <CorrectForm person={person} />
      <div className="actions">
        {may('person.exit') && inArea && <a className="button primary" href={routeHref({ name: 'exit', id: p.id })}>{T.actions.exit}</a>}
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
            <Actions person={person} />
            <div>
              <PersonRecordings id={id} />
              <Timeline id={id} />
            </div>
          </div>
        </>
      )}
    </PersonFrame>
  );
}
