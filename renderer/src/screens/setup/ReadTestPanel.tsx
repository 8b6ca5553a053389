// 读卡测试: the wristbands the reader sees, live, before it is saved. The station runs the test (a
// link of its own, or the running reader's when it is the same port) and the page asks for what
// it saw twice a second; closing the panel ends the test.
import { useEffect, useRef, useState } from 'react';
import type { ReaderConnection, ReadTestState } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { errorMessage } from '../../station/errors.js';
import { useSetup } from './setupContext.js';

const RT = SETUP_TEXT.readTest;
const POLL_MS = 500;

const time = (ms: number): string => new Date(ms).toLocaleTimeString('zh-CN', { hour12: false });

/**
 * A test the station runs (读卡测试, 读证测试), started by `start` for this `key` (the connection as
 * JSON), asked for what it saw twice a second, and stopped when the panel closes or the key changes.
 */
export function useReadTest(key: string, start: (key: string) => Promise<{ readonly id: string }>): { state: ReadTestState | null; error: string | null } {
  const { bridge } = useSetup();
  const [state, setState] = useState<ReadTestState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const idRef = useRef<string | null>(null);
  const starter = useRef(start);
  useEffect(() => {
    starter.current = start;
  }, [start]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (id: string): Promise<void> => {
      try {
        const s = await bridge.invoke('readTestView', { id });
        if (stopped) return;
        setState(s);
        if (!s.ended) timer = setTimeout(() => void poll(id), POLL_MS);
      } catch (err) {
        if (!stopped) setError(errorMessage(err));
      }
    };
    void (async () => {
      try {
        const { id } = await starter.current(key);
        idRef.current = id;
        if (stopped) void bridge.invoke('readTestStop', { id }).catch(() => undefined);
        else void poll(id);
      } catch (err) {
        if (!stopped) setError(errorMessage(err));
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      const id = idRef.current;
      if (id) void bridge.invoke('readTestStop', { id }).catch(() => undefined);
    };
  }, [bridge, key]);
  return { state, error };
}

export function ReadTestPanel({ connection, label, onUseTag }: {
  readonly connection: ReaderConnection; readonly label: string; readonly onUseTag?: ((tag: string) => void) | undefined;
}) {
  const { bridge } = useSetup();
  const { state, error } = useReadTest(JSON.stringify(connection), (key) => bridge.invoke('readTestStart', { connection: JSON.parse(key) as ReaderConnection }));

  const status = error ?? (state === null ? RT.waiting : state.online ? RT.online : RT.offline(state.reason));
  return (
    <section className="read-test" aria-label={RT.title(label)}>
      <p className={state?.online ? 'ok-text' : 'muted'} role="status">{status}</p>
      {state && state.tags.length === 0 && <p className="muted">{RT.none}</p>}
      {state && state.tags.length > 0 && (
        <table className="data read-test-tags">
          <thead><tr><th>{RT.tag}</th><th>{RT.owner}</th><th className="num-col">{RT.count}</th><th>{RT.last}</th><th className="num-col">{RT.rssi}</th><th className="num-col">{RT.antenna}</th>{onUseTag && <th />}</tr></thead>
          <tbody>
            {state.tags.map((t) => (
              <tr key={t.tag} data-tag={t.tag}>
                <td className="mono">{t.tag}</td>
                <td>{t.ownerName ?? <span className="muted">{RT.unbound}</span>}</td>
                <td className="num-col">{t.count}</td>
                <td className="nowrap">{time(t.lastAt)}</td>
                <td className="num-col">{t.rssi ?? '—'}</td>
                <td className="num-col">{t.antenna ?? '—'}</td>
                {onUseTag && <td>{t.owner === null && <button type="button" className="small" onClick={() => onUseTag(t.tag)}>{RT.useTag}</button>}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
