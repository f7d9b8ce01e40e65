/**
 * A small RFC 4180 CSV parser.
 *
 * Handles quoted fields with commas, doubled quotes ("") and line breaks inside quotes,
 * CRLF or LF line ends and a UTF-8 byte-order mark. Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const endRow = (): void => {
    if (fieldStarted || field !== '' || row.length > 0) {
      row.push(field);
      // A row that is one empty field is a blank line.
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n') {
      endRow();
    } else if (c === '\r') {
      if (src[i + 1] === '\n') i++;
      endRow();
    } else {
      field += c;
    }
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field');
  endRow();
  return rows;
}

/**
 * Parse CSV with a header row into records keyed by column name.
 *
 * Throws when a row has a different number of fields than the header, naming the line.
 */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells, index) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV: row ${index + 2} has ${cells.length} fields, the header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      record[name] = cells[i] ?? '';
    });
    return record;
  });
}
