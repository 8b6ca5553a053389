// The pages of the desk as a tiny hash router: the hash is the whole navigation state, so a page
// can be reloaded or bookmarked, and Electron's app:// and the browser behave alike.
import { isCalendarDate } from '../../../common/dates.js';

export type PersonPage = 'person' | 'check' | 'belongings' | 'collect' | 'exit' | 'form';

/** Printable reports over a range of local calendar days (YYYY-MM-DD, both ends included). */
export type ReportPage = 'ledger' | 'alarmReport';

export type Route =
  | { readonly name: 'overview' }
  | { readonly name: 'dashboard' }
  | { readonly name: 'enter' }
  | { readonly name: 'persons' }
  | { readonly name: 'handover' }
  | { readonly name: 'alarms' }
  | { readonly name: 'stats' }
  | { readonly name: 'exports'; readonly from?: string; readonly to?: string }
  | { readonly name: ReportPage; readonly from: string; readonly to: string }
  | { readonly name: 'audit' }
  | { readonly name: 'accounts' }
  | { readonly name: 'setup' }
  | { readonly name: 'profile' }
  | { readonly name: 'room'; readonly id: string }
  | { readonly name: 'wall' }
  | { readonly name: 'viewingLog' }
  | { readonly name: 'session'; readonly id: string }
  /** A room's recording over [from, to) (UTC ms), opened from a person's stay. */
  | { readonly name: 'playback'; readonly room: string; readonly from: number; readonly to: number; readonly person?: string }
  | { readonly name: 'evidence'; readonly id: string }
  | { readonly name: PersonPage; readonly id: string }
  | { readonly name: 'notFound'; readonly path: string };

const PERSON_PAGES: Readonly<Record<string, PersonPage>> = {
  '': 'person', check: 'check', belongings: 'belongings', collect: 'collect', exit: 'exit', form: 'form',
};

const REPORT_PATHS: Readonly<Record<ReportPage, string>> = { ledger: 'ledger', alarmReport: 'alarm-report' };

/** A range of days in a path, when both are real dates in order. */
function dayRange(from: string | undefined, to: string | undefined): { from: string; to: string } | null {
  return from && to && isCalendarDate(from) && isCalendarDate(to) && from <= to ? { from, to } : null;
}

/** A path segment decoded, or null when it is not valid percent-encoding (e.g. a cut-off `%E0%A4%A`). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The page an address names; any address at all is a page, if only "not found" — never an exception. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const decoded = path.split('/').map(decodeSegment);
  if (decoded.some((p) => p === null)) return { name: 'notFound', path };
  const parts = decoded as string[];
  const [head = '', id, sub = ''] = parts;
  switch (head) {
    case '': return { name: 'overview' };
    case 'dashboard': return { name: 'dashboard' };
    case 'enter': return { name: 'enter' };
    case 'persons': return { name: 'persons' };
    case 'handover': return { name: 'handover' };
    case 'alarms': return { name: 'alarms' };
    case 'stats': return { name: 'stats' };
    case 'audit': return { name: 'audit' };
    case 'accounts': return { name: 'accounts' };
    case 'setup': return { name: 'setup' };
    case 'profile': return { name: 'profile' };
    case 'exports': {
      if (parts.length === 1) return { name: 'exports' };
      const range = dayRange(id, sub);
      if (range && parts.length === 3) return { name: 'exports', ...range };
      break;
    }
    case REPORT_PATHS.ledger:
    case REPORT_PATHS.alarmReport: {
      const range = dayRange(id, sub);
      if (range && parts.length === 3) return { name: head === REPORT_PATHS.ledger ? 'ledger' : 'alarmReport', ...range };
      break;
    }
    case 'room': if (id) return { name: 'room', id }; break;
    case 'wall': if (parts.length === 1) return { name: 'wall' }; break;
    case 'viewing-log': if (parts.length === 1) return { name: 'viewingLog' }; break;
    case 'session': if (id && parts.length === 2) return { name: 'session', id }; break;
    case 'evidence': if (id && parts.length === 2) return { name: 'evidence', id }; break;
    case 'playback': {
      const [, room, from, to, person] = parts;
      const span = from && to && /^\d{1,16}$/.test(from) && /^\d{1,16}$/.test(to) ? { from: Number(from), to: Number(to) } : null;
      if (room && span && span.from < span.to && parts.length <= 5) return { name: 'playback', room, ...span, ...(person ? { person } : {}) };
      break;
    }
    case 'person': {
      const page = PERSON_PAGES[sub];
      if (id && page && parts.length <= 3) return { name: page, id };
      break;
    }
  }
  return { name: 'notFound', path };
}

export function routeHref(r: Route): string {
  switch (r.name) {
    case 'overview': return '#/';
    case 'dashboard':
    case 'enter':
    case 'persons':
    case 'handover':
    case 'alarms':
    case 'stats':
    case 'audit':
    case 'accounts':
    case 'setup':
    case 'profile':
      return `#/${r.name}`;
    case 'exports': return r.from && r.to ? `#/exports/${r.from}/${r.to}` : '#/exports';
    case 'ledger':
    case 'alarmReport':
      return `#/${REPORT_PATHS[r.name]}/${r.from}/${r.to}`;
    case 'room': return `#/room/${encodeURIComponent(r.id)}`;
    case 'wall': return '#/wall';
    case 'viewingLog': return '#/viewing-log';
    case 'session': return `#/session/${encodeURIComponent(r.id)}`;
    case 'evidence': return `#/evidence/${encodeURIComponent(r.id)}`;
    case 'playback': return `#/playback/${encodeURIComponent(r.room)}/${r.from}/${r.to}${r.person ? `/${encodeURIComponent(r.person)}` : ''}`;
    case 'person': return `#/person/${encodeURIComponent(r.id)}`;
    case 'check':
    case 'belongings':
    case 'collect':
    case 'exit':
    case 'form':
      return `#/person/${encodeURIComponent(r.id)}/${r.name}`;
    case 'notFound': return `#/${r.path}`;
  }
}

export function navigate(r: Route): void {
  window.location.hash = routeHref(r);
}
