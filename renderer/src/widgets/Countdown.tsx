import { T } from '../../../common/deskText.js';
import { formatDateTime, formatSpan } from '../../../common/zonedTime.js';
import { countdownTone } from '../format/countdown.js';
import { useNow } from '../station/now.js';

interface Props {
  readonly deadlineAt: number | null;
  readonly warnMinutes: number;
  readonly timeZone: string;
  /** Short (room tiles): the colour and the tooltip say the rest. */
  readonly compact?: boolean;
}

/** The time left to a person's legal deadline, coloured as it nears. */
export function Countdown({ deadlineAt, warnMinutes, timeZone, compact }: Props) {
  const now = useNow();
  const tone = countdownTone(deadlineAt, now, warnMinutes);
  if (deadlineAt === null) return <span className="countdown tone-none" data-tone={tone}>{compact ? T.countdown.noLimitShort : T.countdown.noLimit}</span>;
  const left = deadlineAt - now;
  const span = formatSpan(left);
  // Always said as time left (剩余) or over (超): a bare 7:59:51 reads like a clock.
  const text = compact ? (left > 0 ? T.countdown.left(span) : T.countdown.overShort(span)) : left > 0 ? T.countdown.left(span) : T.countdown.over(span);
  return (
    <span className={`countdown tone-${tone}`} data-tone={tone} title={`${T.countdown.title(formatDateTime(deadlineAt, timeZone))} · ${T.countdown.tones[tone]}`}>
      {text}
    </span>
  );
}
