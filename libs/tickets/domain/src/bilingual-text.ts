/** User-facing text: Bahasa Indonesia for the desk's users, English for logs and integrators. */
export interface BilingualText {
  readonly id: string;
  readonly en: string;
}
