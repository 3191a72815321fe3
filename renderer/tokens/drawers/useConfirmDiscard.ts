import { App } from 'antd';
import { useCallback } from 'react';

/** Closes at once when nothing was edited; otherwise asks before throwing the edits away. */
export function useConfirmDiscard(edited: boolean, close: () => void): () => void {
  const { modal } = App.useApp();
  return useCallback(() => {
    if (!edited) {
      close();
      return;
    }
    modal.confirm({
      title: 'Discard your changes?',
      content: 'What you entered in this drawer will be lost.',
      okText: 'Discard',
      okButtonProps: { danger: true },
      cancelText: 'Keep editing',
      onOk: close,
    });
  }, [edited, close, modal]);
}
