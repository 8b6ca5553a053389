import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import { routeHref, type PersonPage } from '../../router/route.js';

const PAGES: readonly PersonPage[] = ['person', 'check', 'belongings', 'collect', 'exit', 'form'];

function stepState(page: PersonPage, p: PersonDetail): string | null {
  switch (page) {
    case 'check': return p.checks.length > 0 ? T.person.done : T.person.todo;
    case 'belongings': return p.items.length > 0 ? T.person.items(p.items.length) : T.person.todo;
    case 'collect': return p.collections.length > 0 ? T.person.collected(new Set(p.collections.map((c) => c.item)).size) : T.person.todo;
    case 'exit': return p.exit ? T.person.done : null;
    case 'person':
    case 'form':
      return null;
  }
}

/** The workflow of one person as tabs: where the desk is, and what is done. */
export function PersonSteps({ person, current }: { readonly person: PersonDetail; readonly current: PersonPage }) {
  return (
    <nav className="steps no-print" aria-label={T.person.stepsLabel}>
      {PAGES.map((page) => {
        const state = stepState(page, person);
        const done = state !== null && state !== T.person.todo;
        return (
          <a key={page} href={routeHref({ name: page, id: person.summary.id })} aria-current={page === current ? 'page' : undefined}
            className={done ? 'step-done' : state === T.person.todo ? 'step-todo' : ''}>
            {T.person.steps[page]}{state && <small>{state}</small>}
          </a>
        );
      })}
    </nav>
  );
}
