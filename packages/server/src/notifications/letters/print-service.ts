import type { DeliveryResult } from '../notification.types.ts';

/** A printable letter: the PDF is made by whoever queued it (e.g. the password letter). */
export type PrintLetter = {
  /** The outbox id: a print service must print a letter once however often it is handed over. */
  id: string;
  template: string;
  /** Absolute path to the PDF. */
  pdfPath: string;
};

/**
 * The adapter a print-and-post service implements. Kontakta ships the folder adapter
 * (print-folder.adapter.ts); an integration with a print house's API implements the same.
 */
export type PrintService = {
  submit(letter: PrintLetter): Promise<DeliveryResult>;
};
