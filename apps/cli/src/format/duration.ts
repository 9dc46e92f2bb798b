/**
 * Durations for people: "0.4s", "42s", "3m05s", "1h02m", "2d03h". Negative, NaN or infinite
 * input prints as "—" (unknown).
 */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${(Math.round(seconds * 10) / 10).toFixed(1)}s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}m${pad(total % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d${pad(hours % 24)}h`;
}

/** "ETA 3m05s", "ETA —" while unknown, "done" at zero. */
export function formatEta(seconds: number | undefined): string {
  if (seconds !== undefined && Number.isFinite(seconds) && seconds <= 0) return 'done';
  return `ETA ${formatDuration(seconds)}`;
}

/** Trials per minute with sensible precision: "12.0/min", "0.85/min". */
export function formatRate(perMinute: number): string {
  if (!Number.isFinite(perMinute) || perMinute <= 0) return '—/min';
  return `${perMinute >= 10 ? perMinute.toFixed(0) : perMinute >= 1 ? perMinute.toFixed(1) : perMinute.toFixed(2)}/min`;
}

/** A local timestamp "2025-11-26 19:04:05" from epoch milliseconds; "—" when absent. */
export function formatTimestamp(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
