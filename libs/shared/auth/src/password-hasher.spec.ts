import { PasswordHasher } from './password-hasher';

describe('password hashing', () => {
  const hasher = new PasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 });

  it('hashes with argon2id and a fresh salt, and verifies only the right password', async () => {
    const a = await hasher.hash('bekasi-demo-2026');
    const b = await hasher.hash('bekasi-demo-2026');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 'bekasi-demo-2026')).toBe(true);
    expect(await hasher.verify(a, 'bekasi-demo-2025')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
  });
});
