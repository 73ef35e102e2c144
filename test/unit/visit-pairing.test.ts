import { proposeVisitPairings, type VisitCandidate } from '../../domain/visit-pairing';

function candidate(
  associationId: string,
  province: string,
  sector: VisitCandidate['sector'],
  daysAttended = 1,
  attendees = 1,
): VisitCandidate {
  return {
    associationId,
    name: `Association ${associationId}`,
    email: `${associationId}@example.org`,
    language: 'fr',
    province,
    sector,
    attendees,
    daysAttended,
  };
}

// The workflow passes the day's audience sectors as the order sectors take turns in.
const options = {
  maxVisits: 10,
  visitorsPerVisit: 2,
  sectorOrder: ['trade', 'crafts', 'services'],
};

describe('proposing networking visits between associations that attended a day', () => {
  it('pairs a host with associations of the same sector from another province', () => {
    const pairings = proposeVisitPairings(
      [
        candidate('potiers-safi', 'Safi', 'crafts', 3),
        candidate('couturiers-youssoufia', 'Youssoufia', 'crafts', 1),
        candidate('tisserands-youssoufia', 'Youssoufia', 'crafts', 1),
        candidate('tujjar-souk-safi', 'Safi', 'trade', 1),
      ],
      options,
    );
    expect(pairings).toEqual([
      {
        hostId: 'potiers-safi',
        visitorIds: ['couturiers-youssoufia', 'tisserands-youssoufia'],
        reason: 'same-sector-other-province',
        sector: 'crafts',
      },
    ]);
  });

  it('falls back to a more experienced host of the same province when no other province has the sector', () => {
    const pairings = proposeVisitPairings(
      [
        candidate('tujjar-souk-safi', 'Safi', 'trade', 2),
        candidate('sardine-traders-safi', 'Safi', 'trade', 1),
      ],
      options,
    );
    expect(pairings).toEqual([
      {
        hostId: 'tujjar-souk-safi',
        visitorIds: ['sardine-traders-safi'],
        reason: 'host-experience',
        sector: 'trade',
      },
    ]);
  });

  it('proposes nothing between equally new associations of one province and sector', () => {
    expect(
      proposeVisitPairings(
        [candidate('a-safi', 'Safi', 'trade'), candidate('b-safi', 'Safi', 'trade')],
        options,
      ),
    ).toEqual([]);
  });

  it('never pairs associations of different sectors', () => {
    expect(
      proposeVisitPairings(
        [
          candidate('a-safi', 'Safi', 'trade', 4),
          candidate('b-youssoufia', 'Youssoufia', 'crafts'),
        ],
        options,
      ),
    ).toEqual([]);
  });

  it('puts every association in at most one visit, and respects the visitor and visit limits', () => {
    const many = [
      ...Array.from({ length: 6 }, (_, index) =>
        candidate(`safi-${index}`, 'Safi', 'services', index + 1),
      ),
      ...Array.from({ length: 6 }, (_, index) =>
        candidate(`youssoufia-${index}`, 'Youssoufia', 'services', 1),
      ),
    ];
    const pairings = proposeVisitPairings(many, { maxVisits: 3, visitorsPerVisit: 2 });
    expect(pairings).toHaveLength(3);
    const everyone = pairings.flatMap((pairing) => [pairing.hostId, ...pairing.visitorIds]);
    expect(new Set(everyone).size).toBe(everyone.length);
    for (const pairing of pairings) expect(pairing.visitorIds.length).toBeLessThanOrEqual(2);
    // The most experienced host first.
    expect(pairings[0]!.hostId).toBe('safi-5');
  });

  it('lets sectors take turns so a few visits reach several sectors', () => {
    const pairings = proposeVisitPairings(
      [
        candidate('trade-safi-1', 'Safi', 'trade', 5),
        candidate('trade-safi-2', 'Safi', 'trade', 4),
        candidate('trade-youssoufia-1', 'Youssoufia', 'trade'),
        candidate('trade-youssoufia-2', 'Youssoufia', 'trade'),
        candidate('crafts-safi', 'Safi', 'crafts', 1),
        candidate('crafts-youssoufia', 'Youssoufia', 'crafts', 1),
      ],
      { maxVisits: 2, visitorsPerVisit: 1, sectorOrder: ['trade', 'crafts'] },
    );
    expect(pairings.map((pairing) => pairing.sector)).toEqual(['trade', 'crafts']);
  });

  it('pairs a sector only this deployment knows, after the sectors the day names', () => {
    const pairings = proposeVisitPairings(
      [
        candidate('fishing-safi', 'Safi', 'fishing', 3),
        candidate('fishing-youssoufia', 'Youssoufia', 'fishing'),
        candidate('trade-safi', 'Safi', 'trade', 2),
        candidate('trade-youssoufia', 'Youssoufia', 'trade'),
      ],
      { maxVisits: 5, visitorsPerVisit: 1, sectorOrder: ['trade'] },
    );
    expect(pairings.map((pairing) => [pairing.sector, pairing.hostId])).toEqual([
      ['trade', 'trade-safi'],
      ['fishing', 'fishing-safi'],
    ]);
  });

  it('gives the same pairings whatever the order of the candidates', () => {
    const list = [
      candidate('c', 'Safi', 'crafts', 2, 3),
      candidate('a', 'Youssoufia', 'crafts', 1, 1),
      candidate('b', 'Youssoufia', 'crafts', 1, 2),
      candidate('d', 'Safi', 'crafts', 2, 3),
      candidate('e', 'Safi', 'trade', 1),
      candidate('f', 'Youssoufia', 'trade', 1),
    ];
    const expected = proposeVisitPairings(list, options);
    expect(proposeVisitPairings([...list].reverse(), options)).toEqual(expected);
    expect(
      proposeVisitPairings([list[3]!, list[0]!, list[5]!, list[1]!, list[4]!, list[2]!], options),
    ).toEqual(expected);
    // Ties on experience and delegation size are broken by id.
    expect(expected[0]).toMatchObject({ hostId: 'e', visitorIds: ['f'] });
  });

  it('ignores a candidate listed twice', () => {
    const host = candidate('host', 'Safi', 'crafts', 2);
    const visitor = candidate('visitor', 'Youssoufia', 'crafts');
    expect(proposeVisitPairings([host, visitor, visitor, host], options)).toHaveLength(1);
  });

  it('proposes nothing when no visit is wanted', () => {
    expect(
      proposeVisitPairings(
        [candidate('a', 'Safi', 'crafts', 2), candidate('b', 'Youssoufia', 'crafts')],
        { maxVisits: 0, visitorsPerVisit: 2 },
      ),
    ).toEqual([]);
  });
});
