import { T } from '../../../common/deskText.js';

/** Common notes as buttons: a click puts the words in the note field (to be edited if need be). */
export function NoteSuggestions({ notes, onPick }: { readonly notes: readonly string[]; readonly onPick: (note: string) => void }) {
  if (notes.length === 0) return null;
  return (
    <div className="note-suggestions" role="group" aria-label={T.ack.suggestions}>
      <span className="muted">{T.ack.suggestions}</span>
      {notes.map((n) => <button key={n} type="button" className="small suggestion" onClick={() => onPick(n)}>{n}</button>)}
    </div>
  );
}
