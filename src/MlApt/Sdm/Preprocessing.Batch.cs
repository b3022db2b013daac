using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MlApt.Numerics;

namespace MlApt.Sdm;

public static partial class Preprocessing
{
    private const int CurvesPerChunk = 1024;

    /// <summary>
    /// The <see cref="SdmStage.Normalized"/> stage of many raw curves in place, rounded to float32: each
    /// value becomes (float)((v − min) / (max − min)) computed in double, bit-identical to
    /// <see cref="ApplyBatch"/> followed by a cast to float, without the double buffer. An undefined curve
    /// (max == min) becomes all NaN. Returns the number of undefined curves. Parallel over curves.
    /// </summary>
    public static int NormalizeInPlace(Span<float> curves)
    {
        if (curves.Length % Length != 0)
            throw new ArgumentException($"length {curves.Length} is not a multiple of {Length}", nameof(curves));
        var count = curves.Length / Length;
        var undefined = 0;
        unsafe
        {
            fixed (float* p = curves)
            {
                var data = (nint)p;
                var chunks = (count + CurvesPerChunk - 1) / CurvesPerChunk;
                Parallel.For(0, chunks, Parallelism.Options, c =>
                {
                    var first = c * CurvesPerChunk;
                    var n = Math.Min(CurvesPerChunk, count - first);
                    var bad = 0;
                    for (var k = 0; k < n; k++)
                    {
                        var row = new Span<float>((float*)data + (long)(first + k) * Length, Length);
                        // float → double is exact, so the float min and max are the double ones.
                        double min = TensorPrimitives.Min<float>(row), max = TensorPrimitives.Max<float>(row);
                        if (!(max > min))
                        {
                            row.Fill(float.NaN);
                            bad++;
                            continue;
                        }
                        var range = max - min;
                        for (var b = 0; b < row.Length; b++)
                            row[b] = (float)((row[b] - min) / range);
                    }
                    Interlocked.Add(ref undefined, bad);
                });
            }
        }
        return undefined;
    }

    /// <summary>
    /// Many curves at once: <paramref name="raw"/> holds curves × 93 raw values (a voxel-scan buffer),
    /// <paramref name="destination"/> receives curves × 93 results of <paramref name="stage"/>, each
    /// bit-identical to the scalar <see cref="Apply(ReadOnlySpan{float}, Span{double}, SdmStage)"/>.
    /// Returns the number of undefined curves (written as NaN). Parallel over curves; the background
    /// clipping, whose in-place passes form a long dependency chain within one curve, runs 16 curves side
    /// by side in SIMD lanes, and a lane that finishes is refilled with the next curve at once.
    /// </summary>
    public static unsafe int ApplyBatch(ReadOnlySpan<float> raw, Span<double> destination, SdmStage stage)
    {
        if (raw.Length % Length != 0)
            throw new ArgumentException($"length {raw.Length} is not a multiple of {Length}", nameof(raw));
        if (destination.Length != raw.Length)
            throw new ArgumentException("destination must have the length of the input", nameof(destination));
        if (stage is not (SdmStage.Raw or SdmStage.Normalized or SdmStage.Preprocessed))
            throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
        var curves = raw.Length / Length;
        if (curves == 0) return 0;
        var undefined = 0;
        fixed (float* pr = raw)
        fixed (double* pd = destination)
        {
            var (src, dst) = ((nint)pr, (nint)pd);
            var chunks = (curves + CurvesPerChunk - 1) / CurvesPerChunk;
            Parallel.For(0, chunks, Parallelism.Options, () => (Engine?)null, (c, _, engine) =>
            {
                var first = c * CurvesPerChunk;
                var count = Math.Min(CurvesPerChunk, curves - first);
                var r = new ReadOnlySpan<float>((float*)src + (long)first * Length, count * Length);
                var d = new Span<double>((double*)dst + (long)first * Length, count * Length);
                int bad;
                if (stage == SdmStage.Preprocessed)
                {
                    engine ??= new Engine();
                    bad = engine.Run(r, d);
                }
                else
                {
                    bad = 0;
                    for (var k = 0; k < count; k++)
                        if (!Apply(r.Slice(k * Length, Length), d.Slice(k * Length, Length), stage)) bad++;
                }
                Interlocked.Add(ref undefined, bad);
                return engine;
            }, _ => { });
        }
        return undefined;
    }

