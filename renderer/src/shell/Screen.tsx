// The screen the route names.
import { T } from '../../../common/deskText.js';
import { routeHref, type Route } from '../router/route.js';
import { AlarmsScreen } from '../screens/alarms/AlarmsScreen.js';
import { BelongingsScreen } from '../screens/belongings/BelongingsScreen.js';
import { SecurityCheckScreen } from '../screens/check/SecurityCheckScreen.js';
import { CollectionScreen } from '../screens/collect/CollectionScreen.js';
import { EntryScreen } from '../screens/entry/EntryScreen.js';
import { ExitScreen } from '../screens/exit/ExitScreen.js';
import { UsageFormScreen } from '../screens/form/UsageFormScreen.js';
import { OverviewScreen } from '../screens/overview/OverviewScreen.js';
import { PersonScreen } from '../screens/person/PersonScreen.js';
import { PersonsScreen } from '../screens/persons/PersonsScreen.js';
import { RoomScreen } from '../screens/room/RoomScreen.js';

export function Screen({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'overview': return <OverviewScreen />;
    case 'enter': return <EntryScreen />;
    case 'persons': return <PersonsScreen />;
    case 'alarms': return <AlarmsScreen />;
    case 'room': return <RoomScreen key={route.id} id={route.id} />;
    case 'person': return <PersonScreen key={route.id} id={route.id} />;
    case 'check': return <SecurityCheckScreen key={route.id} id={route.id} />;
    case 'belongings': return <BelongingsScreen key={route.id} id={route.id} />;
    case 'collect': return <CollectionScreen key={route.id} id={route.id} />;
    case 'exit': return <ExitScreen key={route.id} id={route.id} />;
    case 'form': return <UsageFormScreen key={route.id} id={route.id} />;
    case 'notFound':
      return <p role="alert">{T.common.notFound} · <a href={routeHref({ name: 'overview' })}>{T.shell.nav.overview}</a></p>;
  }
}
