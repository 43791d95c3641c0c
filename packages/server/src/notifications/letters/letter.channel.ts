import type { Channel, DeliveryResult, RenderedMessage } from '../notification.types.ts';
import type { PrintService } from './print-service.ts';

/** Letters through a print service; the PDF's path is the row's `pdfPath` parameter. */
export function createLetterChannel(printService: PrintService): Channel {
  return {
    async deliver(message: RenderedMessage): Promise<DeliveryResult> {
      const { pdfPath } = message.parameters;
      if (typeof pdfPath !== 'string') return { outcome: 'undeliverable', reason: 'the letter has no pdfPath' };
      return printService.submit({ id: message.id, template: message.template, pdfPath });
    },
  };
}
