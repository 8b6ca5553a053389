import { T } from '../../../../common/deskText.js';
import { exportUrl, type ExportName } from './exportUrl.js';

/** The CSV download, or where there is none (the Electron window) what to do instead. */
export function CsvLink({ name, from, to }: { readonly name: ExportName; readonly from: number; readonly to: number }) {
  const url = exportUrl(name, from, to);
  if (url === null) return <span className="note" data-no-csv>{T.exports.noCsv}</span>;
  return <a className="button" href={url} download data-csv={name}>{T.exports.csv}</a>;
}
