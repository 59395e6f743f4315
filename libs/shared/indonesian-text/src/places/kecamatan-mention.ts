// The kecamatan a text speaks of, for code that needs only the code (intake's duplicate window):
// the configured regency's gazetteer (kecamatan, kelurahan, default desa), built once.
import { Gazetteer } from './gazetteer';

let regencyGazetteer: Gazetteer | null = null;

/** The kecamatan code a text most plausibly speaks of, or null when it names none (or two equally). */
export function kecamatanMentionedIn(text: string): string | null {
  regencyGazetteer ??= Gazetteer.fromReference();
  return regencyGazetteer.primaryKecamatan(text)?.kecamatanCode ?? null;
}
