import { randomInt } from 'node:crypto';

// Capitals and digits without the look-alikes 0/O and 1/I/L: typed from paper by people of all
// ages. 31 symbols, 16 of them: about 79 bits, far beyond guessing even without the SMS code.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A new password for a letter, written in groups: `K7QM-X3TR-…`. */
export function newLetterPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What is hashed and compared: case, spaces and dashes do not matter. */
export function normalizeLetterPassword(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}
