/**
 * How much of a tab a capture takes: the whole page (the toolbar button, the shortcut, "Capture
 * this page"), or the one post under the pointer ("Capture this post"): then the record is that
 * post, a tight screenshot of it is added and the snapshot marks it.
 */
export interface CaptureOptions {
  scope?: 'page' | 'pointer';
  /** Firefox's id of the element the context menu was opened on (`menus.OnClickData`). */
  targetElementId?: number;
}
