/**
 * A dynamic import that tries again after a failure, waiting longer each time (0.5 s, 1 s, 2 s…).
 * The chart code is a separate chunk loaded on first use; if the server goes away mid-download
 * (a restart of `sweep dashboard`), the page must not lose its charts for good.
 *
 * @throws the last attempt's error when every attempt failed.
 */
export async function importWithRetry<T>(load: () => Promise<T>, attempts = 6, delayMs = 500): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (attempts <= 1) throw error;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return importWithRetry(load, attempts - 1, Math.min(delayMs * 2, 8000));
  }
}
