import { bounceAddress, bounceTagOf, tagInBounceAddress } from '../../stores/bounce-tags';

describe('bounce addresses (VERP)', () => {
  it('gives each message its own address, the same on every retry, readable back whatever the case', () => {
    const tag = bounceTagOf('<association-invitation.potiers-safi@multaqa>');
    expect(tag).toMatch(/^[0-9a-f]{20}$/);
    expect(bounceTagOf('<association-invitation.potiers-safi@multaqa>')).toBe(tag);
    expect(bounceTagOf('<rsvp-reminder.potiers-safi@multaqa>')).not.toBe(tag);
    const address = bounceAddress('bounces@chamber.example', tag);
    expect(address).toBe(`bounces+${tag}@chamber.example`);
    expect(tagInBounceAddress(address)).toBe(tag);
    expect(tagInBounceAddress(address.toUpperCase())).toBe(tag);
    expect(tagInBounceAddress(tag)).toBe(tag);
  });

  it('finds no tag in anything else', () => {
    for (const value of ['bounces@chamber.example', 'x', 'bounces+123@chamber.example', ''])
      expect(tagInBounceAddress(value)).toBeUndefined();
  });
});
