import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../../../bot-service/flows/understanding/csv.ts';

describe('understanding/csv', () => {
  it('splits plain fields and rows, with LF or CRLF line ends', () => {
    expect(parseCsv('a,b,c\n1,2,3\r\n4,5,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'name,address\n"RSUD Dr. Soetomo","Jl. Mayjen Prof. Dr. Moestopo No. 6-8, Airlangga, Gubeng"\n' +
      '"RS ""Nasional""","line one\nline two"\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'address'],
      ['RSUD Dr. Soetomo', 'Jl. Mayjen Prof. Dr. Moestopo No. 6-8, Airlangga, Gubeng'],
      ['RS "Nasional"', 'line one\nline two'],
    ]);
  });

  it('keeps empty fields, skips blank lines and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b,c\n\n1,,3\n,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(/unterminated/);
  });

  it('maps records by header and names a row with the wrong field count', () => {
    expect(parseCsvRecords('code,name\n35.78,"Kota Surabaya"')).toEqual([{ code: '35.78', name: 'Kota Surabaya' }]);
    expect(() => parseCsvRecords('code,name\n35.78,Kota Surabaya,extra')).toThrow(/row 2 has 3 fields/);
  });
});