    /// <summary>
    /// Lane engine for the background clipping. Lanes hold curves in the Gauss–Seidel phase; the
    /// scalar part of a curve (min–max, smoothing, m*, the first Jacobi pass) runs when it enters a lane.
    /// Per lane the arithmetic is the scalar reference's: (l + r) · 0.5 equals (l + r) / 2 exactly
    /// (a power-of-two scale), and MINPD(avg, cur) is "avg &lt; cur ? avg : cur" exactly.
    /// </summary>
    private sealed unsafe class Engine
    {
        private const int W = 4;          // Vector256<double> lanes
        private const int G = 4;          // independent vectors per step, to hide the chain latency
        private const int L = W * G;      // curves in flight
        private const int N = Length;

        private readonly double[] _b = new double[N * L];   // interleaved: element m of lane l at m·L + l
        private readonly double[] _s = new double[L * N];   // smoothed curve per lane, lane-major
        private readonly double[] _thr = new double[L];
        private readonly double[] _exceeds = new double[L]; // lane mask bits of "window max > threshold"
        private readonly int[] _curve = new int[L];
        private readonly int[] _it = new int[L];
        private readonly double[] _y = new double[N];
        private readonly double[] _col = new double[N];
        private readonly BackgroundClippingOptions _o = BackgroundClipping.Reference;

        private int _next;
        private int _count;
        private int _undefined;

        public int Run(ReadOnlySpan<float> raw, Span<double> dst)
        {
            _next = 0;
            _count = raw.Length / N;
            _undefined = 0;
            var active = 0;
            for (var l = 0; l < L; l++)
                if (Load(l, raw, dst)) active++;
            fixed (double* b = _b)
            fixed (double* thr = _thr)
            fixed (double* ex = _exceeds)
            {
                while (active > 0)
                {
                    Pass(b, thr, ex, _o.WindowStart, _o.WindowEnd);
                    for (var l = 0; l < L; l++)
                    {
                        if (_curve[l] < 0) continue;
                        var done = false;
                        if (_it[l] == _o.MaxIterations) done = true;
                        else
                        {
                            _it[l]++;
                            done = BitConverter.DoubleToInt64Bits(ex[l]) == 0;
                        }
                        if (!done) continue;
                        FinishLane(l, dst);
                        if (!Load(l, raw, dst)) active--;
                    }
                }
            }
            return _undefined;
        }

        /// <summary>Pulls curves into lane l until one needs Gauss–Seidel passes; false if none is left (lane idle).</summary>
        private bool Load(int l, ReadOnlySpan<float> raw, Span<double> dst)
        {
            var s = _s.AsSpan(l * N, N);
            var y = _y.AsSpan();
            var col = _col.AsSpan();
            while (_next < _count)
            {
                var c = _next++;
                var row = raw.Slice(c * N, N);
                var outRow = dst.Slice(c * N, N);
                TensorPrimitives.ConvertTruncating(row, y); // float → double is exact
                if (!MinMax(y, y))
                {
                    outRow.Fill(double.NaN);
                    _undefined++;
                    continue;
                }
                SavitzkyGolay.Reference.Apply(y, s);
                var m = BackgroundClipping.FindMinimum(s, _o.MinimumSearchStart);
                if (m < 0)
                {
                    col.Clear();
                    Complete(s, col, outRow);
                    continue;
                }
                var thr = s[m];
                if (!BackgroundClipping.WindowExceeds(s, _o.WindowStart, _o.WindowEnd, thr))
                {
                    Complete(s, s, outRow); // no pass: background = s
                    continue;
                }
                // First pass, Jacobi: reads s (the old b), writes b'.
                col[0] = s[0];
                col[N - 1] = s[N - 1];
                for (var k = 1; k < N - 1; k++)
                {
                    var avg = (s[k - 1] + s[k + 1]) / 2;
                    var cur = s[k];
                    col[k] = avg < cur ? avg : cur;
                }
                if (_o.MaxIterations == 0 || !BackgroundClipping.WindowExceeds(col, _o.WindowStart, _o.WindowEnd, thr))
                {
                    Complete(s, col, outRow);
                    continue;
                }
                for (var k = 0; k < N; k++) _b[k * L + l] = col[k];
                _thr[l] = thr;
                _it[l] = 1;
                _curve[l] = c;
                return true;
            }
            _curve[l] = -1;
            _thr[l] = double.PositiveInfinity; // idle lanes keep iterating stale data; nothing reads it
            return false;
        }

