// Reads a SOAP fault (1.2 Code/Subcode/Reason, or 1.1 faultcode/faultstring) out of a camera's
// raw answer. The onvif package keeps only the reason text; the subcode (ter:NotAuthorized,
// ter:ActionNotSupported…) is what tells a wrong password from a missing feature.

export interface SoapFault {
  code: string;
  /** Nested subcode values, outermost first, e.g. ['ter:InvalidArgVal', 'ter:NoProfile']. */
  subcodes: string[];
  reason: string;
}

const P = '(?:[\\w.-]+:)?';

export function parseSoapFault(xml: string): SoapFault | null {
  const fault = new RegExp(`<${P}Fault\\b[^>]*>([\\s\\S]*?)</${P}Fault>`).exec(xml)?.[1];
  if (fault === undefined) return null;
  const values = [...fault.matchAll(new RegExp(`<${P}Value\\b[^>]*>([^<]*)</${P}Value>`, 'g'))].map((m) => decode(m[1] ?? '').trim());
  const reason = new RegExp(`<${P}Reason\\b[^>]*>[\\s\\S]*?<${P}Text\\b[^>]*>([^<]*)<`).exec(fault)?.[1]
    ?? new RegExp(`<${P}faultstring\\b[^>]*>([^<]*)<`).exec(fault)?.[1] ?? '';
  const code = values[0] ?? new RegExp(`<${P}faultcode\\b[^>]*>([^<]*)<`).exec(fault)?.[1]?.trim() ?? '';
  return { code, subcodes: values.slice(1), reason: decode(reason).trim() };
}

/** The text of the first element with this local name, entities decoded; null if absent. */
export function leafText(xml: string, localName: string): string | null {
  const m = new RegExp(`<${P}${localName}\\b[^>/]*>([^<]*)</${P}${localName}>`).exec(xml);
  return m ? decode(m[1] ?? '').trim() : null;
}

export function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    }
  });
}

/** Escapes text for an XML element, for values the onvif package splices into requests. */
export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
