using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MlApt.Learning;

/// <summary>
/// Single-precision matrix products for the network's layers, register-blocked with 512-bit FMA
/// (without AVX-512, <see cref="MultiplyNarrow"/> uses 256-bit registers instead).
/// <para>
/// <see cref="Multiply"/> (C = A·B) keeps an 8 × 32 block of C in 16 registers and, per step along
/// the inner dimension, loads two vectors of a row of B and broadcasts eight elements of A: B is read
/// along its rows (the Keras [in][out] layout), A through arbitrary strides, so a transposed operand
/// (Xᵀ·dY for weight gradients) costs nothing extra. Rows of A are walked in blocks of 8 whose
/// elements stay in L1 while B streams from L2.
/// </para>
/// <para><see cref="MultiplyTransposed"/> (C = A·Bᵀ, both row-major) forms 4 × 4 blocks of dot products.</para>
/// </summary>
internal static unsafe class Gemm
{
    private const int Mr = 8;
    private const int Nr = 32;
    private const int V = 16;

    /// <summary>
    /// C[m×n] = A·B (+ C when <paramref name="accumulate"/>) (+ bias broadcast over rows when not empty).
    /// A(i, p) = a[i·rowStrideA + p·colStrideA]; B(p, j) = b[p·ldb + j]; C(i, j) = c[i·ldc + j].
    /// </summary>
    public static void Multiply(ReadOnlySpan<float> a, int rowStrideA, int colStrideA, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int n, int k, bool accumulate = false, ReadOnlySpan<float> bias = default)
    {
        if (m == 0 || n == 0)
            return;
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k > 0)
        {
            CheckLength(a.Length, (long)(m - 1) * rowStrideA + (long)(k - 1) * colStrideA + 1, nameof(a));
            CheckLength(b.Length, (long)(k - 1) * ldb + n, nameof(b));
        }
        CheckLength(c.Length, (long)(m - 1) * ldc + n, nameof(c));
        if (!bias.IsEmpty)
            CheckLength(bias.Length, n, nameof(bias));
        if (!Vector512.IsHardwareAccelerated)
        {
            MultiplyNarrow(a, rowStrideA, colStrideA, b, ldb, c, ldc, m, n, k, accumulate, bias);
            return;
        }
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            float* biasPtr = bias.IsEmpty ? null : pbias;
            var i = 0;
            for (; i + Mr <= m; i += Mr)
            {
                var j = 0;
                for (; j + Nr <= n; j += Nr)
                    Kernel8x32(pa + (nint)i * rowStrideA, rowStrideA, colStrideA, pb + j, ldb, pc + (nint)i * ldc + j, ldc, k, accumulate, biasPtr == null ? null : biasPtr + j);
                for (; j + V <= n; j += V)
                    Kernel8x16(pa + (nint)i * rowStrideA, rowStrideA, colStrideA, pb + j, ldb, pc + (nint)i * ldc + j, ldc, k, accumulate, biasPtr == null ? null : biasPtr + j);
                if (j < n)
                    Scalar(pa + (nint)i * rowStrideA, rowStrideA, colStrideA, pb + j, ldb, pc + (nint)i * ldc + j, ldc, Mr, n - j, k, accumulate, biasPtr == null ? null : biasPtr + j);
            }
            for (; i < m; i++)
            {
                var j = 0;
                for (; j + V <= n; j += V)
                    Kernel1x16(pa + (nint)i * rowStrideA, colStrideA, pb + j, ldb, pc + (nint)i * ldc + j, k, accumulate, biasPtr == null ? null : biasPtr + j);
                if (j < n)
                    Scalar(pa + (nint)i * rowStrideA, rowStrideA, colStrideA, pb + j, ldb, pc + (nint)i * ldc + j, ldc, 1, n - j, k, accumulate, biasPtr == null ? null : biasPtr + j);
            }
        }
    }

    /// <summary>
    /// <see cref="Multiply"/> for CPUs without AVX-512 (called directly by tests): 4 × 16 blocks in 8
    /// 256-bit registers (enough independent FMAs to hide their latency), since 16 emulated 512-bit
    /// accumulators would not fit in AVX2's 16 registers. Lengths are checked by the caller.
    /// </summary>
    internal static void MultiplyNarrow(ReadOnlySpan<float> a, int rowStrideA, int colStrideA, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int n, int k, bool accumulate, ReadOnlySpan<float> bias)
    {
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            float* biasPtr = bias.IsEmpty ? null : pbias;
            var i = 0;
            for (; i < m; i += 4)
            {
                var rows = Math.Min(4, m - i);
                var j = 0;
                for (; j + 16 <= n; j += 16)
                {
                    var ai = pa + (nint)i * rowStrideA;
                    var ci = pc + (nint)i * ldc + j;
                    var bj = biasPtr == null ? null : biasPtr + j;
                    if (rows == 4)
                        Kernel4x16Narrow(ai, rowStrideA, colStrideA, pb + j, ldb, ci, ldc, k, accumulate, bj);
                    else
                        for (var r = 0; r < rows; r++)
                            Kernel1x16Narrow(ai + (nint)r * rowStrideA, colStrideA, pb + j, ldb, ci + (nint)r * ldc, k, accumulate, bj);
                }
                if (j < n)
                    Scalar(pa + (nint)i * rowStrideA, rowStrideA, colStrideA, pb + j, ldb, pc + (nint)i * ldc + j, ldc, rows, n - j, k, accumulate, biasPtr == null ? null : biasPtr + j);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x16Narrow(float* a, nint rs, nint cs, float* b, nint ldb, float* c, nint ldc, int k, bool acc, float* bias)
    {
        const int W = 8;
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31;
        if (acc)
        {
            c00 = Vector256.Load(c); c01 = Vector256.Load(c + W);
            c10 = Vector256.Load(c + ldc); c11 = Vector256.Load(c + ldc + W);
            c20 = Vector256.Load(c + 2 * ldc); c21 = Vector256.Load(c + 2 * ldc + W);
            c30 = Vector256.Load(c + 3 * ldc); c31 = Vector256.Load(c + 3 * ldc + W);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector256<float>.Zero;
        }
        if (bias != null)
        {
            var b0 = Vector256.Load(bias);
            var b1 = Vector256.Load(bias + W);
            c00 += b0; c01 += b1; c10 += b0; c11 += b1; c20 += b0; c21 += b1; c30 += b0; c31 += b1;
        }
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + W);
            var x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[rs]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2 * rs]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3 * rs]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            a += cs;
            b += ldb;
        }
        c00.Store(c); c01.Store(c + W);
        c10.Store(c + ldc); c11.Store(c + ldc + W);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + W);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + W);
    }

    private static void Kernel1x16Narrow(float* a, nint cs, float* b, nint ldb, float* c, int k, bool acc, float* bias)
    {
        const int W = 8;
        var c0 = acc ? Vector256.Load(c) : Vector256<float>.Zero;
        var c1 = acc ? Vector256.Load(c + W) : Vector256<float>.Zero;
        if (bias != null)
        {
            c0 += Vector256.Load(bias);
            c1 += Vector256.Load(bias + W);
        }
        for (var p = 0; p < k; p++)
        {
            var x = Vector256.Create(*a);
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.Load(b), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.Load(b + W), c1);
            a += cs;
            b += ldb;
        }
        c0.Store(c);
        c1.Store(c + W);
    }

    /// <summary>
    /// C[m×n] = A·Bᵀ (+ C when <paramref name="accumulate"/>): C(i, j) = Σₚ a[i·lda + p]·b[j·ldb + p].
    /// </summary>
    public static void MultiplyTransposed(ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int n, int k, bool accumulate = false)
    {
        if (m == 0 || n == 0)
            return;
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k > 0)
        {
            CheckLength(a.Length, (long)(m - 1) * lda + k, nameof(a));
            CheckLength(b.Length, (long)(n - 1) * ldb + k, nameof(b));
        }
        CheckLength(c.Length, (long)(m - 1) * ldc + n, nameof(c));
        if (m >= Mr && n >= Mr && k >= 64)
        {
            // Dot-product blocks end in horizontal sums; for a long inner dimension it is faster to
            // transpose A (m·k values, small next to B's n·k) and form Cᵀ = B·Aᵀ with the broadcast kernel.
            var at = Scratch(ref _aT, k * m);
            for (var i = 0; i < m; i++)
                for (var p = 0; p < k; p++)
                    at[p * m + i] = a[i * lda + p];
            var ct = Scratch(ref _cT, n * m);
            Multiply(b, ldb, 1, at, m, ct, m, n, m, k);
            for (var i = 0; i < m; i++)
            {
                var row = c.Slice(i * ldc, n);
                for (var j = 0; j < n; j++)
                    row[j] = accumulate ? row[j] + ct[j * m + i] : ct[j * m + i];
            }
            return;
        }
        fixed (float* pa = a, pb = b, pc = c)
        {
            var i = 0;
            for (; i + 4 <= m; i += 4)
            {
                var j = 0;
                for (; j + 4 <= n; j += 4)
                    Dots4x4(pa + (nint)i * lda, lda, pb + (nint)j * ldb, ldb, pc + (nint)i * ldc + j, ldc, k, accumulate);
                for (; j < n; j++)
                    for (var r = 0; r < 4; r++)
                        Dot1(pa + (nint)(i + r) * lda, pb + (nint)j * ldb, pc + (nint)(i + r) * ldc + j, k, accumulate);
            }
            for (; i < m; i++)
                for (var j = 0; j < n; j++)
                    Dot1(pa + (nint)i * lda, pb + (nint)j * ldb, pc + (nint)i * ldc + j, k, accumulate);
        }
    }

    [ThreadStatic] private static float[]? _aT;
    [ThreadStatic] private static float[]? _cT;

    /// <summary>A per-thread buffer of at least <paramref name="size"/> floats, grown on demand (no allocation per call).</summary>
    private static Span<float> Scratch(ref float[]? buffer, int size)
    {
        if (buffer is null || buffer.Length < size)
            buffer = new float[Math.Max(size, 1024)];
        return buffer.AsSpan(0, size);
    }

    private static void CheckLength(int actual, long needed, string name)
    {
        if (actual < needed)
            throw new ArgumentException($"span too short: {actual} < {needed}", name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x32(float* a, nint rs, nint cs, float* b, nint ldb, float* c, nint ldc, int k, bool acc, float* bias)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (acc)
        {
            c00 = Vector512.Load(c); c01 = Vector512.Load(c + V);
            c10 = Vector512.Load(c + ldc); c11 = Vector512.Load(c + ldc + V);
            c20 = Vector512.Load(c + 2 * ldc); c21 = Vector512.Load(c + 2 * ldc + V);
            c30 = Vector512.Load(c + 3 * ldc); c31 = Vector512.Load(c + 3 * ldc + V);
            c40 = Vector512.Load(c + 4 * ldc); c41 = Vector512.Load(c + 4 * ldc + V);
            c50 = Vector512.Load(c + 5 * ldc); c51 = Vector512.Load(c + 5 * ldc + V);
            c60 = Vector512.Load(c + 6 * ldc); c61 = Vector512.Load(c + 6 * ldc + V);
            c70 = Vector512.Load(c + 7 * ldc); c71 = Vector512.Load(c + 7 * ldc + V);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector512<float>.Zero;
        }
        if (bias != null)
        {
            var b0 = Vector512.Load(bias);
            var b1 = Vector512.Load(bias + V);
            c00 += b0; c01 += b1; c10 += b0; c11 += b1; c20 += b0; c21 += b1; c30 += b0; c31 += b1;
            c40 += b0; c41 += b1; c50 += b0; c51 += b1; c60 += b0; c61 += b1; c70 += b0; c71 += b1;
        }
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + V);
            var x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[rs]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2 * rs]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3 * rs]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4 * rs]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5 * rs]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6 * rs]);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7 * rs]);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            a += cs;
            b += ldb;
        }
        c00.Store(c); c01.Store(c + V);
        c10.Store(c + ldc); c11.Store(c + ldc + V);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + V);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + V);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + V);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + V);
        c60.Store(c + 6 * ldc); c61.Store(c + 6 * ldc + V);
        c70.Store(c + 7 * ldc); c71.Store(c + 7 * ldc + V);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x16(float* a, nint rs, nint cs, float* b, nint ldb, float* c, nint ldc, int k, bool acc, float* bias)
    {
        Vector512<float> c0, c1, c2, c3, c4, c5, c6, c7;
        if (acc)
        {
            c0 = Vector512.Load(c); c1 = Vector512.Load(c + ldc); c2 = Vector512.Load(c + 2 * ldc); c3 = Vector512.Load(c + 3 * ldc);
            c4 = Vector512.Load(c + 4 * ldc); c5 = Vector512.Load(c + 5 * ldc); c6 = Vector512.Load(c + 6 * ldc); c7 = Vector512.Load(c + 7 * ldc);
        }
        else
        {
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = Vector512<float>.Zero;
        }
        if (bias != null)
        {
            var b0 = Vector512.Load(bias);
            c0 += b0; c1 += b0; c2 += b0; c3 += b0; c4 += b0; c5 += b0; c6 += b0; c7 += b0;
        }
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.Load(b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a[0]), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a[rs]), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a[2 * rs]), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a[3 * rs]), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a[4 * rs]), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a[5 * rs]), b0, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a[6 * rs]), b0, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a[7 * rs]), b0, c7);
            a += cs;
            b += ldb;
        }
        c0.Store(c); c1.Store(c + ldc); c2.Store(c + 2 * ldc); c3.Store(c + 3 * ldc);
        c4.Store(c + 4 * ldc); c5.Store(c + 5 * ldc); c6.Store(c + 6 * ldc); c7.Store(c + 7 * ldc);
    }

    private static void Kernel1x16(float* a, nint cs, float* b, nint ldb, float* c, int k, bool acc, float* bias)
    {
        var c0 = acc ? Vector512.Load(c) : Vector512<float>.Zero;
        if (bias != null)
            c0 += Vector512.Load(bias);
        for (var p = 0; p < k; p++)
        {
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(*a), Vector512.Load(b), c0);
            a += cs;
            b += ldb;
        }
        c0.Store(c);
    }

    private static void Scalar(float* a, nint rs, nint cs, float* b, nint ldb, float* c, nint ldc, int rows, int cols, int k, bool acc, float* bias)
    {
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < cols; j++)
            {
                var s = acc ? c[r * ldc + j] : 0f;
                if (bias != null)
                    s += bias[j];
                for (var p = 0; p < k; p++)
                    s = MathF.FusedMultiplyAdd(a[r * rs + p * cs], b[p * ldb + j], s);
                c[r * ldc + j] = s;
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dots4x4(float* a, nint lda, float* b, nint ldb, float* c, nint ldc, int k, bool acc)
    {
        Vector512<float> s00 = default, s01 = default, s02 = default, s03 = default, s10 = default, s11 = default, s12 = default, s13 = default;
        Vector512<float> s20 = default, s21 = default, s22 = default, s23 = default, s30 = default, s31 = default, s32 = default, s33 = default;
        var p = 0;
        for (; p + V <= k; p += V)
        {
            var b0 = Vector512.Load(b + p);
            var b1 = Vector512.Load(b + ldb + p);
            var b2 = Vector512.Load(b + 2 * ldb + p);
            var b3 = Vector512.Load(b + 3 * ldb + p);
            var x = Vector512.Load(a + p);
            s00 = Vector512.FusedMultiplyAdd(x, b0, s00); s01 = Vector512.FusedMultiplyAdd(x, b1, s01);
            s02 = Vector512.FusedMultiplyAdd(x, b2, s02); s03 = Vector512.FusedMultiplyAdd(x, b3, s03);
            x = Vector512.Load(a + lda + p);
            s10 = Vector512.FusedMultiplyAdd(x, b0, s10); s11 = Vector512.FusedMultiplyAdd(x, b1, s11);
            s12 = Vector512.FusedMultiplyAdd(x, b2, s12); s13 = Vector512.FusedMultiplyAdd(x, b3, s13);
            x = Vector512.Load(a + 2 * lda + p);
            s20 = Vector512.FusedMultiplyAdd(x, b0, s20); s21 = Vector512.FusedMultiplyAdd(x, b1, s21);
            s22 = Vector512.FusedMultiplyAdd(x, b2, s22); s23 = Vector512.FusedMultiplyAdd(x, b3, s23);
            x = Vector512.Load(a + 3 * lda + p);
            s30 = Vector512.FusedMultiplyAdd(x, b0, s30); s31 = Vector512.FusedMultiplyAdd(x, b1, s31);
            s32 = Vector512.FusedMultiplyAdd(x, b2, s32); s33 = Vector512.FusedMultiplyAdd(x, b3, s33);
        }
        Finish(a, b, c, k, p, acc, Vector512.Sum(s00), 0, 0, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s01), 0, 1, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s02), 0, 2, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s03), 0, 3, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s10), 1, 0, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s11), 1, 1, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s12), 1, 2, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s13), 1, 3, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s20), 2, 0, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s21), 2, 1, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s22), 2, 2, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s23), 2, 3, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s30), 3, 0, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s31), 3, 1, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s32), 3, 2, lda, ldb, ldc);
        Finish(a, b, c, k, p, acc, Vector512.Sum(s33), 3, 3, lda, ldb, ldc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(float* a, float* b, float* c, int k, int p, bool acc, float s, int r, int j, nint lda, nint ldb, nint ldc)
    {
        var ar = a + r * lda;
        var bj = b + j * ldb;
        for (var q = p; q < k; q++)
            s = MathF.FusedMultiplyAdd(ar[q], bj[q], s);
        ref var dst = ref c[r * ldc + j];
        dst = acc ? dst + s : s;
    }

    private static void Dot1(float* a, float* b, float* c, int k, bool acc)
    {
        var v = Vector512<float>.Zero;
        var p = 0;
        for (; p + V <= k; p += V)
            v = Vector512.FusedMultiplyAdd(Vector512.Load(a + p), Vector512.Load(b + p), v);
        var s = Vector512.Sum(v);
        for (; p < k; p++)
            s = MathF.FusedMultiplyAdd(a[p], b[p], s);
        *c = acc ? *c + s : s;
    }
}
