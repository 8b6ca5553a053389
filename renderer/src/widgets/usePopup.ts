import { useEffect, useRef } from 'react';

/** A popup (a date or time picker, the header's 系统管理) closes when the pointer goes down or focus moves outside its box. */
export function usePopup(open: boolean, close: () => void) {
  const box = useRef<HTMLDivElement>(null);
  const onClose = useRef(close);
  useEffect(() => { onClose.current = close; }, [close]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event): void => {
      if (e.target instanceof Node && !box.current?.contains(e.target)) onClose.current();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);
  return box;
}
