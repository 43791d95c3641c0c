import { buildDemoRegister, createFileRegister, type Registers } from '../registers/index.ts';

let cached: { day: string; registers: Registers } | undefined;

/** The demo register as of today, built once per test file. */
export function demoRegisters(today = new Date()): Registers {
  const day = today.toISOString().slice(0, 10);
  if (cached?.day !== day) cached = { day, registers: createFileRegister(buildDemoRegister(today)) };
  return cached.registers;
}
