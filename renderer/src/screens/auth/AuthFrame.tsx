import type { ReactNode } from 'react';
import { T } from '../../../../common/deskText.js';

/** The page around sign-in and first-run setup. */
export function AuthFrame({ title, example, children }: { readonly title: string; readonly example: boolean; readonly children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <p className="auth-app">{T.appName}</p>
        <h1>{title}</h1>
        {example && <p className="note">{T.auth.exampleNote}</p>}
        {children}
      </div>
    </main>
  );
}
