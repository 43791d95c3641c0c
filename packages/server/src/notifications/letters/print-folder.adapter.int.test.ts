import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrintFolderService } from './print-folder.adapter.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-print-'));
  dirs.push(dir);
  return dir;
}

describe('the print outbox folder', () => {
  it('moves the letter there as <outbox id>.pdf, once however often it is handed over', async () => {
    const work = tempDir();
    const outbox = path.join(tempDir(), 'print-outbox');
    const pdfPath = path.join(work, 'letter.pdf');
    fs.writeFileSync(pdfPath, '%PDF-1.7 letter');
    const service = createPrintFolderService(outbox);

    const first = await service.submit({ id: 'f1e2d3c4', template: 'password-letter', pdfPath });
    expect(first).toEqual({ outcome: 'sent', reference: 'f1e2d3c4.pdf' });
    expect(fs.readdirSync(outbox)).toEqual(['f1e2d3c4.pdf']);
    expect(fs.readFileSync(path.join(outbox, 'f1e2d3c4.pdf'), 'utf8')).toBe('%PDF-1.7 letter');
    // The password exists in one file only.
    expect(fs.existsSync(pdfPath)).toBe(false);

    const again = await service.submit({ id: 'f1e2d3c4', template: 'password-letter', pdfPath });
    expect(again).toEqual({ outcome: 'sent', reference: 'f1e2d3c4.pdf' });
    expect(fs.readdirSync(outbox)).toEqual(['f1e2d3c4.pdf']);
  });

  it('gives up on a letter whose PDF is missing', async () => {
    const service = createPrintFolderService(tempDir());
    const result = await service.submit({ id: 'x', template: 'password-letter', pdfPath: '/nonexistent/x.pdf' });
    expect(result).toEqual({ outcome: 'undeliverable', reason: "the letter's PDF is missing" });
  });

  it('retries when the folder cannot be written', async () => {
    const work = tempDir();
    const pdfPath = path.join(work, 'letter.pdf');
    fs.writeFileSync(pdfPath, '%PDF');
    const blocked = path.join(work, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const result = await createPrintFolderService(blocked).submit({ id: 'y', template: 'password-letter', pdfPath });
    expect(result.outcome).toBe('retry');
    expect(fs.existsSync(pdfPath)).toBe(true);
  });
});
