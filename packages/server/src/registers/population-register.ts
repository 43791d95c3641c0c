import type { Municipality, PersonName, Personnummer, PostalAddress } from './register.types.ts';

/** A person as the population register (folkbokföringen) knows them. */
export type Person = Readonly<{
  personnummer: Personnummer;
  name: PersonName;
  /** The registered address (folkbokföringsadress); password letters go here. */
  address: PostalAddress;
  /** The municipality the person is registered in; used for statistics by geography. */
  municipality: Municipality;
  /** E.164, e.g. `+46701740605`; absent when no number is known. */
  mobile?: string;
  /** The person's guardians (vårdnadshavare); empty for adults. */
  guardians: readonly Personnummer[];
  /** Children the person is guardian of; the mirror of `guardians`. */
  children: readonly Personnummer[];
  /**
   * Any kind of protected identity (sekretessmarkering, skyddad folkbokföring, fingerade
   * personuppgifter). Kontakta must then refuse proxy links and show no address.
   */
  protectedIdentity: boolean;
  /** Mail is forwarded elsewhere (eftersändning), so no password letter may be sent. */
  mailForwarding: boolean;
  /** Deceased (avliden): no one may act for the person. Absent means alive. */
  deceased?: boolean;
  /**
   * The HSA-id of the health centre (vårdcentral) the person is listed at (listning), shown as
   * "Din vårdcentral"; absent when the person is not listed anywhere. In a real installation this
   * comes from the region's listing service, which an integration can answer through this adapter.
   */
  listedUnitHsaId?: string;
}>;

/**
 * The population register as Kontakta sees it. A real integration asks Skatteverket's register
 * through a provider (e.g. Navet); so every method is async and may be slow or fail.
 */
export interface PopulationRegister {
  /** The person with this 12-digit personnummer, or undefined when the register has no such person. */
  findPerson(personnummer: Personnummer): Promise<Person | undefined>;
  /** The children this person is guardian of, in the register's order; empty when none. */
  findChildren(guardian: Personnummer): Promise<readonly Person[]>;
}
