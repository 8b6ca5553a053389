// Every page about one person: loads the person, shows who it is and the steps of the workflow,
// then the page itself.
import type { ReactNode } from 'react';
import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import type { PersonPage } from '../../router/route.js';
import { useQuery } from '../../station/useQuery.js';
import { PersonHeader } from './PersonHeader.js';
import { PersonSteps } from './PersonSteps.js';

interface Props {
  readonly id: string;
  readonly page: PersonPage;
  readonly children: (person: PersonDetail) => ReactNode;
}

export function PersonFrame({ id, page, children }: Props) {
  const { data, error } = useQuery('person', { id });
  if (error && data === undefined) return <p className="form-error" role="alert">{error}</p>;
  if (data === undefined) return <p>{T.common.loading}</p>;
  if (data === null) return <p className="form-error" role="alert">{T.common.personNotFound(id)}</p>;
  return (
    <div className="person-page">
      <PersonHeader person={data} />
      <PersonSteps person={data} current={page} />
      {children(data)}
    </div>
  );
}
