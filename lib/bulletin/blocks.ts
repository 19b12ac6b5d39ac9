/** A tiny document model the renderers share, so Markdown, HTML and text say exactly the same. */
export type Inline = string | { text: string; href?: string; code?: boolean; strong?: boolean };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; anchor?: string }
  /** `lead`: the person's lead sentence (the plain-text form starts it with the name's line). */
  | { type: 'paragraph'; content: Inline[]; lead?: boolean }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

/** The anchor of evidence number `ref` in the list at the end (no internal id in the text). */
export const evidenceAnchor = (ref: number) => `evidence-${ref}`;
