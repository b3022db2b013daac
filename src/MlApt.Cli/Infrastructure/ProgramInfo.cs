using MlApt.Numerics;

namespace MlApt.Cli.Infrastructure;

/// <summary>Program name and version, recorded in every output's provenance.</summary>
internal static class ProgramInfo
{
    /// <summary>The informational version of the library (e.g. <c>0.1.0+commit</c>).</summary>
    public static string Version => Provenance.Version;
}
