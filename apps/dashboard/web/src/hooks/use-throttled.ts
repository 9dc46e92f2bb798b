import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `ms`: live updates arrive every half second while a
 * sweep runs, and a refetch of the comparison or importance that often would be wasted work.
 * The latest value always lands, at most `ms` late.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [throttled, setThrottled] = useState(value);
  const lastSet = useRef(0);

  useEffect(() => {
    const wait = lastSet.current + ms - Date.now();
    const apply = () => {
      lastSet.current = Date.now();
      setThrottled(value);
    };
    if (wait <= 0) {
      apply();
      return;
    }
    const timer = setTimeout(apply, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);

  return throttled;
}
