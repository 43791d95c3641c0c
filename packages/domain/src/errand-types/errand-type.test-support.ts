import { expect } from 'vitest';
import { withTexts } from '../forms/answer-text.test-support.ts';
import { type FormAnswers, validateAnswers } from '../forms/answer-validator.ts';
import type { FormDefinition } from '../forms/form-definition.schema.ts';
import { validateFormDefinition } from '../forms/form-definition-validator.ts';

// Small helpers for the errand type tests: submit answers on a fixed day and look at the outcome.

/** A Monday; dates in the tests are relative to it. */
export const TODAY = '2025-05-12';

export function expectValidDefinition(definition: FormDefinition): void {
  expect(validateFormDefinition(definition)).toEqual([]);
}

export function expectAccepted(definition: FormDefinition, answers: unknown): FormAnswers {
  const result = validateAnswers(definition, answers, { today: TODAY });
  expect(result.ok ? [] : result.errors).toEqual([]);
  return result.ok ? result.value : {};
}

/** The refusals, their messages written out in Swedish and English by the shipped catalogue. */
export function refusals(definition: FormDefinition, answers: unknown) {
  const result = validateAnswers(definition, answers, { today: TODAY });
  if (result.ok) throw new Error(`expected the answers to be refused, but got ${JSON.stringify(result.value)}`);
  return withTexts(result.errors);
}

/** `path:code` for each refusal, the compact form most tests compare. */
export function refusalCodes(definition: FormDefinition, answers: unknown): string[] {
  return refusals(definition, answers).map((error) => `${error.path}:${error.code}`);
}
