import { T } from '../../../common/deskText.js';
import { formatDateTime, formatSpan } from '../../../common/zonedTime.js';
import { countdownTone } from '../format/countdown.js';
import { useNow } from '../station/now.js';

interface Props {
  readonly deadlineAt: number | null;
  readonly warnMinutes: number;
  readonly timeZone: string;
}

/** The time left to a person's legal deadline, coloured as it nears. */
export function Countdown({ deadlineAt, warnMinutes, timeZone }: Props) {
  const now = useNow();
  const tone = countdownTone(deadlineAt, now, warnMinutes);
  if (deadlineAt === null) return <span className="countdown tone-none" data-tone={tone}>{T.countdown.noLimit}</span>;
  const left = deadlineAt - now;
  const text = left > 0 ? T.countdown.left(formatSpan(left)) : T.countdown.over(formatSpan(left));
  return (
    <span className={`countdown tone-${tone}`} data-tone={tone} title={`${T.countdown.title(formatDateTime(deadlineAt, timeZone))} · ${T.countdown.tones[tone]}`}>
      {text}
    </span>
  );
}
