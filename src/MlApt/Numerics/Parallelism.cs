namespace MlApt.Numerics;

/// <summary>
/// How many threads the library's parallel loops may use, process-wide (HPC nodes are shared: the CLI's
/// <c>--threads</c> sets it). Every parallel loop of the library takes <see cref="Options"/>; results
/// never depend on the thread count, only the time does.
/// </summary>
public static class Parallelism
{
    private static volatile int _maxThreads;

    /// <summary>The thread limit; 0 (the default) uses every core.</summary>
    public static int MaxThreads
    {
        get => _maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxThreads));
            _maxThreads = value;
        }
    }

    /// <summary>Threads the loops use: <see cref="MaxThreads"/>, or the processor count when that is 0.</summary>
    public static int Threads => _maxThreads > 0 ? _maxThreads : Environment.ProcessorCount;

    /// <summary>Options for <see cref="Parallel"/> loops honouring the limit.</summary>
    public static ParallelOptions Options => new() { MaxDegreeOfParallelism = _maxThreads > 0 ? _maxThreads : -1 };
}
