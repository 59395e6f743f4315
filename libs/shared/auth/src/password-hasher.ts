import { Algorithm, hash, verify } from '@node-rs/argon2';

export interface PasswordHashCost {
  /** KiB of memory per hash: what makes argon2id expensive on GPUs. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's minimum argon2id setting (19 MiB, 2 passes, 1 lane): about 20–40 ms a hash on a server core. */
export const DEFAULT_PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id (memory-hard) password hashing; the encoded hash carries its own salt and cost. */
export class PasswordHasher {
  constructor(private readonly cost: PasswordHashCost = DEFAULT_PASSWORD_HASH_COST) {}

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: Algorithm.Argon2id, ...this.cost });
  }

  async verify(encodedHash: string, password: string): Promise<boolean> {
    try {
      return await verify(encodedHash, password);
    } catch {
      return false;
    }
  }
}
