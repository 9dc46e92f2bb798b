/** Accuracy and macro-averaged F1 from predicted and true labels. */
export function accuracyAndMacroF1(predicted: ArrayLike<number>, actual: ArrayLike<number>, classes: number): { accuracy: number; macroF1: number } {
  const truePositive = new Array<number>(classes).fill(0);
  const predictedCount = new Array<number>(classes).fill(0);
  const actualCount = new Array<number>(classes).fill(0);
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    const p = predicted[i] as number;
    const a = actual[i] as number;
    predictedCount[p] = (predictedCount[p] as number) + 1;
    actualCount[a] = (actualCount[a] as number) + 1;
    if (p === a) {
      correct += 1;
      truePositive[a] = (truePositive[a] as number) + 1;
    }
  }
  let f1Sum = 0;
  for (let c = 0; c < classes; c++) {
    const tp = truePositive[c] as number;
    const denominator = (predictedCount[c] as number) + (actualCount[c] as number);
    // A class absent from both predictions and truth contributes F1 = 0, as scikit-learn's default does.
    f1Sum += denominator === 0 ? 0 : (2 * tp) / denominator;
  }
  return { accuracy: actual.length === 0 ? 0 : correct / actual.length, macroF1: f1Sum / classes };
}
