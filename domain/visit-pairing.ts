import type { VisitAssociation, VisitPairing } from './networking-visit';

/** An association that attended the day, as the pairing sees it. */
export interface VisitCandidate extends VisitAssociation {
  /** People it sent to the day. */
  attendees: number;
  /** Training days of the programme it attended, this one included: its experience. */
  daysAttended: number;
}

export interface PairingOptions {
  /** At most this many visits. */
  maxVisits: number;
  /** At most this many visitors per host. */
  visitorsPerVisit: number;
  /**
   * The order sectors take turns in (the day's audience); sectors of candidates not named
   * here follow, by id.
   */
  sectorOrder?: readonly string[];
}

export interface ProposedPairing extends VisitPairing {
  sector: VisitCandidate['sector'];
}

/** The more experienced first; then the larger delegation; then by id, so the order is total. */
function byExperience(a: VisitCandidate, b: VisitCandidate): number {
  return (
    b.daysAttended - a.daysAttended ||
    b.attendees - a.attendees ||
    (a.associationId < b.associationId ? -1 : a.associationId > b.associationId ? 1 : 0)
  );
}

/** Visitors: the least experienced first, they have the most to learn; then by id. */
function byLeastExperience(a: VisitCandidate, b: VisitCandidate): number {
  return (
    a.daysAttended - b.daysAttended ||
    b.attendees - a.attendees ||
    (a.associationId < b.associationId ? -1 : a.associationId > b.associationId ? 1 : 0)
  );
}

/**
 * Proposes exchange visits between associations that attended a day. Within a sector the
 * most experienced association not yet paired hosts; its visitors are associations of the
 * same sector from other provinces (learning from a similar trade elsewhere) or, when the
 * sector has no one left in another province, less experienced associations of its own
 * province (learning from a host with more experience). Sectors take turns, so a few visits
 * cover several sectors. Every association is in at most one pairing. Deterministic: the same
 * candidates in any order give the same pairings.
 */
export function proposeVisitPairings(
  candidates: readonly VisitCandidate[],
  options: PairingOptions,
): ProposedPairing[] {
  const unique = new Map<string, VisitCandidate>();
  for (const candidate of candidates)
    if (!unique.has(candidate.associationId)) unique.set(candidate.associationId, candidate);
  const ordered = [...unique.values()].sort(byExperience);
  const used = new Set<string>();
  const pairings: ProposedPairing[] = [];
  const visitorsPerVisit = Math.max(1, options.visitorsPerVisit);
  const exhausted = new Set<string>();

  const pairNextHost = (sector: VisitCandidate['sector']): ProposedPairing | undefined => {
    for (const host of ordered) {
      if (host.sector !== sector || used.has(host.associationId)) continue;
      const peers = ordered.filter(
        (peer) =>
          peer.sector === sector &&
          peer.associationId !== host.associationId &&
          !used.has(peer.associationId),
      );
      const elsewhere = peers.filter((peer) => peer.province !== host.province);
      const lessExperienced = peers.filter((peer) => peer.daysAttended < host.daysAttended);
      const [visitors, reason] =
        elsewhere.length > 0
          ? [elsewhere, 'same-sector-other-province' as const]
          : [lessExperienced, 'host-experience' as const];
      if (visitors.length === 0) continue;
      const chosen = [...visitors].sort(byLeastExperience).slice(0, visitorsPerVisit);
      used.add(host.associationId);
      for (const visitor of chosen) used.add(visitor.associationId);
      return {
        hostId: host.associationId,
        visitorIds: chosen.map((visitor) => visitor.associationId),
        reason,
        sector,
      };
    }
    return undefined;
  };

  const named = options.sectorOrder ?? [];
  const others = [...new Set(ordered.map((candidate) => candidate.sector))]
    .filter((sector) => !named.includes(sector))
    .sort();
  const sectors = [...new Set([...named, ...others])];
  while (pairings.length < options.maxVisits && exhausted.size < sectors.length) {
    for (const sector of sectors) {
      if (pairings.length >= options.maxVisits) break;
      if (exhausted.has(sector)) continue;
      const pairing = pairNextHost(sector);
      if (pairing) pairings.push(pairing);
      else exhausted.add(sector);
    }
  }
  return pairings;
}
