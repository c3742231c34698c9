// Tests only: the text of an uncompressed PDF, by decoding the hex strings of each TJ/Tj text operator.
// Good for the standard fonts pdfkit writes (one byte per character); not a general PDF parser.

const decodeHex = (hex: string) => Buffer.from(hex, 'hex').toString('latin1');

/** Every text run of the PDF in order, one per line; kerning splits inside a run are joined back. */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const runs: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    const parts = match[1] !== undefined ? [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [match[2] ?? ''];
    runs.push(parts.map(decodeHex).join(''));
  }
  return runs.join('\n');
}
