import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { ProgressBar } from '../ui/progress-bar';
import { ShortHash } from '../ui/short-hash';
import type { CaptureState } from './use-capture';

/** The primary action and what became of it: progress while sealing, then the short hash. */
export function CapturePanel({
  state,
  disabled,
  onCapture,
}: {
  state: CaptureState;
  disabled: boolean;
  onCapture: () => void;
}) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  // The popup opens on the monitor's shortcut; focus is on Capture so Enter captures at once.
  // (The autofocus attribute is not honoured for content rendered after load.)
  useEffect(() => {
    if (!disabled) button.current?.focus();
  }, [disabled, state.status]);
  if (state.status === 'sealing')
    return (
      <div aria-live="polite">
        <ProgressBar
          label={
            state.stage && state.total
              ? t('sealingProgress', t(`stage_${state.stage}`), state.done, state.total)
              : t('sealing')
          }
          done={state.done}
          total={state.total}
        />
      </div>
    );
  if (state.status === 'sealed')
    return (
      <p class="sealed" aria-live="polite" data-testid="sealed">
        <span class="ok">✓ {t('sealed')}</span> <ShortHash seal={state.seal} />
      </p>
    );
  return (
    <>
      {state.status === 'failed' && (
        <p role="alert" class="error">
          {t('captureFailed', state.error)}
        </p>
      )}
      <button
        type="button"
        class="primary big"
        disabled={disabled}
        onClick={onCapture}
        ref={button}
      >
        {t('captureButton')}
      </button>
    </>
  );
}
