// 读证测试: the cards the 身份证阅读器 reads, live, before it is saved — only each card's name and
// the last four characters of its number (a test is no registration).
import type { IdCardConnection } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { useReadTest } from './ReadTestPanel.js';
import { useSetup } from './setupContext.js';

const IT = SETUP_TEXT.idCardTest;

const time = (ms: number): string => new Date(ms).toLocaleTimeString('zh-CN', { hour12: false });

export function IdCardTestPanel({ connection }: { readonly connection: IdCardConnection }) {
  const { bridge } = useSetup();
  const { state, error } = useReadTest(JSON.stringify(connection), (key) => bridge.invoke('idCardTestStart', { connection: JSON.parse(key) as IdCardConnection }));
  const status = error ?? (state === null || (!state.online && state.reason === '') ? IT.waiting : state.online ? IT.online : IT.offline(state.reason));
  const cards = state?.cards ?? [];
  return (
    <section className="read-test" aria-label={IT.title}>
      <p className={state?.online ? 'ok-text' : 'muted'} role="status">{status}</p>
      {state && cards.length === 0 && <p className="muted">{IT.none}</p>}
      {cards.length > 0 && (
        <table className="data read-test-cards">
          <thead><tr><th>{IT.name}</th><th>{IT.idTail}</th><th>{IT.at}</th></tr></thead>
          <tbody>
            {cards.map((c) => (
              <tr key={`${c.at}-${c.idTail}`} data-test-card={c.idTail}>
                <td>{c.name}</td>
                <td className="mono">{c.idTail}</td>
                <td className="nowrap">{time(c.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
