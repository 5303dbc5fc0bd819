import mammoth from 'mammoth';

/**
 * The text of a .docx without its rendition (no LibreOffice on the machine): paragraphs and table
 * cells in document order, by mammoth (which reads the WordprocessingML, never runs macros).
 */
export async function extractDocxText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value.normalize('NFC');
}
