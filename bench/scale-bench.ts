export async function scaleBenchmark(): Promise<void> {
  throw new Error('not yet');
}
