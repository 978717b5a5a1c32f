import { useEffect, useState } from 'preact/hooks';
import type * as RecordFormsModule from './record-forms';

type RecordForms = typeof RecordFormsModule;

let loading: Promise<RecordForms> | undefined;

/**
 * The record forms, imported on first use: readers never download them, and staff get them the moment the
 * sign-in shows they may record here (null until then).
 */
export function useRecordForms(): RecordForms | null {
  const [forms, setForms] = useState<RecordForms | null>(null);
  useEffect(() => {
    let current = true;
    loading ??= import('./record-forms');
    loading.then(
      (loaded) => current && setForms(loaded),
      () => {
        // A failed chunk (network) is not kept, so the next mount tries again.
        loading = undefined;
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return forms;
}
