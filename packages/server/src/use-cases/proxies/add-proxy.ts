import type { ProxyChild } from '@kontakta/contract';
import { type CitizenActor, type Language, parsePersonnummer } from '@kontakta/domain';
import { serverTexts } from '../../i18n/server-texts.ts';
import { saveCitizenFromRegister } from '../../storage/repositories/citizen-login.repository.ts';
import { findActiveProxy, insertProxy, insertProxyEvent } from '../../storage/repositories/proxy.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { recordProxyChange } from '../statistics/record-statistics.ts';
import { refusalOfProxy } from './proxy-parties.ts';
import { proxyChildView } from './proxy-view.ts';

/**
 * A guardian becomes proxy (ombud) for their child, as the population register says now. Refused
 * with `proxy-refused` and the rule's reason; adding a child one is already proxy for changes nothing.
 */
export async function addProxy(
  ctx: UseCaseContext<CitizenActor>,
  input: { personnummer: string; language: Language },
): Promise<ProxyChild> {
  // Only as oneself: acting for a child gives no right to add proxies on the child's behalf.
  if (ctx.actor.actingForCitizenId) throw new AppError('forbidden', 'acting-for-child');
  const parsed = parsePersonnummer(input.personnummer, new Date(ctx.now));
  if (!parsed.ok || parsed.value.kind !== 'personnummer') {
    throw new AppError('validation-failed', undefined, [
      {
        path: 'body.personnummer',
        code: 'invalid-personnummer',
        message: serverTexts(input.language)('field.proxy.invalid-personnummer'),
      },
    ]);
  }
  let guardian: Awaited<ReturnType<typeof ctx.registers.findPerson>>;
  let child: typeof guardian;
  try {
    [guardian, child] = await Promise.all([
      ctx.registers.findPerson(ctx.actor.personnummer),
      ctx.registers.findPerson(parsed.value.canonical),
    ]);
  } catch {
    throw new AppError('service-unavailable', 'population-register-unavailable');
  }
  if (!guardian) throw new AppError('not-found');
  const refusal = refusalOfProxy(guardian, child, new Date(ctx.now), ctx.config.proxy);
  if (refusal || !child) throw new AppError('proxy-refused', refusal ?? 'child-not-in-register');

  const childId = await ctx.database.db.transaction().execute(async (trx) => {
    const id = await saveCitizenFromRegister(
      trx,
      { personnummer: child.personnummer, givenName: child.name.given, familyName: child.name.family },
      ctx.now,
      null,
    );
    if (!(await findActiveProxy(trx, ctx.actor.citizenId, id))) {
      const municipalityCode = child.municipality.code;
      const proxy = await insertProxy(trx, ctx.actor.citizenId, id, ctx.now, municipalityCode);
      await insertProxyEvent(trx, { proxyId: proxy.id, kind: 'added', at: ctx.now });
      await recordProxyChange(trx, { municipalityCode, change: 'started', at: ctx.now });
    }
    return id;
  });
  return proxyChildView(
    { id: childId, personnummer: child.personnummer, givenName: child.name.given, familyName: child.name.family },
    ctx.config.proxy,
    ctx.now,
  );
}
