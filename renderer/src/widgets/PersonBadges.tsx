import { T } from '../../../common/deskText.js';
import { ROLE_SHORT_LABELS } from '../../../common/messages.js';
import type { PersonSummary } from '../../../common/views.js';

/** What the desk must notice about a person at a glance. `role: 'others'` names the role only when it is not a suspect (tiles, where most are). */
export function PersonBadges({ person, role = true }: { readonly person: PersonSummary; readonly role?: boolean | 'others' }) {
  return (
    <span className="badges">
      {(role === true || (role === 'others' && person.role !== 'suspect')) && <span className={`badge role-${person.role}`}>{ROLE_SHORT_LABELS[person.role]}</span>}
      {person.minor && <span className="badge warn">{T.badges.minor}</span>}
      {person.role === 'suspect' && !person.securityChecked && <span className="badge fault">{T.badges.unchecked}</span>}
      {person.activeSession && <span className="badge info">{T.badges.inSession}</span>}
    </span>
  );
}
