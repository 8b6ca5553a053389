// @vitest-environment jsdom
// The desk's word on its link to the county platform: 已同步 / 落后 N 条 / 未连接 / 被拒绝 and
// why; nothing where no county is configured.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CountyLinkView } from '../../common/views.js';
import { useStation } from '../../renderer/src/station/context.js';
import { CountyLinkBadge } from '../../renderer/src/widgets/CountyLinkBadge.js';
import { FakeBridge, NOW, overviewFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const view = (link: CountyLinkView['link']): CountyLinkView => ({ link, ackSeq: 40, headSeq: 52, since: NOW - 60_000, lastContactAt: NOW - 60_000 });

describe('the county link on the desk', () => {
  it.each([
    [{ state: 'synced' } as const, '上级督察：已同步'],
    [{ state: 'behind', behind: 12 } as const, '上级督察：落后 12 条'],
    [{ state: 'offline', reason: 'ECONNREFUSED' } as const, '上级督察：未连接'],
    [{ state: 'refused', reason: '第 52 号事件与县局平台已保存的不同（记录分叉）' } as const, '上级督察：被拒绝：第 52 号事件与县局平台已保存的不同（记录分叉）'],
  ])('%o', async (link, text) => {
    renderStation(<CountyLinkBadge />, new FakeBridge({ overview: () => overviewFixture({ county: view(link) }) }));
    const badge = await screen.findByText(text);
    expect(badge.getAttribute('data-county-link')).toBe(link.state);
    if (link.state === 'offline') expect(badge.getAttribute('title')).toContain('恢复连接后自动补传');
  });

  it('says nothing where the station has no county', async () => {
    /** Shows the area once the overview is in: by then the badge has decided. */
    function Loaded() {
      return <span>{useStation().overview?.area?.name}</span>;
    }
    const { container } = renderStation(<><CountyLinkBadge /><Loaded /></>, new FakeBridge({ overview: () => overviewFixture({}) }));
    await screen.findByText('测试办案区');
    expect(container.querySelector('[data-county-link]')).toBeNull();
  });
});
