// Unacknowledged critical alarms, beyond the page: the window's host (the desk app) is told, so it
// can flash the window and raise a system notification; a browser tab shows the count in its title.
import { useEffect, useMemo } from 'react';
import { ALARM_LABELS } from '../../../common/alarms.js';
import type { DeskAttention } from '../../../common/api.js';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { useStation } from '../station/context.js';
import type { Names } from '../station/names.js';

export function attentionOf(alarms: readonly AlarmView[], names: Names): DeskAttention {
  const lines = alarms.map((a) => {
    const who = a.people?.persons.map((p) => p.name) ?? [];
    return [ALARM_LABELS[a.rule], ...who, a.room ? names.room(a.room) : ''].filter(Boolean).join(' · ');
  });
  const newest = [...alarms].sort((a, b) => b.raisedAt - a.raisedAt)[0];
  return { critical: alarms.length, lines, newest: newest?.id ?? null };
}

export function useAttention(unacknowledged: readonly AlarmView[]): void {
  const { bridge, names } = useStation();
  const state = useMemo(() => attentionOf(unacknowledged, names), [unacknowledged, names]);
  const key = JSON.stringify(state);
  useEffect(() => {
    const now = JSON.parse(key) as DeskAttention;
    if (bridge.attention) bridge.attention(now);
    else document.title = now.critical > 0 ? `${T.alarmBar.titleAlert(now.critical)}${plainTitle()}` : plainTitle();
  }, [bridge, key]);
  // Signed out (the bar is gone): nothing on this page asks for attention any more.
  useEffect(() => () => {
    if (bridge.attention) bridge.attention({ critical: 0, lines: [], newest: null });
    else document.title = plainTitle();
  }, [bridge]);
}

function plainTitle(): string {
  return document.title.replace(/^【[^】]*】/, '');
}