        private void FinishLane(int l, Span<double> dst)
        {
            var col = _col.AsSpan();
            for (var k = 0; k < N; k++) col[k] = _b[k * L + l];
            Complete(_s.AsSpan(l * N, N), col, dst.Slice(_curve[l] * N, N));
        }

        private void Complete(ReadOnlySpan<double> s, ReadOnlySpan<double> b, Span<double> outRow)
        {
            if (!Finish(s, b, outRow)) _undefined++;
        }

        /// <summary>One in-place Gauss–Seidel pass over all lanes; also records per lane whether the window exceeds its threshold.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Pass(double* b, double* thr, double* ex, int ws, int we)
        {
            var half = Vector256.Create(0.5);
            var t0 = Vector256.Load(thr); var l0 = Vector256.Load(b); var e0 = Vector256<double>.Zero;
            var t1 = Vector256.Load(thr + W); var l1 = Vector256.Load(b + W); var e1 = Vector256<double>.Zero;
            var t2 = Vector256.Load(thr + 2 * W); var l2 = Vector256.Load(b + 2 * W); var e2 = Vector256<double>.Zero;
            var t3 = Vector256.Load(thr + 3 * W); var l3 = Vector256.Load(b + 3 * W); var e3 = Vector256<double>.Zero;
            if (ws == 0) // end points are never updated but may be in the window
            {
                e0 |= Vector256.GreaterThan(l0, t0);
                e1 |= Vector256.GreaterThan(l1, t1);
                e2 |= Vector256.GreaterThan(l2, t2);
                e3 |= Vector256.GreaterThan(l3, t3);
            }
            for (var m = 1; m < N - 1; m++)
            {
                var row = b + m * L;
                var next = row + L;
                var n0 = Min((l0 + Vector256.Load(next)) * half, Vector256.Load(row));
                var n1 = Min((l1 + Vector256.Load(next + W)) * half, Vector256.Load(row + W));
                var n2 = Min((l2 + Vector256.Load(next + 2 * W)) * half, Vector256.Load(row + 2 * W));
                var n3 = Min((l3 + Vector256.Load(next + 3 * W)) * half, Vector256.Load(row + 3 * W));
                n0.Store(row); l0 = n0;
                n1.Store(row + W); l1 = n1;
                n2.Store(row + 2 * W); l2 = n2;
                n3.Store(row + 3 * W); l3 = n3;
                if ((uint)(m - ws) <= (uint)(we - ws))
                {
                    e0 |= Vector256.GreaterThan(n0, t0);
                    e1 |= Vector256.GreaterThan(n1, t1);
                    e2 |= Vector256.GreaterThan(n2, t2);
                    e3 |= Vector256.GreaterThan(n3, t3);
                }
            }
            if (we == N - 1)
            {
                var last = b + (N - 1) * L;
                e0 |= Vector256.GreaterThan(Vector256.Load(last), t0);
                e1 |= Vector256.GreaterThan(Vector256.Load(last + W), t1);
                e2 |= Vector256.GreaterThan(Vector256.Load(last + 2 * W), t2);
                e3 |= Vector256.GreaterThan(Vector256.Load(last + 3 * W), t3);
            }
            e0.Store(ex);
            e1.Store(ex + W);
            e2.Store(ex + 2 * W);
            e3.Store(ex + 3 * W);
        }

        /// <summary>avg &lt; cur ? avg : cur per lane (x86 MINPD has exactly these semantics).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Min(Vector256<double> avg, Vector256<double> cur) =>
            Avx.IsSupported ? Avx.Min(avg, cur) : Vector256.ConditionalSelect(Vector256.LessThan(avg, cur), avg, cur);
    }
}
