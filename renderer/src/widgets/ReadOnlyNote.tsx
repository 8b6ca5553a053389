import { T } from '../../../common/deskText.js';

/** What a read-only account sees instead of a form it may not submit. */
export function ReadOnlyNote({ title }: { readonly title: string }) {
  return (
    <div>
      <div className="screen-head"><h1>{title}</h1></div>
      <p className="note">{T.common.readOnly}</p>
    </div>
  );
}
