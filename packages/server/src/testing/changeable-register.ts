import { buildDemoRegister, createFileRegister, type Registers } from '../registers/index.ts';
import type { PersonRecord } from '../registers/register-file.schema.ts';

/**
 * Today's demo register, which a test can change while the app runs (a guardian loses custody,
 * protected identity appears): `change` edits a person's record; the next lookup sees it.
 */
export function changeableRegisters(today = new Date()) {
  const files = buildDemoRegister(today);
  let current = createFileRegister(files);
  const registers = new Proxy({} as Registers, {
    get(_target, key) {
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  return {
    registers,
    change(personnummer: string, edit: (person: PersonRecord) => void): void {
      const person = files.population.people.find((p) => p.personnummer === personnummer);
      if (!person) throw new Error(`no ${personnummer} in the demo register`);
      edit(person);
      current = createFileRegister(files);
    },
  };
}
