/**
 * A duration as users write one: hours, minutes and seconds in that order, each optional, numbers
 * may have decimals: '90s', '30m', '2h', '1h30m', '1.5h'.
 */
export const DURATION_PATTERN = /^(?=\d)(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/** The seconds `text` stands for, or undefined when it is not a duration (DURATION_PATTERN). */
export function durationSeconds(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}
