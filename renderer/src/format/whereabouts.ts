import { T } from '../../../common/deskText.js';
import type { Whereabouts } from '../../../common/views.js';
import type { Names } from '../station/names.js';

export function whereaboutsText(w: Whereabouts, names: Names): string {
  switch (w.kind) {
    case 'room': return names.room(w.room);
    case 'outside': return T.person.outside;
    case 'unknown': return T.person.unknownPlace;
  }
}
