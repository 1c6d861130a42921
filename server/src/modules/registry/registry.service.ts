/**
 * What other modules use of the registry besides its household and person services: who sees a
 * household under the dual jurisdiction (decided here only), and the keyed lookups and sealing of
 * identifiers.
 */
export { assertHouseholdVisible, householdScope as householdsVisibleSql } from './registry.policy.ts';
export { ageOn, idHash, phoneHash, sealIdNumber, sealPhone } from './identity.ts';
