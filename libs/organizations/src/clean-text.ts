import { nfc } from '@eiso/common';

/** NFC, single spaces, no padding: how names are stored and compared. */
export function cleanText(value: string): string {
  return nfc(value).replace(/\s+/g, ' ').trim();
}

/** Like cleanText, but a blank optional value is stored as null. */
export function cleanOptionalText(value: string | null | undefined): string | null {
  return (value && cleanText(value)) || null;
}
