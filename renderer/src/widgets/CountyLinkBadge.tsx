// The desk's word on replication to the county platform (上级督察): 已同步 / 落后 N 条 / 未连接 /
// 被拒绝 and why. Shown only where a county is configured.
import { deskLinkLabel, linkText } from '../../../common/countyText.js';
import { formatDateTime } from '../../../common/zonedTime.js';
import { useStation } from '../station/context.js';

export function CountyLinkBadge() {
  const { overview, timeZone } = useStation();
  const county = overview?.county;
  if (!county) return null;
  const { link } = county;
  const since = formatDateTime(county.since, timeZone);
  const title = link.state === 'offline'
    ? `自 ${since} 起无法连接县局督察平台${link.reason ? `（${link.reason}）` : ''}，记录保存在本站，恢复连接后自动补传`
    : link.state === 'refused' ? `${linkText(link)}（自 ${since}）` : `县局已保存到第 ${county.ackSeq ?? 0} 号事件，本站到第 ${county.headSeq} 号`;
  return <span className={`county-link county-link-${link.state}`} role="status" title={title} data-county-link={link.state}>{deskLinkLabel(link)}</span>;
}
