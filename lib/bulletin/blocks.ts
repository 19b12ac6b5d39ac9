/** A tiny document model both renderers share, so Markdown and HTML say exactly the same thing. */
export type Inline = string | { text: string; href?: string; code?: boolean; strong?: boolean };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; anchor?: string }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

export const captureAnchor = (id: string) => `capture-${id}`;
