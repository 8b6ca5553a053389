// 个人设置: who is signed in, changing one's own password, and the station's server information.
import { T } from '../../../../common/deskText.js';
import { ACCOUNT_ROLE_LABELS } from '../../../../common/messages.js';
import { useStation } from '../../station/context.js';
import { PasswordForm } from './PasswordForm.js';
import { ServerInfoPanel } from './ServerInfoPanel.js';

export function ProfileScreen() {
  const { session } = useStation();
  const P = T.profile;
  return (
    <div className="profile-screen">
      <div className="screen-head"><h1>{P.title}</h1></div>
      <div className="two-columns">
        <div>
          <section className="panel">
            <h2>{P.me}</h2>
            <dl className="facts">
              <dt>{P.name}</dt><dd>{session.name}</dd>
              <dt>{P.account}</dt><dd className="mono">{session.account}</dd>
              <dt>{P.roles}</dt><dd>{session.roles.map((r) => ACCOUNT_ROLE_LABELS[r]).join('、')}</dd>
            </dl>
          </section>
          <PasswordForm />
        </div>
        <ServerInfoPanel />
      </div>
    </div>
  );
}
