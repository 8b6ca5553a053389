// 录像回放 of a room over a stretch of a person's stay (opened from the person's page): the same
// player as a session's, over the stretch asked for.
import { R } from '../../../../common/recordingText.js';
import { formatDateTimeSeconds } from '../../../../common/zonedTime.js';
import { PlaybackPlayer } from '../../media/PlaybackPlayer.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useMediaAccess } from '../../station/useMediaAccess.js';
import { useQuery } from '../../station/useQuery.js';

interface Props { readonly room: string; readonly from: number; readonly to: number; readonly person?: string | undefined }

export function PlaybackScreen({ room, from, to, person }: Props) {
  const { names, timeZone } = useStation();
  const access = useMediaAccess();
  const { data, error } = useQuery('recordingPlan', { room, from, to });
  return (
    <div className="playback-screen">
      <div className="screen-head">
        <h1>{R.playback.title}</h1>
        <span className="muted">{R.playback.intervalOf(data?.roomName ?? names.room(room), formatDateTimeSeconds(from, timeZone), formatDateTimeSeconds(to, timeZone))}</span>
        {person && <a href={routeHref({ name: 'person', id: person })}>{R.playback.person(names.person(person))}</a>}
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!access.playback ? <p className="note">{R.playback.notAllowed}</p>
        : data === undefined ? <p>{R.playback.loading}</p>
          : <PlaybackPlayer plan={data} purpose={person ? { person } : {}} marks={[]} timeZone={timeZone} />}
    </div>
  );
}
