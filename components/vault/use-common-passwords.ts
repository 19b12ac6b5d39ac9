import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { COMMON_PASSWORDS_PATH, parseCommonList } from '../../lib/vault/strength';

let loading: Promise<Set<string>> | undefined;

/** The common-passwords list shipped in the extension; empty until loaded. */
export function useCommonPasswords(): ReadonlySet<string> {
  const [list, setList] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    loading ??= fetch(browser.runtime.getURL(COMMON_PASSWORDS_PATH as '/popup.html'))
      .then((r) => r.text())
      .then(parseCommonList);
    loading.then(setList).catch(() => (loading = undefined));
  }, []);
  return list;
}
