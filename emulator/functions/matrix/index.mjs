// matrix — the talk's "CPU-bound (numpy: inverting a 1500x1500 matrix)" class, in plain JavaScript:
// Gauss-Jordan inversion of a deterministic, well-conditioned n×n matrix.
// env MATRIX_SIZE (default 120), WORK_MULTIPLIER (default 1: number of inversions). Returns a checksum.
const positiveNumber = (value, fallback) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
};

/** Diagonally dominant, so Gauss-Jordan needs no pivoting luck. */
const makeMatrix = (n) => {
  const a = new Float64Array(n * n);
  let seed = 42;
  for (let i = 0; i < n * n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    a[i] = seed / 2147483648;
  }
  for (let i = 0; i < n; i++) a[i * n + i] += n;
  return a;
};

const invert = (source, n) => {
  const a = Float64Array.from(source);
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row * n + col]) > Math.abs(a[pivot * n + col])) pivot = row;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k], a[col * n + k]];
        [inverse[col * n + k], inverse[pivot * n + k]] = [inverse[pivot * n + k], inverse[col * n + k]];
      }
    }
    const scale = 1 / a[col * n + col];
    for (let k = 0; k < n; k++) {
      a[col * n + k] *= scale;
      inverse[col * n + k] *= scale;
    }
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = a[row * n + col];
      if (factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[row * n + k] -= factor * a[col * n + k];
        inverse[row * n + k] -= factor * inverse[col * n + k];
      }
    }
  }
  return inverse;
};

export const handler = async () => {
  const size = Math.floor(positiveNumber(process.env.MATRIX_SIZE, 120));
  const repetitions = Math.max(1, Math.round(positiveNumber(process.env.WORK_MULTIPLIER, 1)));
  const matrix = makeMatrix(size);
  let trace = 0;
  for (let r = 0; r < repetitions; r++) {
    const inverse = invert(matrix, size);
    trace = 0;
    for (let i = 0; i < size; i++) trace += inverse[i * size + i];
  }
  return { size, repetitions, trace: Number(trace.toFixed(9)) };
};
