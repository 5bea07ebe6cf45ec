/**
 * A CSV as Brazilian spreadsheets save it: UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV"
 * on Windows), `;` (Excel in pt-BR, where `,` is the decimal mark) or `,`. Quotes per RFC 4180.
 */
export interface ParsedCsv {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ';' | ',';
  headers: string[];
  /** Data rows, each with its line number in the file (the header is line 1) for error messages. */
  rows: { line: number; cells: string[] }[];
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: ParsedCsv['encoding'] } {
  try {
    // fatal: invalid UTF-8 throws, and that is the sign of a Windows-1252 file.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '').replaceAll('\u0000', ''), encoding: 'utf-8' };
  } catch {
    // A NUL byte is no text (PostgreSQL refuses it): dropped, like the BOM.
    return { text: new TextDecoder('windows-1252').decode(bytes).replaceAll('\u0000', ''), encoding: 'windows-1252' };
  }
}

/** The delimiter of the header line: the one that appears more often outside quotes. */
function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const count = (ch: string) => outsideQuotes.split(ch).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

/** RFC 4180 records: quoted fields may hold the delimiter, "" and line breaks. */
function parseRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  // Blank lines (Excel adds some at the end) are no rows.
  return records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  const [header, ...rows] = parseRecords(text, delimiter);
  return { encoding, delimiter, headers: (header?.cells ?? []).map((h) => h.trim()), rows: rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })) };
}
