import { PDFDocument } from 'pdf-lib';
import { PdfSourceError } from './pdf-source.error';

/**
 * Opens an uploaded PDF for stamping. Every way the bytes can be unusable becomes a
 * PdfSourceError, so callers can tell a bad upload from a bug.
 */
export async function loadSourcePdf(bytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    // The source's own metadata (author, dates) stays; the renderer sets only what it vouches for.
    // Encryption is checked below: pdf-lib's own EncryptedPDFError fails `instanceof` (ES5 build).
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new PdfSourceError('unreadable', { cause: error });
  }
  // pdf-lib cannot decrypt, and stamping an encrypted file would produce an unreadable copy.
  if (doc.isEncrypted) throw new PdfSourceError('encrypted');
  let pageCount: number;
  try {
    pageCount = doc.getPages().length;
  } catch (error) {
    throw new PdfSourceError('unreadable', { cause: error });
  }
  if (pageCount === 0) throw new PdfSourceError('empty');
  return doc;
}
