import { parseChannelRegistry, signChannelRequest, type RegisteredChannel } from './channel-signature';
import { secretOf } from '../tokens/key-material';

/** The channel registry intake uses (INTAKE_CHANNELS, else INTAKE_CHANNELS_FILE, else the development file). */
export function readChannelRegistry(env: Record<string, string | undefined> = process.env): RegisteredChannel[] {
  return parseChannelRegistry(secretOf(env.INTAKE_CHANNELS, env.INTAKE_CHANNELS_FILE ?? '.run/keys/channels.json', 'INTAKE_CHANNELS', 'INTAKE_CHANNELS_FILE'));
}

/**
 * A fetch() init for POST /api/v1/intake/complaints signed as `channelId` (tools: bench, chaos,
 * demo, lapor-sim's webhook). The body is serialised once and those exact bytes are signed and sent.
 */
export function signedComplaintRequest(channelId: string, body: unknown, env: Record<string, string | undefined> = process.env): { method: 'POST'; headers: Record<string, string>; body: string } {
  const channel = readChannelRegistry(env).find((c) => c.id === channelId);
  if (!channel) throw new Error(`channel "${channelId}" is not registered (INTAKE_CHANNELS / .run/keys/channels.json)`);
  const text = JSON.stringify(body);
  return { method: 'POST', headers: { 'content-type': 'application/json', ...signChannelRequest({ channelId, secret: channel.secrets[0], body: text }) }, body: text };
}
