import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** How long the button must be held: long enough not to happen by accident, under a second. */
export const HOLD_MS = 800;

interface HoldButtonProps {
  onHeld: () => void;
  children: ComponentChildren;
  describedBy?: string;
  disabled?: boolean;
}

/**
 * A button that acts only when held down (mouse, touch, or Space/Enter): a confirmation that
 * needs no typing, so it works in every keyboard layout and language. Releasing early, moving
 * off it or losing focus cancels; a bar fills while it is held.
 */
export function HoldButton({ onHeld, children, describedBy, disabled }: HoldButtonProps) {
  const [progress, setProgress] = useState(0);
  const started = useRef<number | null>(null);
  const frame = useRef(0);

  const cancel = () => {
    started.current = null;
    cancelAnimationFrame(frame.current);
    setProgress(0);
  };
  const tick = () => {
    if (started.current === null) return;
    const p = Math.min(1, (performance.now() - started.current) / HOLD_MS);
    setProgress(p);
    if (p >= 1) {
      started.current = null;
      onHeld();
    } else frame.current = requestAnimationFrame(tick);
  };
  const start = () => {
    if (disabled || started.current !== null) return;
    started.current = performance.now();
    frame.current = requestAnimationFrame(tick);
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return (
    <button
      type="button"
      class="danger hold"
      disabled={disabled}
      aria-describedby={describedBy}
      onPointerDown={(e) => {
        if (e.button === 0) start();
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onBlur={cancel}
      onKeyDown={(e) => {
        if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
          e.preventDefault();
          start();
        }
      }}
      onKeyUp={(e) => {
        if (e.key === ' ' || e.key === 'Enter') cancel();
      }}
      // A click (press and release) alone never acts.
      onClick={(e) => e.preventDefault()}
      onContextMenu={(e) => e.preventDefault()}
    >
      <span
        class="hold-fill"
        style={{ width: `${Math.round(progress * 100)}%` }}
        aria-hidden="true"
      />
      <span class="hold-label">{children}</span>
    </button>
  );
}
