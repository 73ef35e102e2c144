import { poolSizeOf, WireSlots } from '../../activities/mail/wire-slots';

describe('wire slots', () => {
  it('let as many messages on the wire as the pool has connections, the next when one is given back', async () => {
    const slots = new WireSlots(2);
    const first = await slots.take();
    await slots.take();
    let thirdTaken = false;
    const third = slots.take().then((giveBack) => {
      thirdTaken = true;
      return giveBack;
    });
    await new Promise((settle) => setImmediate(settle));
    expect(thirdTaken).toBe(false);
    first();
    first(); // giving back twice frees one slot, not two
    await third;
    expect(thirdTaken).toBe(true);
    let fourthTaken = false;
    void slots.take().then(() => (fourthTaken = true));
    await new Promise((settle) => setImmediate(settle));
    expect(fourthTaken).toBe(false);
  });

  it('match the transport’s pool size from SMTP_URL', () => {
    expect(poolSizeOf('smtp://127.0.0.1:25')).toBe(3);
    expect(poolSizeOf('smtp://127.0.0.1:25?pool=true&maxConnections=8')).toBe(8);
    expect(poolSizeOf('smtp://127.0.0.1:25?pool=false')).toBe(1);
    expect(poolSizeOf(undefined)).toBe(3);
  });
});
